use super::text::similarity::{longest_shared, resemblance, Letters};
use super::y001::year_name;
use super::{declare_rule, Context, Finding};
use crate::model::{CellId, CellValue, TextField};

declare_rule! {
    /// ## 检查内容
    /// 需要上一年度的报告。「一、总体情况」「五、存在的主要问题及改进情况」「六、其他需要报告的事项」
    /// 各部分与上一年度报告的同一部分比较：去掉空格和标点、不计数字的差别后，连续五个字的片段有八成以上相同，
    /// 即视为内容雷同；同时指出最长的一段相同文字。三个统计表与上一年度完全相同（且不全是 0）也视为雷同。
    /// 一部分不足 100 字时不比较。
    ///
    /// ## 为什么重要
    /// 年度报告应当反映本年度的工作。内容雷同、照搬上年报告，是格式要求明确指出、审核中经常通报的问题；
    /// 只改了年份和数字的报告，读者一眼就能看出。
    ///
    /// ## 示例
    /// 错误写法：2024 年报告的「五、存在的主要问题及改进情况」只把 2023 年报告中的「2023」改成了「2024」。
    ///
    /// 正确写法：写明 2024 年工作中实际存在的问题，以及针对上年所列问题的整改结果。
    code: "Y003",
    name: "same-as-last-year",
    severity: Warning,
    inputs: Both,
    summary: "内容雷同：正文或统计表与上一年度报告基本相同（需要上一年度报告）",
    check: check,
}

/// The parts compared: the preamble is formulaic and legitimately the same every year.
const PARTS: [TextField; 3] = [TextField::Overview, TextField::Problems, TextField::Other];
/// Fewer letters than this in a part: too short to call a copy (T010 reports a bare part).
const MIN_LETTERS: usize = 100;
/// Share of shingles in common (Jaccard) from which two parts count as the same.
pub const SAME_FROM: f64 = 0.8;
/// Letters of the shared passage quoted in the message.
const QUOTE: usize = 60;
/// Identical tables count only when this many cells are not 0 (two years of nothing are fine).
const MIN_NONZERO_CELLS: usize = 5;

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(previous) = ctx.previous else { return };
    let last_year = year_name(previous.year);
    for field in PARTS {
        let text = ctx.report.text.get(field);
        let this = Letters::of(text);
        let last = Letters::of(previous.text.get(field));
        if this.len() < MIN_LETTERS || last.len() < MIN_LETTERS {
            continue;
        }
        let similarity = resemblance(&this, &last);
        if similarity < SAME_FROM {
            continue;
        }
        let (start, _, length) = longest_shared(&this.chars, &last.chars);
        let (mut byte_start, byte_end) = this.byte_range(start, start + length);
        // Keep an opening bracket that belongs to the passage: 「（一）」, not 「一）」.
        if let Some(open) = text[..byte_start].chars().next_back().filter(|c| "（(“《【".contains(*c)) {
            byte_start -= open.len_utf8();
        }
        let passage = &text[byte_start..byte_end];
        let quote: String = if passage.chars().count() > QUOTE {
            passage.chars().take(QUOTE).chain("……".chars()).collect()
        } else {
            passage.to_string()
        };
        let message = format!(
            "{part}与{last_year}报告的同一部分基本相同（相似度 {percent}%），最长的一段相同文字有 {length} 字：「{quote}」。\
             内容雷同是格式要求明确指出的问题，请按本年度的实际工作重写这一部分",
            part = field.label(),
            percent = (similarity * 100.0).floor(),
            quote = quote.replace('\n', " "),
        );
        out.push(Finding::new(&RULE, message).with_text_span(field, text, byte_start, byte_end));
    }
    identical_tables(ctx, previous, &last_year, out);
}

fn identical_tables(ctx: &Context, previous: &crate::model::Report, last_year: &str, out: &mut Vec<Finding>) {
    let mut nonzero = 0;
    for (id, value) in ctx.report.cells() {
        if !value.is_filled() || value != previous.cell(id) {
            return;
        }
        if !matches!(value, CellValue::Count(0)) && value.display() != "0" {
            nonzero += 1;
        }
    }
    if nonzero < MIN_NONZERO_CELLS {
        return;
    }
    let message = format!(
        "三个统计表的全部 {} 个单元格与{last_year}报告完全相同（其中 {nonzero} 个不为 0）：\
         可能沿用了上年的表格，请按本年度的统计数字重新填写",
        CellId::count(),
    );
    out.push(Finding::new(&RULE, message));
}
