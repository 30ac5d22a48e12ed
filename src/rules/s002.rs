use super::fix::{Applicability, Fix};
use super::text::with_span_in;
use super::{declare_rule, sections, Context, Finding};
use crate::model::labels::{SECTION_NUMERALS, SECTION_TITLES};

declare_rule! {
    /// ## 检查内容
    /// 各部分标题应按顺序编号为「一、」至「六、」，文字与格式规定的一致。仅标点符号或空格不同的，
    /// 不报告。
    ///
    /// 修正：只有序号不对的，改为正确的序号，是安全修正；标题文字不对的，改为格式规定的标题，需要复核。
    ///
    /// ## 为什么重要
    /// 审核评议时会对报告结构打分：标题编号写成「3、」、部分顺序颠倒，
    /// 或者标题有错字（「政府信息公开行政法复议」「其他需要汇报事项」），都会被记为格式问题。
    ///
    /// ## 示例
    /// 错误写法：「3、 收到和处理政府信息公开申请情况」「1、 总体情况」。
    ///
    /// 正确写法：「三、收到和处理政府信息公开申请情况」「一、总体情况」。
    code: "S002",
    name: "heading-format",
    severity: Warning,
    inputs: Prose,
    summary: "部分标题的序号、顺序或文字与格式不一致",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(headings) = &ctx.report.headings else { return };
    let mut last_section = None;
    for (index, heading) in headings.iter().enumerate() {
        let Some(found) = sections::identify(heading) else { continue };
        let numeral = SECTION_NUMERALS[found.section];
        let mut problems = Vec::new();
        let bad_numbering = !found.official_numbering();
        if found.numbering.is_empty() {
            problems.push(format!("缺少序号，应为「{numeral}、」"));
        } else if bad_numbering {
            problems.push(format!("序号写作「{}」，应为「{numeral}、」", found.numbering));
        }
        if !found.exact_title {
            let (extra, missing) = title_difference(found.title, SECTION_TITLES[found.section]);
            let mut detail = Vec::new();
            if !extra.is_empty() {
                detail.push(format!("多了「{extra}」"));
            }
            if !missing.is_empty() {
                detail.push(format!("少了「{missing}」"));
            }
            problems.push(format!(
                "标题文字「{}」与格式规定的「{}」不一致（{}）",
                found.title,
                SECTION_TITLES[found.section],
                detail.join("，")
            ));
        }
        let wording_wrong = !problems.is_empty();
        if last_section.is_some_and(|last| found.section <= last) {
            problems.push("顺序不对：六个部分应按一至六的顺序排列".to_string());
        }
        last_section = Some(found.section);
        if problems.is_empty() {
            continue;
        }
        let fix = if wording_wrong {
            format!("请改为「{numeral}、{}」", SECTION_TITLES[found.section])
        } else {
            "请调整各部分的顺序".to_string()
        };
        let message = format!("标题「{}」：{}。{fix}", heading.trim(), problems.join("；"));
        // Point at the numbering when only it is wrong, else at the whole heading.
        let trimmed_start = heading.len() - heading.trim_start().len();
        let (start, end) = match heading.find(found.title) {
            Some(title_at) if bad_numbering && found.exact_title && !found.numbering.is_empty() => {
                (trimmed_start, trimmed_start + heading[trimmed_start..title_at].trim_end().len())
            }
            _ => (trimmed_start, trimmed_start + heading.trim().len()),
        };
        let path = format!("headings[{index}]");
        let mut finding = with_span_in(Finding::new(&RULE, message), path.clone(), heading, start, end);
        let title_at = heading.find(found.title).filter(|_| found.exact_title);
        if let (true, Some(title_at)) = (wording_wrong, title_at) {
            // Only the number is wrong or missing: renumbering cannot change the meaning.
            let numeral = format!("{numeral}、");
            finding = finding.with_fix(Fix::replace(&path, heading, trimmed_start, title_at, &numeral, Applicability::Safe));
        } else if wording_wrong {
            let official = format!("{numeral}、{}", SECTION_TITLES[found.section]);
            let end = trimmed_start + heading.trim().len();
            finding = finding.with_fix(Fix::replace(&path, heading, trimmed_start, end, &official, Applicability::Review));
        }
        out.push(finding);
    }
}

/// The letters a written title has beyond the official one, and those it lacks (by their
/// longest common subsequence): 「政府信息公开行政法复议…」 has an extra 「法」.
fn title_difference(written: &str, official: &str) -> (String, String) {
    let a: Vec<char> = sections::letters(written).chars().collect();
    let b: Vec<char> = sections::letters(official).chars().collect();
    let mut table = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] { table[i + 1][j + 1] + 1 } else { table[i + 1][j].max(table[i][j + 1]) };
        }
    }
    let (mut extra, mut missing) = (String::new(), String::new());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j == b.len() || (i < a.len() && table[i + 1][j] >= table[i][j + 1]) {
            extra.push(a[i]);
            i += 1;
        } else {
            missing.push(b[j]);
            j += 1;
        }
    }
    (extra, missing)
}

#[cfg(test)]
mod tests {
    use super::title_difference;

    #[test]
    fn names_the_letters_that_differ() {
        assert_eq!(title_difference("政府信息公开行政法复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况"), ("法".into(), "".into()));
        assert_eq!(title_difference("其他需要汇报事项", "其他需要报告的事项"), ("汇".into(), "告的".into()));
    }
}
