//! 「自动计算合计」: the 总计 cells that can be computed from their parts.
//!
//! Only cells whose every part holds a number get a proposal (an empty part is not 0), and a
//! proposal is made only where the cell does not already hold that number. The page decides
//! what to do with totals the user typed.

use crate::model::labels::{S3_COLUMNS, S3_OUTCOME_ROWS, S3_ROWS, S4_COLUMNS, S4_GROUPS};
use crate::model::{CellId, CellValue, Report};

const OUTCOME_TOTAL_ROW: usize = 23;

/// Totals computed from their parts, in table order: (cell, value).
pub(crate) fn propose(report: &Report) -> Vec<(CellId, u64)> {
    let mut scratch = report.clone();
    let mut proposals = Vec::new();
    let s3_total_column = S3_COLUMNS.len() - 1;

    // Row totals first, so that the 总计 column of （七）总计 can add up the outcome rows.
    for row in (0..S3_ROWS.len()).filter(|&r| r != OUTCOME_TOTAL_ROW) {
        let parts = (0..s3_total_column).map(|c| CellId::s3(row, c));
        fill(&mut scratch, &mut proposals, CellId::s3(row, s3_total_column), parts);
    }
    for column in 0..S3_COLUMNS.len() {
        let parts = S3_OUTCOME_ROWS.map(|r| CellId::s3(r, column));
        fill(&mut scratch, &mut proposals, CellId::s3(OUTCOME_TOTAL_ROW, column), parts);
    }
    let s4_total_column = S4_COLUMNS.len() - 1;
    for group in 0..S4_GROUPS.len() {
        let parts = (0..s4_total_column).map(|c| CellId::s4(group, c));
        fill(&mut scratch, &mut proposals, CellId::s4(group, s4_total_column), parts);
    }
    proposals.retain(|&(id, value)| report.cell(id) != &CellValue::Count(value));
    proposals.sort_by_key(|&(id, _)| id);
    proposals
}

fn fill(
    scratch: &mut Report,
    proposals: &mut Vec<(CellId, u64)>,
    total: CellId,
    parts: impl Iterator<Item = CellId>,
) {
    let sum = parts.map(|id| scratch.count(id)).try_fold(0u64, |acc, n| acc.checked_add(n?));
    if let Some(sum) = sum {
        scratch.set_cell(total, CellValue::Count(sum));
        proposals.push((total, sum));
    }
}
