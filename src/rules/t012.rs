use super::text::Limit;
use super::text::{Count, Segments};
use super::{declare_rule, Context, Finding};
use crate::model::TextField;

declare_rule! {
    /// ## 检查内容
    /// 正文中写出的合计数：「共N件，其中a件、b件…」中，从第一项起连续若干项之和都不等于 N 的；
    /// 以及「占X%」与其分项数和合计数不相符的。只列出两项且两项之和小于合计的，
    /// 视为只提到了部分分项，不视为笔误。括号中的分项、
    /// 比较用语（「同比增加2件」）以及其他计量单位的数字，不计入分项。
    ///
    /// ## 为什么重要
    /// 分项与合计对不上，说明其中某个数字有笔误，而且表格中往往也重复了这个数字；
    /// 发布前值得核对一下。
    ///
    /// ## 示例
    /// 错误写法：「共收到申请37件，其中自然人29件、商业企业1件、其他组织6件」（分项之和为 36）；
    /// 「共15件，其中予以公开6件，占60%」。
    ///
    /// 正确写法：「共收到申请36件，其中自然人29件、商业企业1件、其他组织6件」；「占40%」。
    code: "T012",
    name: "prose-sum",
    severity: Info,
    inputs: Prose,
    summary: "正文中的合计数与其分项之和不符，或百分比与件数不符",
    check: check,
}

const TOTAL_WORDS: &[&str] = &["共计", "合计", "总计", "共"];

/// A share written after a part: 「，占40%」, 「（占比40.0%）」; returns the percent, its
/// number of decimals and the byte end.
fn share_after(text: &str, from: usize) -> Option<(f64, usize, usize)> {
    let rest = &text[from..];
    let lead: usize = rest.chars().take(4).take_while(|c| "，,（(占比总数的约为 ".contains(*c)).map(char::len_utf8).sum();
    if !rest[..lead].contains('占') {
        return None;
    }
    let number: String = rest[lead..].chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let after = &rest[lead + number.len()..];
    if number.is_empty() || !(after.starts_with('%') || after.starts_with('％')) {
        return None;
    }
    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
    let percent_len = after.chars().next().map_or(0, char::len_utf8);
    Some((number.parse().ok()?, decimals, from + lead + number.len() + percent_len))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for prose in ctx.prose_fields() {
        let (field, text) = (prose.field, prose.text);
        if !text.contains("其中") {
            continue;
        }
        let all = prose.counts();
        if all.len() < 3 {
            continue;
        }
        let sentences = Segments::new(text, &['。', '；', ';', '\n', '！', '？']);
        let limit = Limit::new(out);
        for (s, e) in sentences.iter() {
            if limit.reached(out) {
                break;
            }
            check_sentence(field, text, s, e, all, out);
        }
    }
}

fn check_sentence(field: TextField, text: &str, s: usize, e: usize, all: &[Count], out: &mut Vec<Finding>) {
    let sentence = &text[s..e];
    let Some(among) = sentence.find("其中") else { return };
    let among = s + among;
    // The total: the last count after 共/合计 before 其中, within a few characters of the word.
    let total = all.iter().filter(|c| c.start >= s && c.end <= among).rev().find(|c| {
        TOTAL_WORDS.iter().any(|w| {
            let lead = &text[s..c.start];
            lead.rfind(w).is_some_and(|at| text[s + at + w.len()..c.start].chars().count() <= 12)
        })
    });
    let Some(total) = total.copied() else { return };
    let mut depth = 0i32;
    let mut parts: Vec<Count> = Vec::new();
    let mut last = among;
    for c in all.iter().filter(|c| c.start > among && c.end <= e) {
        for ch in text[last..c.start].chars() {
            match ch {
                '（' | '(' => depth += 1,
                '）' | ')' => depth -= 1,
                _ => {}
            }
        }
        last = c.start;
        let lead = &text[last_part_end(&parts, among)..c.start];
        if depth > 0 || c.unit != total.unit || ["同比", "较", "增加", "减少", "上年"].iter().any(|w| lead.contains(w)) {
            continue;
        }
        parts.push(*c);
    }
    if parts.len() < 2 {
        if let Some(part) = parts.first() {
            check_share(field, text, total, part, out);
        }
        return;
    }
    // Counts in prose may be as large as anyone writes them: add them up without overflow.
    let mut running = 0u128;
    let mut matched = false;
    for part in &parts {
        running += u128::from(part.value);
        if running == u128::from(total.value) {
            matched = true;
            break;
        }
    }
    // Two parts that fall short are usually a partial mention (「其中予以公开8件，部分公开2件」);
    // a fuller enumeration that falls short, or parts that overshoot, are a slip.
    let partial_mention = parts.len() == 2 && running < u128::from(total.value);
    if !matched && !partial_mention {
        let listed: Vec<String> = parts.iter().map(|p| text[p.start..p.end].to_string()).collect();
        let message = format!(
            "{}写「{}」共 {}，但其中所列「{}」合计 {}：请核对合计数和分项数",
            field.label(),
            &text[total.start..total.end],
            total.value,
            listed.join("、"),
            running
        );
        out.push(
            Finding::new(&RULE, message)
                .with_values(total.value, running)
                .with_text_span(field, text, total.start, parts.last().map_or(total.end, |p| p.end)),
        );
    }
    for part in &parts {
        check_share(field, text, total, part, out);
    }
}

/// Where the text before the next part begins: after the previous part, or at 其中.
fn last_part_end(parts: &[Count], among: usize) -> usize {
    parts.last().map_or(among, |p| p.end)
}

fn check_share(field: TextField, text: &str, total: Count, part: &Count, out: &mut Vec<Finding>) {
    let Some((percent, decimals, end)) = share_after(text, part.end) else { return };
    if total.value == 0 {
        return;
    }
    let actual = part.value as f64 * 100.0 / total.value as f64;
    let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) + 1e-9;
    if (actual - percent).abs() <= tolerance {
        return;
    }
    let message = format!(
        "{}写「{}」占 {percent}%，但 {} ÷ {} = {:.1}%：请核对百分比或件数",
        field.label(),
        &text[part.start..part.end],
        part.value,
        total.value,
        actual
    );
    out.push(Finding::new(&RULE, message).with_text_span(field, text, part.start, end));
}
