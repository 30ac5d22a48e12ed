//! 「已核实」: a person's note that a warning was looked at and is right as written.

use serde::Serialize;

/// One reviewed finding, kept in the report (`reviewed` in the JSON document).
///
/// A mark applies to the finding of rule `code` whose fingerprint is `fingerprint`: a hash of
/// what the finding concerns (the quoted text with a little context, or the cells and their
/// values), so the mark lapses by itself when that text or those numbers change. `cells`,
/// `field` and `text` say in plain words what was reviewed; they are not used for matching.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReviewMark {
    /// The rule, e.g. `T004`.
    pub code: String,
    /// The cells the finding concerns.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<String>,
    /// The field the finding concerns, as a JSON path (`text.overview`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The text the finding quotes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// 16 hexadecimal digits (see `rules::review::fingerprint`).
    pub fingerprint: String,
    /// Why it is right as written, in the reviewer's words.
    pub reason: String,
}
