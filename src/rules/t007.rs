use super::{declare_rule, Context, Finding, Severity};
use crate::model::{CellId, TextField};

declare_rule! {
    /// ## What it checks
    /// That the prose does not contradict the tables. This version covers the outright case:
    /// the text says no request was received (「无依申请公开」, 「未收到…申请」) while table 三
    /// counts requests received this year (`s3.new.total` > 0).
    ///
    /// ## Why it matters
    /// Readers compare the text with the tables; a report that says both "none" and "three"
    /// is wrong in one of them, and reviewers mark it as a data-quality defect.
    ///
    /// ## Example
    /// Wrong: 「2024年全年无依申请公开。」 with 本年新收 总计 3.
    ///
    /// Right: 「2024年共收到政府信息公开申请3件。」
    code: "T007",
    name: "text-contradicts-tables",
    severity: Warning,
    summary: "正文中的数字或表述与统计表格不一致",
    check: check,
}

const DENIALS: [&str; 6] = ["未收到", "没有收到", "未接到", "没有接到", "未受理", "无"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let new_id = CellId::known("s3.new.total");
    let Some(received) = ctx.report.count(new_id).filter(|&n| n > 0) else { return };
    for field in TextField::ALL {
        let text = ctx.report.text.get(field);
        if let Some((start, end)) = find_no_request_claim(text) {
            let message = format!(
                "{}写道「{}」，但三、本年新收政府信息公开申请数量（总计）为 {received}：正文与表格矛盾，请核对后改正其一",
                field.label(),
                &text[start..end],
            );
            let finding = Finding::new(&RULE, message)
                .with_severity(Severity::Error)
                .with_cells([new_id])
                .with_text_span(field, text, start, end);
            out.push(finding);
        }
    }
}

/// Finds 「无依申请公开」 or 「未收到…申请」 (within one clause) and returns its byte range.
pub(super) fn find_no_request_claim(text: &str) -> Option<(usize, usize)> {
    for denial in DENIALS {
        for (start, _) in text.match_indices(denial) {
            let after = &text[start + denial.len()..];
            let clause_end = after.find(['。', '，', ',', '；', '\n']).unwrap_or(after.len());
            let clause = &after[..clause_end];
            let limit = if denial == "无" { 3 } else { 24 };
            if let Some(pos) = clause.find("申请") {
                let between = &clause[..pos];
                // 「未收到行政复议申请」 speaks of section 四, not of requests for information.
                let other_kind = ["不予", "复议", "诉讼"].iter().any(|w| between.contains(w));
                if between.chars().count() <= limit && !other_kind {
                    return Some((start, start + denial.len() + clause_end));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find_no_request_claim;

    #[test]
    fn finds_claims_of_no_requests() {
        let text = "2024年全年无依申请公开。";
        let (s, e) = find_no_request_claim(text).unwrap();
        assert_eq!(&text[s..e], "无依申请公开");
        assert!(find_no_request_claim("本年度未收到政府信息公开申请。").is_some());
        assert!(find_no_request_claim("共收到申请3件，无不予公开情形。").is_none());
        assert!(find_no_request_claim("无法提供的申请2件").is_none());
        assert!(find_no_request_claim("本年度未收到行政复议申请，未发生行政诉讼。").is_none());
    }
}
