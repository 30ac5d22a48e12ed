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
    &i001::RULE,
];

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
            assert!(!r.summary.is_empty() && r.doc.contains("## "), "{} needs a summary and doc sections", r.code);
        }
    }
}
