use super::text::Limit;
use super::text::{char_at, char_before, prose, with_span_in, Terms};
use super::{declare_rule, Context, Finding};

declare_rule! {
    /// ## 检查内容
    /// 模板或 Word 的残留内容：占位符（XX、××、○○、□、【请填写】）、
    /// 空的《》以及域代码残留（`MERGEFORMAT`、「错误！未定义书签」），检查范围包括正文、
    /// 标题和机关信息。拉丁字母单词或代码中的「XX」（如 XXL）不报告。
    ///
    /// ## 为什么重要
    /// 已发布的报告中出现「XX镇」或「《》」，说明报告没有写完；读者一眼就能看出来。
    ///
    /// ## 示例
    /// 错误写法：「XX镇2024年共收到申请3件」「根据《》规定」。
    ///
    /// 正确写法：「边昭镇2024年共收到申请3件」「根据《中华人民共和国政府信息公开条例》规定」。
    code: "T005",
    name: "template-leftovers",
    severity: Warning,
    inputs: Prose,
    summary: "正文中有未替换的模板占位符或Word域代码残留",
    check: check,
}

static FIXED: Terms = Terms::new(|| {
    vec!["MERGEFORMAT", "MERGEFIELD", "PAGEREF", "错误！未定义书签", "错误!未定义书签", "Error! Bookmark not defined", "《》", "《 》", "《　》"]
});

/// Longest text between 【 and 】 taken for a placeholder (「【请填写本机关名称】」).
const MAX_PLACEHOLDER_CHARS: usize = 20;

/// Finds placeholders in one text: (byte start, byte end).
pub(super) fn leftovers(text: &str) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = FIXED.find_iter(text).map(|h| (h.start, h.end)).collect();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let run_of = |c: char| -> Option<fn(char) -> bool> {
            match c {
                'X' | 'x' | 'Ｘ' | 'ｘ' => Some(|c| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')),
                '×' | '＊' => Some(|c| matches!(c, '×' | '＊')),
                '○' => Some(|c| c == '○'),
                '□' | '■' => Some(|c| matches!(c, '□' | '■')),
                _ => None,
            }
        };
        if let Some(same) = run_of(c) {
            let mut end = start + c.len_utf8();
            let mut len = 1;
            while let Some(&(i, d)) = chars.peek() {
                if !same(d) {
                    break;
                }
                end = i + d.len_utf8();
                len += 1;
                chars.next();
            }
            let boxes = matches!(c, '□' | '■');
            let latin_word = char_before(text, start).is_some_and(|b| b.is_ascii_alphanumeric())
                || char_at(text, end).is_some_and(|a| a.is_ascii_alphanumeric());
            if (len >= 2 || boxes) && !latin_word {
                found.push((start, end));
            }
        } else if c == '【' {
            // A placeholder is short: look for its 】 only as far as it can be (no pass to the
            // end of the text for every 【).
            let window = text[start..].char_indices().nth(MAX_PLACEHOLDER_CHARS + 2).map_or(text.len(), |(i, _)| start + i);
            if let Some(close) = text[start..window].find('】') {
                let inner = &text[start + c.len_utf8()..start + close];
                if inner.chars().count() <= MAX_PLACEHOLDER_CHARS && ["请", "填写", "填入", "此处", "输入"].iter().any(|w| inner.contains(w)) {
                    found.push((start, start + close + '】'.len_utf8()));
                }
            }
        }
    }
    found.sort_unstable();
    found
}

fn message(place: &str, snippet: &str) -> String {
    format!("{place}中有模板或Word残留「{snippet}」：请替换为实际内容或删除")
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (field, text) in prose(ctx.report) {
        let limit = Limit::new(out);
        for (s, e) in leftovers(text) {
            if limit.reached(out) {
                break;
            }
            out.push(Finding::new(&RULE, message(field.label(), &text[s..e])).with_text_span(field, text, s, e));
        }
    }
    if let Some(headings) = &ctx.report.headings {
        for (i, heading) in headings.iter().enumerate() {
            let limit = Limit::new(out);
            for (s, e) in leftovers(heading) {
                if limit.reached(out) {
                    break;
                }
                let f = Finding::new(&RULE, message(&format!("标题「{heading}」"), &heading[s..e]));
                out.push(with_span_in(f, format!("headings[{i}]"), heading, s, e));
            }
        }
    }
    let agency = &ctx.report.agency;
    for (path, label, value) in [
        ("agency.name", "机关名称", &agency.name),
        ("agency.address", "地址", &agency.address),
        ("agency.postcode", "邮政编码", &agency.postcode),
        ("agency.phone", "电话", &agency.phone),
        ("agency.email", "电子邮箱", &agency.email),
    ] {
        let limit = Limit::new(out);
        for (s, e) in leftovers(value) {
            if limit.reached(out) {
                break;
            }
            out.push(with_span_in(Finding::new(&RULE, message(label, &value[s..e])), path, value, s, e));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::leftovers;

    fn snippets(text: &str) -> Vec<&str> {
        leftovers(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn finds_placeholders_but_not_look_alikes() {
        assert_eq!(snippets("XX镇共收到申请××件"), ["XX", "××"]);
        assert_eq!(snippets("根据《》规定，【请填写】，○○村，□是"), ["《》", "【请填写】", "○○", "□"]);
        assert_eq!(snippets("{ PAGE \\* MERGEFORMAT }"), ["MERGEFORMAT"]);
        assert!(snippets("XXL型号，二〇〇八年，【重要】，3×4，《条例》").is_empty());
    }
}
