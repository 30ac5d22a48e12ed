//! Helpers over the report's prose, shared by the T rules: numbers written in digits or in
//! Chinese numerals, sentence and clause boundaries, and term tables matched in one pass.

pub mod numerals;
pub mod places;
pub mod segments;
pub mod similarity;

use std::cell::OnceCell;
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Input, MatchKind};

pub use numerals::{counts, parse_chinese, Count};
pub use segments::{clause_around, sentence_around, Segments};

/// A set of terms matched in one pass over a text (leftmost-longest), built once.
pub struct Terms {
    source: fn() -> Vec<&'static str>,
    built: OnceLock<(Vec<&'static str>, NFA)>,
}

/// One occurrence of a term: its index in the table and its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermHit {
    pub term: usize,
    pub start: usize,
    pub end: usize,
}

impl Terms {
    /// Terms listed by a function (run once, on first use), so that a rule can derive them
    /// from its own table.
    pub const fn new(source: fn() -> Vec<&'static str>) -> Terms {
        Terms { source, built: OnceLock::new() }
    }

    fn built(&self) -> &(Vec<&'static str>, NFA) {
        self.built.get_or_init(|| {
            let patterns = (self.source)();
            // One kind of automaton for every table (and the place names): the page's
            // WebAssembly then carries the code of only one.
            let matcher = NFA::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("term tables are small and valid");
            (patterns, matcher)
        })
    }

    /// Every non-overlapping occurrence, left to right.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = TermHit> + 't {
        let matches = self.built().1.try_find_iter(Input::new(text)).expect("a leftmost automaton searches unanchored");
        matches.map(|m| TermHit {
            term: m.pattern().as_usize(),
            start: m.start(),
            end: m.end(),
        })
    }

    /// Whether any term occurs in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        self.built().1.try_find(&Input::new(text)).is_ok_and(|m| m.is_some())
    }

    /// The term with this index, as listed.
    pub fn pattern(&self, index: usize) -> &'static str {
        self.built().0[index]
    }

    pub fn len(&self) -> usize {
        self.built().0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.built().0.is_empty()
    }
}

/// One prose field with its sentences, clauses and counts, each worked out on first use.
pub struct ProseIndex<'a> {
    pub text: &'a str,
    sentences: OnceCell<Segments>,
    clauses: OnceCell<Segments>,
    counts: OnceCell<Vec<Count>>,
}

impl<'a> ProseIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        ProseIndex { text, sentences: OnceCell::new(), clauses: OnceCell::new(), counts: OnceCell::new() }
    }

    pub fn sentences(&self) -> &Segments {
        self.sentences.get_or_init(|| Segments::sentences(self.text))
    }

    pub fn clauses(&self) -> &Segments {
        self.clauses.get_or_init(|| Segments::clauses(self.text))
    }

    pub fn counts(&self) -> &[Count] {
        self.counts.get_or_init(|| counts(self.text))
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

/// Points a finding at `text[start..end]` of a field that is not prose (`agency.phone`, `headings[2]`).
pub fn with_span_in(finding: Finding, path: impl Into<String>, text: &str, start: usize, end: usize) -> Finding {
    let mut finding = finding.with_field(path);
    finding.span = Some(TextSpan::from_bytes(text, start, end));
    finding
}
