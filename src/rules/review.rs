//! 「已核实」: findings a person reviewed and found right as written, kept in the report.
//!
//! A mark names the rule and a fingerprint of what the finding concerns: the quoted text with
//! the dozen characters on either side, or the cells with their values, or (for a finding about
//! a whole field) that field's text. When that changes, the mark no longer matches and the
//! finding is reported again. Errors of the sums and values (A and V rules) cannot be marked:
//! they are wrong whatever the reason.

use super::fix::StableHash;
use super::{Finding, Severity};
use crate::model::{Report, ReviewMark};

/// The longest reason kept, in characters.
pub const MAX_REASON: usize = 200;

/// Whether a person may mark the finding reviewed.
pub fn reviewable(finding: &Finding) -> bool {
    !(finding.severity == Severity::Error && finding.code.starts_with(['A', 'V']))
}

/// What the finding concerns, hashed: 16 hexadecimal digits.
pub fn fingerprint(report: &Report, finding: &Finding) -> String {
    let mut hash = StableHash::new();
    hash.add(finding.code);
    for cell in &finding.cells {
        hash.add(cell.as_str()).add(&report.cell(*cell).display());
    }
    match (&finding.field, &finding.span) {
        (Some(field), Some(span)) => hash.add(field).add(&span.snippet).add(&span.context),
        (Some(field), None) => hash.add(field).add(report.text_at(field).unwrap_or(&finding.message)),
        (None, _) if finding.cells.is_empty() => hash.add(&finding.message),
        (None, _) => &mut hash,
    };
    hash.hex()
}

/// Marks the finding reviewed with a reason, replacing an earlier mark of it. The error says,
/// in Chinese, why it cannot be marked.
pub fn mark(report: &mut Report, finding: &Finding, reason: &str) -> Result<(), String> {
    if !reviewable(finding) {
        return Err(format!("{} 是表格数字或填写方面的错误，不能标记为已核实，请改正", finding.code));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err("请简要写明核实的理由".to_string());
    }
    let reason: String = reason.chars().take(MAX_REASON).collect();
    let fingerprint = fingerprint(report, finding);
    report.reviewed.retain(|m| !(m.code == finding.code && m.fingerprint == fingerprint));
    report.reviewed.push(ReviewMark {
        code: finding.code.to_string(),
        cells: finding.cells.iter().map(|c| c.to_string()).collect(),
        field: finding.field.clone(),
        text: finding.span.as_ref().map(|s| s.snippet.clone()).unwrap_or_default(),
        fingerprint,
        reason,
    });
    Ok(())
}

/// Removes the mark of this finding; false when it had none.
pub fn unmark(report: &mut Report, finding: &Finding) -> bool {
    let fingerprint = fingerprint(report, finding);
    let before = report.reviewed.len();
    report.reviewed.retain(|m| !(m.code == finding.code && m.fingerprint == fingerprint));
    report.reviewed.len() != before
}

/// Sets `reviewed` on the findings a mark of the report matches.
pub(super) fn annotate(report: &Report, findings: &mut [Finding]) {
    if report.reviewed.is_empty() {
        return;
    }
    for finding in findings.iter_mut().filter(|f| reviewable(f)) {
        let fingerprint = fingerprint(report, finding);
        if let Some(mark) = report.reviewed.iter().find(|m| m.code == finding.code && m.fingerprint == fingerprint) {
            finding.reviewed = Some(mark.reason.clone());
        }
    }
}
