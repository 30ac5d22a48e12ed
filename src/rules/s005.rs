use super::{declare_rule, sections, Context, Finding};
use crate::model::TextField;

declare_rule! {
    /// ## 检查内容
    /// 前言所称的部分数（「该报告由六个部分组成」）应与报告实际包含的部分一致；
    /// 前言随后列出的各部分（「包括：总体情况、…」）也应与之一致。
    ///
    /// ## 为什么重要
    /// 前言的说法与报告不符，说明文字套用了以前的报告或其他机关的报告，或者漏掉了某个部分；
    /// 审核时会被记为问题。
    ///
    /// ## 示例
    /// 错误写法：六个部分之前写「本报告由五个部分组成」；
    /// 「由六个部分组成，包括：」后面只列了五个部分。
    ///
    /// 正确写法：
    /// 「本报告由六个部分组成，包括：总体情况、主动公开政府信息情况、…、其他需要报告的事项。」
    code: "S005",
    name: "announced-parts",
    severity: Warning,
    inputs: Prose,
    summary: "前言所称的部分数与报告实际的部分数不一致",
    check: check,
}

const NUMERALS: [(&str, usize); 10] =
    [("一", 1), ("二", 2), ("两", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("七", 7), ("八", 8), ("九", 9)];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let preamble = &ctx.report.text.preamble;
    let Some((announced, start, end)) = announcement(preamble) else { return };
    let said = &preamble[start..end];
    if let Some(headings) = &ctx.report.headings {
        let mut present: Vec<usize> = headings.iter().filter_map(|h| sections::identify(h)).map(|m| m.section).collect();
        present.dedup();
        if !present.is_empty() && present.len() != announced {
            let message = format!("前言称报告由{announced}个部分组成（「{said}」），报告实际有{}个部分的标题。请核对前言或补齐缺少的部分", present.len());
            out.push(Finding::new(&RULE, message).with_text_span(TextField::Preamble, preamble, start, end));
        }
    }
    if let Some(listed) = listed_parts(&preamble[end..]) {
        if listed != announced {
            let message = format!("前言称报告由{announced}个部分组成（「{said}」），随后却列出了{listed}个部分。请核对列出的各部分");
            out.push(Finding::new(&RULE, message).with_text_span(TextField::Preamble, preamble, start, end));
        }
    }
}

/// 「由六个部分组成」 → (6, byte span of 「六个部分」).
fn announcement(text: &str) -> Option<(usize, usize, usize)> {
    let at = text.find("个部分").or_else(|| text.find("部分组成"))?;
    let before = &text[..at];
    let (numeral, value) = NUMERALS.iter().find(|(n, _)| before.ends_with(n)).copied().or_else(|| {
        let digit = before.chars().last().filter(char::is_ascii_digit)?;
        Some(("0", digit.to_digit(10)? as usize))
    })?;
    let start = at - numeral.len();
    let word = if text[at..].starts_with("个部分") { "个部分" } else { "部分" };
    Some((value, start, at + word.len()))
}

/// The parts listed after 「包括」 up to the end of the sentence, if at least two.
fn listed_parts(after: &str) -> Option<usize> {
    let sentence_end = after.find('。').unwrap_or(after.len());
    let sentence = &after[..sentence_end];
    let at = sentence.find("包括")?;
    let list = sentence[at + "包括".len()..].trim_start_matches(['：', ':', ' ']);
    let mut count = 0;
    let mut previous = "";
    for item in list.split(['、', '；', ';']) {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        // 「政府信息公开行政复议、行政诉讼情况」 is one part written with a 、.
        if previous.ends_with("复议") && item.starts_with("行政诉讼") {
            previous = item;
            continue;
        }
        count += 1;
        previous = item;
    }
    (count >= 2).then_some(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_and_lists() {
        let seed = "该报告由六个部分组成，包括：总体情况、行政机关主动公开政府信息情况、行政机关收到和处理政府信息公开申请情况、因政府信息公开被申请行政复议和提起行政诉讼情况、政府信息公开工作中存在的主要问题及改进情况、其他需要报告的事项。年度报告中";
        let (n, s, e) = announcement(seed).unwrap();
        assert_eq!((n, &seed[s..e]), (6, "六个部分"));
        assert_eq!(listed_parts(&seed[e..]), Some(6));
        let official = "包括：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。";
        assert_eq!(listed_parts(official), Some(6));
        assert_eq!(listed_parts("包括：总体情况、其他需要报告的事项、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题。"), Some(5));
        assert_eq!(announcement("本报告分为5部分组成").map(|a| a.0), Some(5));
        assert!(announcement("全文共分部分").is_none());
    }
}
