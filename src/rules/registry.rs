//! The catalog: every rule by its code, in the order they are documented and run.

use super::*;

pub static RULES: &[&Rule] = &[
    &a001::RULE,
    &a002::RULE,
    &a003::RULE,
    &a004::RULE,
    &v001::RULE,
    &v002::RULE,
    &v003::RULE,
    &p001::RULE,
    &p002::RULE,
    &s001::RULE,
    &s002::RULE,
    &s003::RULE,
    &s004::RULE,
    &s005::RULE,
    &t001::RULE,
    &t002::RULE,
    &t003::RULE,
    &t004::RULE,
    &t005::RULE,
    &t006::RULE,
    &t007::RULE,
    &t008::RULE,
    &t009::RULE,
    &t010::RULE,
    &t011::RULE,
    &t012::RULE,
    &y001::RULE,
    &y002::RULE,
    &y003::RULE,
    &i001::RULE,
];

/// The rules that compare a report with last year's (they find nothing without it).
pub static CROSS_YEAR: &[&Rule] = &[&y001::RULE, &y002::RULE, &y003::RULE];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), RULES.len());
        for r in RULES {
            assert!(r.code.len() == 4 && r.code[1..].bytes().all(|b| b.is_ascii_digit()), "{}", r.code);
            assert!(r.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{}", r.name);
            assert!(!r.summary.is_empty(), "{} needs a summary", r.code);
        }
    }

    /// Every doc has the same three Chinese sections, in order, and its example shows both writings.
    #[test]
    fn docs_have_the_three_sections_and_both_examples() {
        for r in RULES {
            let doc = reference::doc_markdown(r);
            let headings: Vec<&str> = doc.lines().filter(|l| l.starts_with('#')).collect();
            assert_eq!(headings, ["## 检查内容", "## 为什么重要", "## 示例"], "{}", r.code);
            let example = &doc[doc.find("## 示例").unwrap()..];
            assert!(example.contains("错误写法") && example.contains("正确写法"), "{}: {example}", r.code);
            for section in doc.split("## ").skip(1) {
                assert!(section.lines().skip(1).any(|l| !l.trim().is_empty()), "{}: empty section", r.code);
            }
        }
    }
}
