//! What the rules learn from one prose field alone: its counts, the numbers it claims (T007),
//! the place names it mentions (T004), what it says about the processing fee (T009).
//!
//! Each part is worked out the first time a rule asks for it. An analysis depends on nothing
//! but its field's text, so [`Checker`](super::Checker) keeps it while the text stays the same
//! and starts afresh only for a field that changed: a keystroke in a table, or in one field,
//! re-reads no other prose.

use std::cell::OnceCell;

use super::text::places::{self, PlaceMention};
use super::text::{counts, Count};
use super::{t007, t009};
use crate::model::TextField;

/// The analysis of one prose field; see the module documentation.
#[derive(Debug, Default)]
pub struct FieldAnalysis {
    counts: OnceCell<Vec<Count>>,
    claims: OnceCell<Vec<t007::Claim>>,
    place_mentions: OnceCell<Vec<PlaceMention>>,
    fee_statement: OnceCell<t009::FeeStatement>,
}

/// One prose field: its text, and the analysis that belongs to that text.
#[derive(Debug, Clone, Copy)]
pub struct Prose<'a> {
    pub field: TextField,
    pub text: &'a str,
    analysis: &'a FieldAnalysis,
}

impl<'a> Prose<'a> {
    /// `analysis` must have been made for `text` (or be fresh).
    pub(super) fn new(field: TextField, text: &'a str, analysis: &'a FieldAnalysis) -> Prose<'a> {
        Prose { field, text, analysis }
    }

    /// Every count in the text (「3件」, 「十二件」), in order.
    pub fn counts(&self) -> &'a [Count] {
        self.analysis.counts.get_or_init(|| counts(self.text))
    }

    /// The numbers the text states about the tables (rule T007).
    pub(super) fn claims(&self) -> &'a [t007::Claim] {
        self.analysis.claims.get_or_init(|| t007::claims(self.text))
    }

    /// Every place name the text mentions, whoever's region it is (rule T004 keeps the foreign ones).
    pub fn place_mentions(&self) -> &'a [PlaceMention] {
        self.analysis.place_mentions.get_or_init(|| places::mentions(self.text))
    }

    /// What the text says about the processing fee (rule T009).
    pub(super) fn fee_statement(&self) -> &'a t009::FeeStatement {
        self.analysis.fee_statement.get_or_init(|| t009::FeeStatement::of(self.text))
    }
}
