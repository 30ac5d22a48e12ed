//! 「自动计算合计」: the 总计 cells that can be computed from their parts.
//!
//! Only cells whose every part holds a number get a proposal (an empty part is not 0), and a
//! proposal is made only where the cell does not already hold that number. The page decides
//! what to do with totals the user typed.

use crate::model::{equalities_of, CellValue, CellId, Equality, EqualityKind, Report, S3Row};

/// Totals computed from their parts, in table order: (cell, value).
pub(crate) fn propose(report: &Report) -> Vec<(CellId, u64)> {
    let mut scratch = report.clone();
    let mut proposals = Vec::new();
    // Row totals first, so that the 总计 column of （七）总计 can then add up the outcome rows.
    let outcome_total_row = |e: &&Equality| e.totals[0].in_s3().is_some_and(|(row, _)| row == S3Row::OUTCOME_TOTAL);
    let rows = equalities_of(EqualityKind::ApplicantTotal).filter(|e| !outcome_total_row(e));
    let sums = rows.chain(equalities_of(EqualityKind::OutcomeTotal)).chain(equalities_of(EqualityKind::CaseTotal));
    for equality in sums {
        fill(&mut scratch, &mut proposals, equality);
    }
    proposals.retain(|&(id, value)| report.cell(id) != &CellValue::Count(value));
    proposals.sort_by_key(|&(id, _)| id);
    proposals
}

/// Fills the single total of `equality` from its parts when all of them hold a count.
fn fill(scratch: &mut Report, proposals: &mut Vec<(CellId, u64)>, equality: &Equality) {
    let sum = equality.parts.iter().map(|&id| scratch.count(id)).try_fold(0u64, |acc, n| acc.checked_add(n?));
    if let Some(sum) = sum {
        let total = equality.totals[0];
        scratch.set_cell(total, CellValue::Count(sum));
        proposals.push((total, sum));
    }
}
