//! What a rule reports.

use serde::Serialize;

use super::fix::Fix;
use super::suspect::Suspect;
use super::Rule;
use crate::model::{CellId, TextField};

/// How serious a finding is. Ordered most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A stretch of prose a finding points at. Offsets count characters (Unicode scalar values)
/// from the start of the field; `start16`/`end16` count UTF-16 code units, as JavaScript does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub start16: usize,
    pub end16: usize,
    /// The text at the span.
    pub snippet: String,
    /// The span with a little text on either side.
    pub context: String,
}

impl TextSpan {
    /// The span of `text[byte_start..byte_end]`, with up to `CONTEXT` characters either side.
    pub fn from_bytes(text: &str, byte_start: usize, byte_end: usize) -> TextSpan {
        const CONTEXT: usize = 12;
        let before = &text[..byte_start];
        let start = before.chars().count();
        let snippet = &text[byte_start..byte_end];
        let start16 = before.encode_utf16().count();
        let context_start = before.char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
        let after = &text[byte_end..];
        let context_end = byte_end + after.char_indices().nth(CONTEXT).map_or(after.len(), |(i, _)| i);
        TextSpan {
            start,
            end: start + snippet.chars().count(),
            start16,
            end16: start16 + snippet.encode_utf16().count(),
            snippet: snippet.to_string(),
            context: text[context_start..context_end].replace('\n', " "),
        }
    }
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    /// The rule's kebab-case name.
    pub name: &'static str,
    pub severity: Severity,
    /// The cells concerned; for sum rules the total first, then every contributing cell.
    pub cells: Vec<CellId>,
    /// The field concerned, as a JSON path (`text.overview`, `agency.postcode`, `headings[2]`).
    pub field: Option<String>,
    /// The text concerned in that field.
    pub span: Option<TextSpan>,
    /// The value written in the report (for a sum: the total side), exact: sums of counts may
    /// exceed `u64`, and a person compares these numbers with the message.
    pub reported: Option<u128>,
    /// The value the rule computed from the other cells, exact.
    pub computed: Option<u128>,
    /// `reported − computed`, exact.
    pub difference: Option<i128>,
    /// In Chinese: what is wrong, with the numbers, and how to fix it.
    pub message: String,
    /// Changes that resolve the finding, safest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
    /// For the sums of the tables: the cells most likely wrong (error localization).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspect: Option<Suspect>,
    /// The reason a person gave when marking the finding 「已核实」 (reviewed); such a finding is
    /// counted apart from the errors, warnings and notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<String>,
}

impl Finding {
    pub fn new(rule: &Rule, message: impl Into<String>) -> Finding {
        Finding {
            code: rule.code,
            name: rule.name,
            severity: rule.severity,
            cells: Vec::new(),
            field: None,
            span: None,
            reported: None,
            computed: None,
            difference: None,
            message: message.into(),
            fixes: Vec::new(),
            suspect: None,
            reviewed: None,
        }
    }

    pub fn with_cells(mut self, cells: impl IntoIterator<Item = CellId>) -> Self {
        self.cells.extend(cells);
        self
    }

    /// The value written and the value computed, both exact (a sum of up to 25 counts fits in
    /// `u128`, their difference in `i128`).
    pub fn with_values(mut self, reported: impl Into<u128>, computed: impl Into<u128>) -> Self {
        let (reported, computed) = (reported.into(), computed.into());
        self.reported = Some(reported);
        self.computed = Some(computed);
        // Beyond 2^127 (no report gets there) the difference saturates.
        let signed = |n: u128| i128::try_from(n).unwrap_or(i128::MAX);
        self.difference = Some(signed(reported).saturating_sub(signed(computed)));
        self
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Points the finding at `text[byte_start..byte_end]` of a prose field.
    pub fn with_text_span(mut self, field: TextField, text: &str, byte_start: usize, byte_end: usize) -> Self {
        self.field = Some(field.path().to_string());
        self.span = Some(TextSpan::from_bytes(text, byte_start, byte_end));
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}
