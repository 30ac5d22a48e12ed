//! Helpers over the report's prose, shared by the T rules: numbers written in digits or in
//! Chinese numerals, sentence and clause boundaries, and term tables matched in one pass.

pub mod numerals;
pub mod places;
pub mod segments;
pub mod similarity;

use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Input, MatchKind};

pub use numerals::{counts, parse_chinese, Count};
pub use segments::{clause_around, sentence_around, Segments};

/// A set of terms matched in one pass over a text (leftmost-longest).
///
/// Every term table of the rules and the place names use this one kind of automaton: the
/// page's WebAssembly then carries the code of only one.
pub struct TermSet {
    patterns: Vec<&'static str>,
    automaton: NFA,
}

/// One occurrence of a term: its index in the table and its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermHit {
    pub term: usize,
    pub start: usize,
    pub end: usize,
}

impl TermSet {
    pub fn new(patterns: Vec<&'static str>) -> TermSet {
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("term tables are small and valid");
        TermSet { patterns, automaton }
    }

    /// Every non-overlapping occurrence, left to right.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = TermHit> + 't {
        let matches = self.automaton.try_find_iter(Input::new(text)).expect("a leftmost automaton searches unanchored");
        matches.map(|m| TermHit { term: m.pattern().as_usize(), start: m.start(), end: m.end() })
    }

    /// Whether any term occurs in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        self.automaton.try_find(&Input::new(text)).is_ok_and(|m| m.is_some())
    }

    /// The term with this index, as listed.
    pub fn pattern(&self, index: usize) -> &'static str {
        self.patterns[index]
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// A [`TermSet`] for a `static`: listed by a function (run once, on first use), so that a rule
/// can derive its terms from its own table.
pub struct Terms {
    source: fn() -> Vec<&'static str>,
    built: OnceLock<TermSet>,
}

impl Terms {
    pub const fn new(source: fn() -> Vec<&'static str>) -> Terms {
        Terms { source, built: OnceLock::new() }
    }
}

impl std::ops::Deref for Terms {
    type Target = TermSet;

    fn deref(&self) -> &TermSet {
        self.built.get_or_init(|| TermSet::new((self.source)()))
    }
}

/// The character just before byte `pos`, if any.
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The character at byte `pos`, if any.
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Counts letters (CJK characters, Latin letters, digits), ignoring spaces and punctuation.
pub fn letter_count(text: &str) -> usize {
    text.chars().filter(|&c| is_letter(c)).count()
}

/// A letter or digit; CJK ideographs are tested first, being most of the text.
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{4e00}'..='\u{9fff}').contains(&c) || (!c.is_ascii() && c.is_alphanumeric())
}

use crate::model::{Report, TextField};
use crate::rules::{Finding, TextSpan};

/// The prose fields of a report with their text, skipping empty ones.
pub fn prose(report: &Report) -> impl Iterator<Item = (TextField, &str)> {
    TextField::ALL.into_iter().map(|f| (f, report.text.get(f))).filter(|(_, t)| !t.trim().is_empty())
}

/// Most findings one rule reports in one text. Past it a text is not a report being written but a
/// broken or hostile file (thousands of 「XX」), and each finding more would cost a pass over the
/// text to place its span: the rule stops, and its last finding says that more were left out.
pub const MAX_FINDINGS_PER_TEXT: usize = 50;

/// Counts one rule's findings in one text against [`MAX_FINDINGS_PER_TEXT`].
pub struct Limit {
    since: usize,
}

impl Limit {
    /// Starts counting at the findings already in `out`.
    pub fn new(out: &[Finding]) -> Limit {
        Limit { since: out.len() }
    }

    /// Whether this text has had its share; called before a further finding, so the last one
    /// reported is told that more were left out.
    pub fn reached(&self, out: &mut [Finding]) -> bool {
        if out.len() - self.since < MAX_FINDINGS_PER_TEXT {
            return false;
        }
        if let Some(last) = out.last_mut() {
            if !last.message.ends_with(LEFT_OUT) {
                last.message.push_str(LEFT_OUT);
            }
        }
        true
    }
}

const LEFT_OUT: &str = "（同类问题超过 50 处，只列出前 50 处）";

/// Points a finding at `text[start..end]` of a field that is not prose (`agency.phone`, `headings[2]`).
pub fn with_span_in(finding: Finding, path: impl Into<String>, text: &str, start: usize, end: usize) -> Finding {
    let mut finding = finding.with_field(path);
    finding.span = Some(TextSpan::from_bytes(text, start, end));
    finding
}
