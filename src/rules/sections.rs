//! Recognising the six section headings however they are numbered or worded.

use std::sync::OnceLock;

use crate::model::labels::{SECTION_NUMERALS, SECTION_TITLES};

/// A heading split into its numbering and its title, matched to one of the six sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingMatch<'a> {
    /// 0 for 一、总体情况 … 5 for 六、其他需要报告的事项.
    pub section: usize,
    /// The numbering as written (「3、」, 「（三）」, 「第三部分」), trimmed.
    pub numbering: &'a str,
    /// The title as written, trimmed.
    pub title: &'a str,
    /// The title equals the official one once punctuation and spaces are ignored.
    pub exact_title: bool,
}

impl HeadingMatch<'_> {
    /// Whether the numbering is the official 「一、」 … 「六、」 for this section, give or take
    /// the punctuation and spacing after the numeral (「三.」, 「三 、」 differ only in
    /// punctuation). A numeral in brackets (「（三）」) numbers a sub-heading, not a section.
    pub fn official_numbering(&self) -> bool {
        let bracketed = self.numbering.contains(['（', '(', '）', ')']);
        let mut numeral = self.numbering.chars().filter(|c| c.is_alphanumeric());
        let expected = SECTION_NUMERALS[self.section];
        !bracketed && numeral.next().is_some_and(|n| expected.starts_with(n) && expected.len() == n.len_utf8()) && numeral.next().is_none()
    }
}

/// Splits a heading into numbering and title.
pub fn split_numbering(heading: &str) -> (&str, &str) {
    let trimmed = heading.trim();
    let numbering_chars = |c: char| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || "一二三四五六七八九十第部分章、.．,，:：()（）　".contains(c)
            || ('０'..='９').contains(&c)
    };
    let mut end = 0;
    for (i, c) in trimmed.char_indices() {
        if !numbering_chars(c) {
            break;
        }
        end = i + c.len_utf8();
    }
    // 「三、收到…」: stop before a numeral that begins the title itself (none of the six do).
    let (numbering, title) = trimmed.split_at(end);
    (numbering.trim(), title.trim())
}

/// Keeps only the letters of a title: no spaces, punctuation or brackets.
pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Matches a heading to the section whose official title it is closest to, if close enough.
pub fn identify(heading: &str) -> Option<HeadingMatch<'_>> {
    let (numbering, title) = split_numbering(heading);
    // Most headings are written exactly: compare the text before looking at letters.
    if let Some(section) = SECTION_TITLES.iter().position(|official| *official == title) {
        return Some(HeadingMatch { section, numbering, title, exact_title: true });
    }
    let written: Vec<char> = title.chars().filter(|c| c.is_alphanumeric()).collect();
    if written.is_empty() {
        return None;
    }
    let officials = official_title_letters();
    let exact = officials.iter().position(|official| *official == written);
    let (section, score) = match exact {
        Some(section) => (section, 1.0),
        None => officials
            .iter()
            .map(|official| char_similarity(&written, official))
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(&b.1))?,
    };
    if score < 0.6 {
        return None;
    }
    Some(HeadingMatch { section, numbering, title, exact_title: exact.is_some() })
}

/// The letters of the six official titles, computed once (headings are matched per keystroke).
fn official_title_letters() -> &'static [Vec<char>; 6] {
    static LETTERS: OnceLock<[Vec<char>; 6]> = OnceLock::new();
    LETTERS.get_or_init(|| SECTION_TITLES.map(|t| letters(t).chars().collect()))
}

/// Longest common subsequence over the longer length: 1.0 for equal strings.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    char_similarity(&a, &b)
}

fn char_similarity(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &ca in a {
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as f64 / a.len().max(b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_recognised_whatever_their_numbering() {
        let m = identify("3、 收到和处理政府信息公开申请情况").unwrap();
        assert_eq!((m.section, m.numbering, m.exact_title), (2, "3、", true));
        assert!(identify("三 、收到和处理政府信息公开申请情况").unwrap().official_numbering());
        assert!(!identify("三 三、收到和处理政府信息公开申请情况").unwrap().official_numbering());
        assert!(!m.official_numbering());
        assert!(identify("一、总体情况").unwrap().official_numbering());
        assert!(identify("三. 收到和处理政府信息公开申请情况").unwrap().official_numbering());
        assert!(!identify("（三）收到和处理政府信息公开申请情况").unwrap().official_numbering());
        assert!(!identify("1、 总体情况").unwrap().official_numbering());
        assert_eq!(identify("（三）收到和处理政府信息公开申请情况").unwrap().section, 2);
        assert_eq!(identify("第四部分 政府信息公开行政复议、行政诉讼情况").unwrap().section, 3);
        let typo = identify("四、政府信息公开行政法复议、行政诉讼情况").unwrap();
        assert_eq!((typo.section, typo.exact_title), (3, false));
        let other = identify("六、其他需要汇报事项").unwrap();
        assert_eq!((other.section, other.exact_title), (5, false));
        assert_eq!(identify("二、主动公开政府信息情况").unwrap().section, 1);
        assert!(identify("一、").is_none());
        assert!(identify("我镇高度重视政务公开工作").is_none());
    }
}
