use super::text::Limit;
use super::text::{char_before, clause_around, prose, sentence_around, Terms};
use super::{declare_rule, Context, Finding};
use crate::model::TextField;

declare_rule! {
    /// ## 检查内容
    /// 正文应写明统计期限（「统计期限自2024年1月1日起至2024年12月31日止」），
    /// 且应为报告年度的 1 月 1 日至 12 月 31 日；正文也不应把其他年份当作报告年度，
    /// 例如 2024 年度报告中的「2023年全年…」「现公布…2023年政府信息公开工作年度报告」，
    /// 或以「2023年，」开头的段落。
    ///
    /// 文号中的年份（〔2021〕30号）、
    /// 过去事件的日期（「2023年12月印发」）和比较用语（「较2023年全年增长」「与上年相比」）不报告。
    ///
    /// ## 为什么重要
    /// 表格统计的是一个日历年度；统计期限缺失或有误，或者残留了上年报告中的年份，
    /// 会让所有数字都令人生疑。
    ///
    /// ## 示例
    /// 错误写法：2024 年度报告中写「统计期限自2023年1月1日起至2023年12月31日止」；
    /// 「2023年全年无依申请公开」。
    ///
    /// 正确写法：「统计期限自2024年1月1日起至2024年12月31日止」；「2024年全年无依申请公开」。
    code: "T001",
    name: "statistical-period",
    severity: Error,
    inputs: Prose,
    summary: "统计期限缺失或与报告年度不符，或正文把其他年份当作本年度",
    check: check,
}

/// A date as written: year (if given), month, day (if given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Date {
    year: Option<i32>,
    month: u32,
    day: Option<u32>,
}

/// Words that make a sentence state the statistical period.
static PERIOD_WORDS: Terms = Terms::new(|| vec!["统计期限", "统计期间", "统计时间", "统计时段", "统计周期", "统计区间", "统计时限", "统计范围", "所列数据"]);

/// Words that make a year a comparison or a reference to an earlier report rather than the
/// report year.
static COMPARING: Terms = Terms::new(|| vec!["较", "比", "相比", "同比", "上年", "去年", "上一年", "与", "针对", "整改", "指出", "反馈"]);

/// The number written just before byte `end` (spaces between, as text from a PDF has them
/// in 「2024 年」, are skipped), with the byte where it starts.
fn number_before(text: &str, end: usize) -> Option<(u32, usize)> {
    let end = text[..end].trim_end_matches([' ', '\u{3000}', '\u{a0}']).len();
    let digits: String = text[..end].chars().rev().take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).collect();
    if digits.is_empty() {
        let chinese: String = text[..end].chars().rev().take_while(|c| "〇零一二三四五六七八九十".contains(*c)).collect();
        let chinese: String = chinese.chars().rev().collect();
        let value = super::text::parse_chinese(&chinese)?;
        return Some((u32::try_from(value).ok()?, end - chinese.len()));
    }
    let digits: String = digits.chars().rev().map(|c| if c.is_ascii_digit() { c } else { char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0') }).collect();
    Some((digits.parse().ok()?, end - digits.chars().map(|c| if c.is_ascii_digit() { 1 } else { 3 }).sum::<usize>()))
}

/// The dates written in a stretch of text, in order.
fn dates(text: &str) -> Vec<Date> {
    let mut found = Vec::new();
    let mut year = None;
    let mut month: Option<u32> = None;
    for (i, c) in text.char_indices().filter(|(_, c)| matches!(c, '年' | '月' | '日' | '号')) {
        let Some((n, _)) = number_before(text, i) else { continue };
        match c {
            '年' => {
                if let Some(m) = month.take() {
                    found.push(Date { year: year.take(), month: m, day: None });
                }
                year = i32::try_from(n).ok().filter(|y| (1900..2200).contains(y));
            }
            '月' => {
                if let Some(m) = month.take() {
                    found.push(Date { year: year.take(), month: m, day: None });
                }
                month = Some(n).filter(|m| (1..=12).contains(m));
            }
            _ => {
                if let Some(m) = month.take() {
                    found.push(Date { year: year.take(), month: m, day: Some(n) });
                }
            }
        }
    }
    if let Some(m) = month {
        found.push(Date { year, month: m, day: None });
    }
    found
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let report = ctx.report;
    let mut period_found = false;
    for (field, text) in prose(report) {
        let mut last_sentence = None;
        let gated = text.contains("统计") || text.contains("所列数据");
        let limit = Limit::new(out);
        for hit in PERIOD_WORDS.find_iter(text).filter(|_| gated) {
            if limit.reached(out) {
                break;
            }
            let (s, e) = sentence_around(text, hit.start, hit.end);
            if last_sentence == Some(s) {
                continue;
            }
            last_sentence = Some(s);
            let found = dates(&text[s..e]);
            let [start, end, ..] = found[..] else { continue };
            period_found = true;
            let Some(year) = report.year else { continue };
            let end_year = end.year.or(start.year);
            let right = start.year == Some(year)
                && start.month == 1
                && start.day.is_none_or(|d| d == 1)
                && end_year == Some(year)
                && end.month == 12
                && end.day.is_none_or(|d| d == 31);
            if !right {
                let message = format!(
                    "{}写明的统计期限「{}」与报告年度不符：应为「{year}年1月1日至{year}年12月31日」",
                    field.label(),
                    text[s..e].trim()
                );
                out.push(Finding::new(&RULE, message).with_text_span(field, text, s, e));
            }
        }
        if let Some(year) = report.year {
            other_year_as_report_year(field, text, year, out);
        }
    }
    let has_prose = prose(report).next().is_some();
    if !period_found && has_prose {
        let year = report.year.map_or_else(|| "本".to_string(), |y| y.to_string());
        let message = format!(
            "报告没有写明统计期限：请在前言中写明「本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止」"
        );
        out.push(Finding::new(&RULE, message).with_field(TextField::Preamble.path()));
    }
}

/// 「2023年全年」, 「2023年度政府信息公开…」, 「…2023年政府信息公开工作年度报告」 and a paragraph that
/// opens 「2023年，」 where the report year is another.
fn other_year_as_report_year(field: TextField, text: &str, year: i32, out: &mut Vec<Finding>) {
    let mut search = 0;
    let limit = Limit::new(out);
    while let Some(offset) = text[search..].find('年') {
        if limit.reached(out) {
            break;
        }
        let at = search + offset;
        search = at + '年'.len_utf8();
        let Some((n, start)) = number_before(text, at) else { continue };
        let written = n as i32;
        if !(1990..2200).contains(&written) || written == year || text[start..at].trim_end().chars().count() != 4 {
            continue;
        }
        let after = text[search..].trim_start_matches([' ', '\u{3000}', '\u{a0}']);
        let paragraph_start = start == 0 || char_before(text, start) == Some('\n');
        let presented = after.starts_with("全年")
            || after.starts_with("度政府信息公开工作")
            || after.starts_with("政府信息公开工作年度报告")
            || (paragraph_start && (after.starts_with('，') || after.starts_with("度，")));
        if !presented {
            continue;
        }
        let (cs, ce) = clause_around(text, start, at);
        let before_year = &text[cs..start];
        if COMPARING.any_in(before_year) || COMPARING.any_in(&text[search..ce]) {
            continue;
        }
        let from = text.len() - after.len();
        let end = from + after.chars().take_while(|c| *c != '，' && *c != '。').map(char::len_utf8).sum::<usize>().min(after.len());
        let end = end.min(from + after.char_indices().nth(8).map_or(after.len(), |(i, _)| i));
        let message = format!(
            "{}把「{written}年」写成了本报告的年度（「{}」），但本报告是{year}年度报告：请核对，多为沿用上年报告未改",
            field.label(),
            &text[start..end]
        );
        out.push(Finding::new(&RULE, message).with_text_span(field, text, start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates() {
        let d = dates("统计期限自2024年1月1日起至2024年12月31日止");
        assert_eq!(d, vec![
            Date { year: Some(2024), month: 1, day: Some(1) },
            Date { year: Some(2024), month: 12, day: Some(31) }
        ]);
        let d = dates("统计期限为2024年1月1日至12月31日");
        assert_eq!(d[1], Date { year: None, month: 12, day: Some(31) });
        let d = dates("统计时间为二〇二四年一月一日至十二月三十一日");
        assert_eq!(d[0], Date { year: Some(2024), month: 1, day: Some(1) });
        assert_eq!(d[1], Date { year: None, month: 12, day: Some(31) });
        assert_eq!(dates("2024年1月至12月").len(), 2);
        // Text from a PDF puts spaces between the numbers and 年/月/日.
        let d = dates("统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止");
        assert_eq!(d, vec![
            Date { year: Some(2024), month: 1, day: Some(1) },
            Date { year: Some(2024), month: 12, day: Some(31) }
        ]);
    }
}
