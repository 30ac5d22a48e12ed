//! Fixes: the edits that resolve a finding, as data in the finding, with how safe they are.
//!
//! As in ruff, a fix is offered by the rule that found the problem and applied by the core
//! ([`Report::apply`]), never silently: a program applies [`Applicability::Safe`] fixes on
//! request (「全部安全修正」, `xxgk check --fix`), the others only when a person asks for them.

use serde::Serialize;

use super::Finding;
use crate::model::{CellId, Edit, EditError, Report};

/// How far a fix can be trusted without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Cannot change what the report says: a heading's number, the regulation's exact name.
    Safe,
    /// Probably right, but changes a number or a word a person should confirm (a scope word,
    /// the value that balances the sums).
    Review,
    /// One of several equally small fixes: applied only when a person picks it, never in bulk.
    Alternative,
}

impl Applicability {
    pub fn label(self) -> &'static str {
        match self {
            Applicability::Safe => "安全",
            Applicability::Review => "需复核",
            Applicability::Alternative => "可选",
        }
    }
}

/// A change that resolves a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Derived from the edits: the same fix offered by several findings has the same ID, and a
    /// fix computed from an older state of the report has another one.
    pub id: String,
    /// What it does, in Chinese: 「将「3、」改为「三、」」.
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// For people, on one line: 「将「3、」改为「三、」（安全）」 (the CSV, the CLI's lists).
    pub fn describe(&self) -> String {
        format!("{}（{}）", self.title, self.applicability.label())
    }

    pub fn new(title: impl Into<String>, applicability: Applicability, edits: Vec<Edit>) -> Fix {
        Fix { id: fix_id(&edits), title: title.into(), applicability, edits }
    }

    /// Replaces `text[byte_start..byte_end]` of the field at `path` with `after`.
    pub fn replace(path: &str, text: &str, byte_start: usize, byte_end: usize, after: &str, applicability: Applicability) -> Fix {
        let before = &text[byte_start..byte_end];
        let start = text[..byte_start].chars().count();
        let edit = Edit::Text {
            field: path.to_string(),
            start,
            end: start + before.chars().count(),
            before: before.to_string(),
            after: after.to_string(),
        };
        let title = if before.trim().is_empty() {
            format!("插入「{after}」")
        } else {
            format!("将「{}」改为「{after}」", before.trim())
        };
        Fix::new(title, applicability, vec![edit])
    }

    /// Sets cells to the values given, from what the report holds now.
    pub fn set_cells(report: &Report, values: &[(CellId, String)], applicability: Applicability) -> Fix {
        let edits: Vec<Edit> = values
            .iter()
            .map(|(cell, after)| Edit::Cell { cell: *cell, before: report.cell(*cell).display(), after: after.clone() })
            .collect();
        let changes: Vec<String> =
            values.iter().map(|(cell, after)| format!("{}改为 {after}", cell.short_label())).collect();
        Fix::new(format!("将{}", changes.join("，")), applicability, edits)
    }
}

impl Report {
    /// Makes the fix's edits, all or none, each only where the report still holds what the fix
    /// was computed from. Returns the fix that undoes it (checked the same way).
    pub fn apply(&mut self, fix: &Fix) -> Result<Fix, EditError> {
        let undo = self.apply_edits(&fix.edits)?;
        Ok(Fix::new(format!("撤销：{}", fix.title), fix.applicability, undo))
    }
}

/// A fix that was made, with the finding it came from and the fix that undoes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedFix {
    /// The code of the (first) finding that offered it.
    pub code: &'static str,
    pub fix: Fix,
    pub undo: Fix,
}

/// Applies, in one pass, the fixes of `findings` that are at most `widest` (`Safe`, or `Review`
/// for safe and reviewable ones; [`Applicability::Alternative`] fixes are never applied in
/// bulk), each once; findings marked reviewed keep their text. Text fixes go from the end of
/// each field backwards, so that one fix does not move the text another was computed on; a fix
/// that no longer matches is left out. The result is in the order the fixes were made: undo
/// them in the reverse order.
pub fn apply_fixes(report: &mut Report, findings: &[Finding], widest: Applicability) -> Vec<AppliedFix> {
    let widest = widest.min(Applicability::Review);
    let mut chosen: Vec<(&'static str, &Fix)> = Vec::new();
    for finding in findings.iter().filter(|f| f.reviewed.is_none()) {
        for fix in finding.fixes.iter().filter(|fix| fix.applicability <= widest) {
            if !chosen.iter().any(|(_, seen)| seen.id == fix.id) {
                chosen.push((finding.code, fix));
            }
        }
    }
    super::locate::sort_small(&mut chosen, |(_, a), (_, b)| position(a) > position(b));
    let mut applied = Vec::new();
    for (code, fix) in chosen {
        if let Ok(undo) = report.apply(fix) {
            applied.push(AppliedFix { code, fix: fix.clone(), undo });
        }
    }
    applied
}

/// Undoes fixes made together (as [`apply_fixes`] returns them): all, in the reverse order, or
/// none when the report has changed since at a place one of them touched.
pub fn undo_fixes(report: &mut Report, applied: &[AppliedFix]) -> Result<(), EditError> {
    let mut scratch = report.clone();
    for a in applied.iter().rev() {
        scratch.apply(&a.undo)?;
    }
    *report = scratch;
    Ok(())
}

/// Where a fix's first text edit stands (cells come first).
fn position(fix: &Fix) -> Option<(&str, usize)> {
    fix.edits.iter().find_map(|e| match e {
        Edit::Text { field, start, .. } => Some((field.as_str(), *start)),
        Edit::Cell { .. } => None,
    })
}

/// 64-bit FNV-1a over a sequence of strings, printed as 16 hexadecimal digits: stable across
/// builds and machines (the IDs and fingerprints are stored in reports).
pub(crate) struct StableHash(u64);

impl StableHash {
    pub(crate) fn new() -> StableHash {
        StableHash(0xcbf2_9ce4_8422_2325)
    }

    /// Adds one part; parts are separated, so ("ab", "c") and ("a", "bc") differ.
    pub(crate) fn add(&mut self, part: &str) -> &mut Self {
        for byte in part.bytes().chain([0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }

    pub(crate) fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

fn fix_id(edits: &[Edit]) -> String {
    let mut hash = StableHash::new();
    for edit in edits {
        match edit {
            Edit::Cell { cell, before, after } => hash.add("cell").add(cell.as_str()).add(before).add(after),
            Edit::Text { field, start, end, before, after } => {
                hash.add("text").add(field).add(&start.to_string()).add(&end.to_string()).add(before).add(after)
            }
        };
    }
    hash.hex()
}
