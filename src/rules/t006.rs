use super::text::Limit;
use super::text::{prose, with_span_in, Terms};
use super::{declare_rule, Context, Finding};

declare_rule! {
    /// ## 检查内容
    /// 联系方式，包括机关信息中的联系方式，以及正文中在标签（邮政编码/邮编、电话/联系电话、
    /// 邮箱/电子邮箱，或任何带「@」的地址）之后写出的联系方式：
    /// - 邮政编码不是六位数字；
    /// - 固定电话没有区号（只有七位或八位号码），或者位数不对（区号加号码应为 11 位或 12 位）；
    ///   手机号码（以 1 开头的 11 位数字）、400/800 号码和 12345 等热线号码不报告；
    /// - 机关信息的电话一栏填写的不是号码（没有任何数字，如「abc」）；
    /// - 电子邮箱格式错误（没有域名、某一部分为空、后缀重复，如 `@163.com.com`）。
    ///
    /// ## 为什么重要
    /// 联系方式是公众就申请事项联系本机关的途径；错一位数字或者缺少区号，联系方式就无法使用。
    ///
    /// ## 示例
    /// 错误写法：「联系电话：4831355」「邮政编码：13720」「xxgk@163.com.com」。
    ///
    /// 正确写法：「联系电话：0436-4831355」「邮政编码：137201」「xxgk@163.com」。
    code: "T006",
    name: "malformed-contact",
    severity: Warning,
    inputs: Prose,
    summary: "邮政编码、电话或电子邮箱格式有误",
    check: check,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Postcode,
    Phone,
    Email,
}

const LABELS: &[(&str, Kind)] = &[
    ("邮政编码", Kind::Postcode),
    ("邮编", Kind::Postcode),
    ("联系电话", Kind::Phone),
    ("咨询电话", Kind::Phone),
    ("电话", Kind::Phone),
    ("传真", Kind::Phone),
    ("电子邮箱", Kind::Email),
    ("电子信箱", Kind::Email),
    ("电子邮件", Kind::Email),
    ("邮箱", Kind::Email),
];

static LABEL_TERMS: Terms = Terms::new(|| LABELS.iter().map(|(l, _)| *l).collect());

fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

fn digits(s: &str) -> String {
    s.chars().filter_map(digit).collect()
}

/// What is wrong with a postcode, if anything.
fn postcode_problem(value: &str) -> Option<String> {
    let d = digits(value);
    let others = value.chars().any(|c| digit(c).is_none() && !c.is_whitespace());
    (d.len() != 6 || others).then(|| format!("邮政编码「{}」不是6位数字", value.trim()))
}

/// What is wrong with one telephone number, if anything.
fn phone_problem(value: &str) -> Option<String> {
    let value = value.trim();
    let d = digits(value);
    if d.is_empty() {
        // 「abc」 in the agency block; in prose a value is only read when it has digits.
        return (!value.is_empty()).then(|| format!("电话「{value}」不是电话号码：请填写区号和号码，如「0436-4831355」"));
    }
    let shown = value;
    // Split off an extension: 「转123」, 「-123」 after a complete number.
    let main = value.split(['转', '#']).next().unwrap_or(value);
    // Groups of digits; spaces inside a number (「6232 1234」) do not separate groups.
    let groups: Vec<String> = main
        .split(|c: char| digit(c).is_none() && c != ' ')
        .map(digits)
        .filter(|g| !g.is_empty())
        .collect();
    let main_digits: String = groups.concat();
    if main_digits.starts_with('1') && main_digits.len() == 11 {
        return None; // mobile
    }
    if main_digits.starts_with("400") || main_digits.starts_with("800") {
        return (main_digits.len() != 10).then(|| format!("电话「{shown}」位数不对：400/800电话应为10位"));
    }
    if main_digits.len() <= 6 && main_digits.starts_with("12") {
        return None; // 12345 and other hotlines
    }
    if !main_digits.starts_with('0') {
        // Area code and number, with an extension written after a dash: 0436-4831355-801.
        return Some(if main_digits.len() == 7 || main_digits.len() == 8 {
            format!("电话「{shown}」缺少区号：固定电话应写作「区号-号码」，如「0436-4831355」")
        } else {
            format!("电话「{shown}」位数不对：固定电话应为区号加7至8位号码")
        });
    }
    let (area, number) = match groups.as_slice() {
        [area, number, ..] if groups[0].starts_with('0') => (area.len(), number.len()),
        _ => {
            // Written without a separator: 3-digit area codes are 010 and 02X.
            let area = if main_digits.starts_with("01") || main_digits.starts_with("02") { 3 } else { 4 };
            (area, main_digits.len().saturating_sub(area))
        }
    };
    let area_ok = if main_digits.starts_with("01") || main_digits.starts_with("02") { area == 3 } else { area == 4 };
    (!area_ok || !(7..=8).contains(&number))
        .then(|| format!("电话「{shown}」位数不对：区号应为3至4位（以0开头），号码应为7至8位"))
}

/// What is wrong with an e-mail address, if anything.
fn email_problem(value: &str) -> Option<String> {
    let value = value.trim();
    if value.contains('＠') {
        return Some(format!("电子邮箱「{value}」中的「＠」是全角字符，应为半角「@」"));
    }
    let Some((local, domain)) = value.split_once('@') else {
        return Some(format!("电子邮箱「{value}」缺少「@」"));
    };
    let labels: Vec<&str> = domain.split('.').collect();
    let problem = if local.is_empty() {
        Some("「@」前没有用户名")
    } else if domain.contains(['@', '。', '，', ' ']) || labels.iter().any(|l| l.is_empty()) || labels.len() < 2 {
        Some("域名不完整或有多余的符号")
    } else if labels.windows(2).any(|w| w[0].eq_ignore_ascii_case(w[1]) && ["com", "cn", "net", "org", "gov"].contains(&w[1].to_ascii_lowercase().as_str())) {
        Some("域名后缀重复")
    } else if !labels.last().is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic())) {
        Some("域名后缀不对")
    } else {
        None
    };
    problem.map(|p| format!("电子邮箱「{value}」格式有误：{p}"))
}

fn problem(kind: Kind, value: &str) -> Option<String> {
    match kind {
        Kind::Postcode => postcode_problem(value),
        // 「0436-4831355、4831356」: later numbers of a list may leave out the area code.
        Kind::Phone => {
            let mut numbers = value.split(['、', '/', '，', ',', ';', '；']);
            let first = numbers.next().unwrap_or_default();
            let has_area = digits(first).starts_with('0');
            phone_problem(first).or_else(|| {
                numbers.find_map(|n| {
                    let local = digits(n).len();
                    if has_area && (local == 7 || local == 8) {
                        None
                    } else {
                        phone_problem(n)
                    }
                })
            })
        }
        Kind::Email => email_problem(value),
    }
}

/// The value after a label: 「邮政编码：137201，」 → byte range of 「137201」.
fn value_after(text: &str, label_end: usize, kind: Kind) -> Option<(usize, usize)> {
    let rest = &text[label_end..];
    let skipped = rest.len() - rest.trim_start_matches([':', '：', ' ', '\u{3000}', '为', '是']).len();
    if skipped == 0 && kind != Kind::Email {
        return None; // 「电话号码」, 「邮编制」: not a label followed by its value
    }
    let start = label_end + skipped;
    let allowed = |c: char| match kind {
        Kind::Postcode => digit(c).is_some() || c.is_ascii_alphabetic(),
        Kind::Phone => digit(c).is_some() || "-－—（）()转 、/".contains(c),
        Kind::Email => c.is_ascii_alphanumeric() || "@＠._-+%".contains(c),
    };
    let len: usize = text[start..].chars().take_while(|&c| allowed(c)).map(char::len_utf8).sum();
    let value = text[start..start + len].trim_end_matches([' ', '、', '/', '-', '（', '(']);
    (!value.is_empty() && value.chars().any(|c| digit(c).is_some() || c.is_ascii_alphabetic()))
        .then(|| (start, start + value.len()))
}

/// Every e-mail-like token (around an 「@」) in the text.
fn emails(text: &str) -> Vec<(usize, usize)> {
    let part = |c: char| c.is_ascii_alphanumeric() || "._-+%".contains(c);
    let mut found = Vec::new();
    for (at, c) in text.char_indices().filter(|(_, c)| *c == '@' || *c == '＠') {
        let before = &text[..at];
        let start = before.trim_end_matches(part).len();
        let after = &text[at + c.len_utf8()..];
        let end = at + c.len_utf8() + (after.len() - after.trim_start_matches(part).len());
        let end = start + text[start..end].trim_end_matches('.').len();
        found.push((start, end));
    }
    found
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let agency = &ctx.report.agency;
    for (path, kind, value) in [
        ("agency.postcode", Kind::Postcode, &agency.postcode),
        ("agency.phone", Kind::Phone, &agency.phone),
        ("agency.email", Kind::Email, &agency.email),
    ] {
        if value.trim().is_empty() {
            continue;
        }
        if let Some(message) = problem(kind, value) {
            out.push(with_span_in(Finding::new(&RULE, message), path, value, 0, value.len()));
        }
    }
    for (field, text) in prose(ctx.report) {
        let mut seen = Vec::new();
        let limit = Limit::new(out);
        for hit in LABEL_TERMS.find_iter(text) {
            if limit.reached(out) {
                break;
            }
            let kind = LABELS[hit.term].1;
            if kind == Kind::Email {
                continue; // e-mail addresses are found by their 「@」 below
            }
            let Some((s, e)) = value_after(text, hit.end, kind) else { continue };
            if let Some(message) = problem(kind, &text[s..e]) {
                seen.push(s);
                out.push(Finding::new(&RULE, format!("{}中{message}", field.label())).with_text_span(field, text, s, e));
            }
        }
        let limit = Limit::new(out);
        for (s, e) in emails(text) {
            if limit.reached(out) {
                break;
            }
            if let Some(message) = email_problem(&text[s..e]).filter(|_| !seen.contains(&s)) {
                out.push(Finding::new(&RULE, format!("{}中{message}", field.label())).with_text_span(field, text, s, e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_postcodes() {
        assert!(postcode_problem("137201").is_none());
        assert!(postcode_problem("１３７２０１").is_none());
        assert!(postcode_problem("13720").is_some());
        assert!(postcode_problem("1372011").is_some());
        assert!(postcode_problem("13720l").is_some());
    }

    #[test]
    fn judges_phones() {
        for ok in ["0436-4831355", "010-12345678", "(0436)4831355", "04364831355", "13912345678", "12345", "400-123-4567", "0436-4831355转801", "021-6232 1234"] {
            assert!(phone_problem(ok).is_none(), "{ok}");
        }
        for bad in ["4831355", "48313556", "0436-483135", "0436-483135512", "010-1234567890", "043-64831355", "abc", "无"] {
            assert!(phone_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn judges_emails() {
        for ok in ["xxgk@163.com", "tongyu.gov@126.com", "a_b-c@jl.gov.cn"] {
            assert!(email_problem(ok).is_none(), "{ok}");
        }
        for bad in ["xxgk@163.com.com", "@163.com", "xxgk@163", "xxgk@163..com", "xxgk＠163.com", "xxgk@163.c0m", "abc@qq.cn.cn"] {
            assert!(email_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn reads_values_after_labels() {
        let text = "邮政编码：137201，联系电话：0436-4831355。";
        let at = text.find("联系电话").unwrap() + "联系电话".len();
        let (s, e) = value_after(text, at, Kind::Phone).unwrap();
        assert_eq!(&text[s..e], "0436-4831355");
        assert!(value_after("电话号码", "电话".len(), Kind::Phone).is_none());
        let (s, e) = emails("邮箱：xxgk@163.com.com。")[0];
        assert_eq!(&"邮箱：xxgk@163.com.com。"[s..e], "xxgk@163.com.com");
    }
}
