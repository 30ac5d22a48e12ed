use super::text::Limit;
use super::text::segments::CLAUSE_ENDS;
use super::text::{clause_around, numerals::first_count_between, sentence_around, Count, Terms};
use super::{declare_rule, Context, Finding, Severity};
use crate::model::labels::{S2_IN_FORCE, S2_ISSUED, S2_REPEALED};
use crate::model::{CellId, Report, S2Row, S3Column, S3Row, S4Column, S4Group, TextField};

declare_rule! {
    /// ## 检查内容
    /// 正文中的数字应与表格一致。在同一分句中，读取关键词之后的件数：
    /// 新收/收到/受理…申请 N 件（对应第三部分表格的本年新收；
    /// “收到”和“受理”也可对应本年新收加上年结转）、上年结转、办结（对应办理结果「（七）总计」）、
    /// 结转下年度、各类办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理，
    /// 限于说申请的句子）、行政复议 N 件和行政诉讼 N 件（两类诉讼合计，限于说公开的句子），
    /// 以及行政规范性文件的制发、废止、现行有效件数。数字可以用汉字书写（三件、十二件）。
    /// 只有表格中相应的单元格已填写时才作比较。
    ///
    /// 与此无关的数字不报告：其他关键词之后的件数、比较中的件数（「较上年增加2件」）、
    /// 主动公开信息的件数。
    ///
    /// 明显矛盾的情形——正文说没有收到申请（「无依申请公开」「未收到…申请」），
    /// 而第三部分表格却统计了申请——按错误报告。
    ///
    /// ## 为什么重要
    /// 读者会把正文和表格对照着看；正文写行政复议 134 件、表格却是 170 件，必有一处是错的，
    /// 审核时会记为数据质量问题。
    ///
    /// ## 示例
    /// 错误写法：「被申请行政复议134件、被提起行政诉讼57件」，而行政复议总计 170，
    /// 行政诉讼为 25 + 52；「2024年全年无依申请公开。」，而本年新收总计 3。
    ///
    /// 正确写法：「被申请行政复议170件、被提起行政诉讼77件」；「2024年共收到政府信息公开申请3件。」
    code: "T007",
    name: "text-contradicts-tables",
    severity: Warning,
    inputs: Both,
    summary: "正文中的数字或表述与统计表格不一致",
    check: check,
}

const DENIALS: [&str; 6] = ["未收到", "没有收到", "未接到", "没有接到", "未受理", "无"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_no_request_claim(ctx, out);
    check_counts(ctx, out);
}

fn check_no_request_claim(ctx: &Context, out: &mut Vec<Finding>) {
    let new_id = S3Row::NEW.cell(S3Column::TOTAL);
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

/// What a keyword counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Quantity {
    /// 收到/受理…申请: 新收, or 新收 + 上年结转.
    Received,
    /// 新收…申请: 新收 only.
    NewOnly,
    CarriedIn,
    Closed,
    CarriedOut,
    /// An outcome of table 三 by its row key: that row, or the rows under it ([`S3Row::outcome`]).
    Outcome(&'static str),
    Review,
    Suit,
    NormativeIssued,
    NormativeRepealed,
    NormativeInForce,
    /// Ends the reach of the keyword before it.
    Stop,
}

const KEYWORDS: &[(&str, Quantity)] = &[
    ("收到", Quantity::Received),
    ("接收", Quantity::Received),
    ("受理", Quantity::Received),
    ("新收", Quantity::NewOnly),
    ("新受理", Quantity::NewOnly),
    ("上年结转", Quantity::CarriedIn),
    ("上年度结转", Quantity::CarriedIn),
    ("上一年度结转", Quantity::CarriedIn),
    ("办结", Quantity::Closed),
    ("结转下年", Quantity::CarriedOut),
    ("结转下一年", Quantity::CarriedOut),
    ("结转至下年", Quantity::CarriedOut),
    ("结转至下一年", Quantity::CarriedOut),
    ("结转到下一年", Quantity::CarriedOut),
    ("转入下一年", Quantity::CarriedOut),
    ("转入下年", Quantity::CarriedOut),
    ("予以公开", Quantity::Outcome("granted")),
    ("部分公开", Quantity::Outcome("partial")),
    ("不予公开", Quantity::Outcome("denied")),
    ("无法提供", Quantity::Outcome("unable")),
    ("不予处理", Quantity::Outcome("dismissed")),
    ("其他处理", Quantity::Outcome("other")),
    ("行政复议", Quantity::Review),
    ("行政诉讼", Quantity::Suit),
    ("制发行政规范性文件", Quantity::NormativeIssued),
    ("制发规范性文件", Quantity::NormativeIssued),
    ("印发行政规范性文件", Quantity::NormativeIssued),
    ("印发规范性文件", Quantity::NormativeIssued),
    ("出台行政规范性文件", Quantity::NormativeIssued),
    ("出台规范性文件", Quantity::NormativeIssued),
    ("制定行政规范性文件", Quantity::NormativeIssued),
    ("制定规范性文件", Quantity::NormativeIssued),
    ("废止", Quantity::NormativeRepealed),
    ("现行有效", Quantity::NormativeInForce),
    // Words that end the reach of the keyword before them without counting anything.
    ("主动公开", Quantity::Stop),
    ("同比", Quantity::Stop),
    ("较上年", Quantity::Stop),
    ("比上年", Quantity::Stop),
    ("其中", Quantity::Stop),
];

static KEYWORD_TERMS: Terms = Terms::new(|| KEYWORDS.iter().map(|(k, _)| *k).collect());

/// A count must follow its keyword within this many bytes (about 16 characters).
const REACH: usize = 48;

/// The cells a quantity is compared with, and the values that the text may rightly give.
fn expected(report: &Report, quantity: Quantity) -> Option<(Vec<CellId>, Vec<u64>, String)> {
    // Counts have no cap: a sum that passes u64 matches no number the text can hold.
    let sum = |ids: &[CellId]| -> Option<u64> { ids.iter().try_fold(0u64, |acc, &id| acc.checked_add(report.count(id)?)) };
    let total = |row: S3Row| row.cell(S3Column::TOTAL);
    Some(match quantity {
        Quantity::Received | Quantity::NewOnly => {
            let new = report.count(total(S3Row::NEW))?;
            let mut allowed = vec![new];
            let mut cells = vec![total(S3Row::NEW)];
            if quantity == Quantity::Received {
                if let Some(with_carried) = report.count(total(S3Row::CARRIED_IN)).and_then(|c| new.checked_add(c)) {
                    allowed.push(with_carried);
                    cells.push(total(S3Row::CARRIED_IN));
                }
            }
            let label = if allowed.len() > 1 {
                format!("本年新收 {new}（加上年结转为 {}）", allowed[1])
            } else {
                format!("本年新收 {new}")
            };
            (cells, allowed, label)
        }
        Quantity::CarriedIn => one(report, total(S3Row::CARRIED_IN))?,
        Quantity::Closed => one(report, total(S3Row::OUTCOME_TOTAL))?,
        Quantity::CarriedOut => one(report, total(S3Row::CARRIED_OUT))?,
        Quantity::Outcome(key) => {
            let rows: Vec<S3Row> = S3Row::outcome(key).collect();
            let ids: Vec<CellId> = rows.iter().map(|&row| total(row)).collect();
            let value = sum(&ids)?;
            let first = rows[0].axis();
            let group = first.groups.last().filter(|_| rows.len() > 1).copied().unwrap_or(first.label);
            (ids, vec![value], format!("{group} {value}"))
        }
        Quantity::Review => one(report, S4Group::REVIEW.cell(S4Column::TOTAL))?,
        Quantity::Suit => {
            let (direct, after_review) = (S4Group::SUIT_DIRECT, S4Group::SUIT_AFTER_REVIEW);
            let ids = [direct.cell(S4Column::TOTAL), after_review.cell(S4Column::TOTAL)];
            let value = sum(&ids)?;
            let label = format!(
                "{}（{} {} + {} {}）",
                direct.axis().groups[0],
                direct.axis().label,
                report.count(ids[0])?,
                after_review.axis().label,
                report.count(ids[1])?
            );
            (ids.to_vec(), vec![value], format!("{label}，合计 {value}"))
        }
        Quantity::NormativeIssued => one(report, S2Row::NORMATIVE.cell(S2_ISSUED))?,
        Quantity::NormativeRepealed => one(report, S2Row::NORMATIVE.cell(S2_REPEALED))?,
        Quantity::NormativeInForce => one(report, S2Row::NORMATIVE.cell(S2_IN_FORCE))?,
        Quantity::Stop => return None,
    })
}

fn one(report: &Report, id: CellId) -> Option<(Vec<CellId>, Vec<u64>, String)> {
    let value = report.count(id)?;
    Some((vec![id], vec![value], format!("{} {value}", id.label())))
}

/// Whether the sentence around a keyword is about what the keyword counts there.
fn in_context(quantity: Quantity, sentence: &str, between: &str) -> bool {
    let about_requests = ["申请", "答复", "办理", "办结"].iter().any(|w| sentence.contains(w));
    match quantity {
        Quantity::Received | Quantity::NewOnly => between.contains("申请") && !between.contains("复议"),
        Quantity::CarriedIn | Quantity::CarriedOut | Quantity::Closed | Quantity::Outcome(..) => about_requests,
        Quantity::Review | Quantity::Suit => sentence.contains("公开"),
        Quantity::NormativeIssued => true,
        // 「现行有效」 and 「废止」 say which row only when the sentence is about 规范性文件 alone.
        Quantity::NormativeRepealed | Quantity::NormativeInForce => {
            sentence.contains("规范性文件") && !sentence.contains("规章")
        }
        Quantity::Stop => false,
    }
}

/// A number in the prose and what it claims.
#[derive(Debug)]
pub(super) struct Claim {
    quantity: Quantity,
    keyword_start: usize,
    count: Count,
}

/// The counts that follow their keywords in one text: part of each field's analysis
/// ([`Prose::claims`](super::Prose::claims)), kept while the text does not change.
pub(super) fn claims(text: &str) -> Vec<Claim> {
    let hits: Vec<_> = KEYWORD_TERMS.find_iter(text).collect();
    if hits.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (i, hit) in hits.iter().enumerate() {
        let (keyword, quantity) = KEYWORDS[hit.term];
        if quantity == Quantity::Stop {
            continue;
        }
        // 「主动予以公开」 is proactive disclosure.
        if keyword == "予以公开" && text[..hit.start].ends_with("主动") {
            continue;
        }
        let next_keyword = hits.get(i + 1).map_or(text.len(), |h| h.start);
        let mut reach = next_keyword.min(hit.end + REACH).min(text.len());
        while !text.is_char_boundary(reach) {
            reach -= 1;
        }
        let reach = text[hit.end..reach].find(CLAUSE_ENDS).map_or(reach, |i| hit.end + i);
        let Some(count) = first_count_between(text, hit.end, reach).filter(|c| c.end <= reach) else { continue };
        let between = &text[hit.end..count.start];
        if ["增加", "减少", "增长", "下降", "上升", "%", "％"].iter().any(|w| between.contains(w)) {
            continue;
        }
        let (sentence_start, sentence_end) = sentence_around(text, hit.start, hit.end);
        let (clause_start, _) = clause_around(text, hit.start, hit.end);
        let before = &text[clause_start..hit.start];
        if ["上年", "去年", "上一年", "同比", "较"].iter().any(|w| before.contains(w)) && quantity != Quantity::CarriedIn {
            continue;
        }
        if !in_context(quantity, &text[sentence_start..sentence_end], between) {
            continue;
        }
        found.push(Claim { quantity, keyword_start: hit.start, count });
    }
    found
}

fn check_counts(ctx: &Context, out: &mut Vec<Finding>) {
    for prose in ctx.prose_fields() {
        let (field, text) = (prose.field, prose.text);
        let limit = Limit::new(out);
        for claim in prose.claims() {
            if limit.reached(out) {
                break;
            }
            let Some((cells, allowed, label)) = expected(ctx.report, claim.quantity) else { continue };
            if allowed.contains(&claim.count.value) {
                continue;
            }
            let snippet = &text[claim.keyword_start..claim.count.end];
            let message = format!(
                "{}写「{snippet}」（{}），但表格中{label}：正文与表格不一致，请核对后改正其一",
                field.label(),
                claim.count.value
            );
            out.push(
                Finding::new(&RULE, message)
                    .with_cells(cells)
                    .with_values(claim.count.value, allowed[0])
                    .with_text_span(field, text, claim.keyword_start, claim.count.end),
            );
        }
    }
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
