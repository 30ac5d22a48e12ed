//! Random consistent tables for the property tests of the sums (A001–A004) and of error
//! localization: every sum of 三 and 四 holds, section 二 is all 0.

#![allow(dead_code)]

use proptest::prelude::*;
use xxgk_report::model::labels::{S3_COLUMNS, S3_ROWS, S4_COLUMNS, S4_GROUPS};
use xxgk_report::model::{CellValue, S3Row};
use xxgk_report::{CellId, Report};

// Worked out here from the rows' positions, not from the model's list of equalities, so that
// the tests check that list too.
pub const NEW: usize = S3Row::NEW.index();
pub const CARRIED_IN: usize = S3Row::CARRIED_IN.index();
pub const OUTCOME_TOTAL: usize = S3Row::OUTCOME_TOTAL.index();
pub const CARRIED_OUT: usize = S3Row::CARRIED_OUT.index();

/// The 21 outcome rows, between 上年结转 and （七）总计.
pub fn outcome_rows() -> std::ops::Range<usize> {
    CARRIED_IN + 1..OUTCOME_TOTAL
}
pub const APPLICANTS: usize = S3_COLUMNS.len() - 1;
pub const TOTAL: usize = S3_COLUMNS.len() - 1;
pub const S4_TOTAL: usize = S4_COLUMNS.len() - 1;

/// One applicant column: the 21 outcomes, what is carried out, and how much of the rest was
/// carried in (at most everything handled); `new` makes up the difference so A001 holds.
#[derive(Debug, Clone)]
pub struct Column {
    pub outcomes: Vec<u64>,
    pub carried_out: u64,
    pub carried_in_share: u64,
}

pub fn column() -> impl Strategy<Value = Column> {
    // Mostly small counts, sometimes the millions of a city-wide aggregate.
    let count = prop_oneof![4 => 0u64..20, 1 => 0u64..5_000_000];
    (prop::collection::vec(count.clone(), outcome_rows().len()), count.clone(), count)
        .prop_map(|(outcomes, carried_out, carried_in_share)| Column { outcomes, carried_out, carried_in_share })
}

/// The six applicant columns.
pub fn columns() -> impl Strategy<Value = Vec<Column>> {
    prop::collection::vec(column(), APPLICANTS)
}

pub fn consistent_report(columns: &[Column], review: &[[u64; 4]]) -> Report {
    let mut report = Report::empty();
    for id in CellId::all() {
        if id.def().section == xxgk_report::model::Section::S2 {
            report.set_cell_text(id, "0");
        }
    }
    let mut s3 = [[0u64; TOTAL + 1]; S3_ROWS.len()];
    for (col, c) in columns.iter().enumerate() {
        for (row, &n) in outcome_rows().zip(&c.outcomes) {
            s3[row][col] = n;
        }
        let outcome_total: u64 = c.outcomes.iter().sum();
        let handled = outcome_total + c.carried_out;
        let carried_in = c.carried_in_share.min(handled);
        s3[OUTCOME_TOTAL][col] = outcome_total;
        s3[CARRIED_OUT][col] = c.carried_out;
        s3[CARRIED_IN][col] = carried_in;
        s3[NEW][col] = handled - carried_in;
    }
    for row in s3.iter_mut() {
        row[TOTAL] = row[..APPLICANTS].iter().sum();
    }
    for (row, values) in s3.iter().enumerate() {
        for (col, &n) in values.iter().enumerate() {
            report.set_cell(CellId::s3(row, col), CellValue::Count(n));
        }
    }
    for (group, parts) in review.iter().enumerate() {
        for (col, &n) in parts.iter().enumerate() {
            report.set_cell(CellId::s4(group, col), CellValue::Count(n));
        }
        report.set_cell(CellId::s4(group, S4_TOTAL), CellValue::Count(parts.iter().sum()));
    }
    report
}

/// Any cell of 三 or 四.
pub fn table_cell() -> impl Strategy<Value = CellId> {
    let s3 = (0..S3_ROWS.len(), 0..S3_COLUMNS.len()).prop_map(|(r, c)| CellId::s3(r, c));
    let s4 = (0..S4_GROUPS.len(), 0..S4_COLUMNS.len()).prop_map(|(g, c)| CellId::s4(g, c));
    prop_oneof![5 => s3, 1 => s4]
}

pub fn review_groups() -> impl Strategy<Value = Vec<[u64; 4]>> {
    prop::collection::vec(prop::array::uniform4(0u64..50), S4_GROUPS.len())
}
