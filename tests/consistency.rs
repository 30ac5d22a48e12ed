//! Property tests of the arithmetic rules A001–A004: a consistent report has no A finding, and
//! changing one cell of section 三 or 四 yields exactly the A findings that cell takes part in.

use std::collections::BTreeSet;

use proptest::prelude::*;
use xxgk_report::model::labels::{S3_COLUMNS, S3_ROWS, S4_COLUMNS, S4_GROUPS};
use xxgk_report::model::{CellValue, S3Row};
use xxgk_report::{check, CellId, Report};

// Worked out here from the rows' positions, not from the model's list of equalities, so that
// the test checks that list too.
const NEW: usize = S3Row::NEW.index();
const CARRIED_IN: usize = S3Row::CARRIED_IN.index();
const OUTCOME_TOTAL: usize = S3Row::OUTCOME_TOTAL.index();
const CARRIED_OUT: usize = S3Row::CARRIED_OUT.index();

/// The 21 outcome rows, between 上年结转 and （七）总计.
fn outcome_rows() -> std::ops::Range<usize> {
    CARRIED_IN + 1..OUTCOME_TOTAL
}
const APPLICANTS: usize = S3_COLUMNS.len() - 1;
const TOTAL: usize = S3_COLUMNS.len() - 1;
const S4_TOTAL: usize = S4_COLUMNS.len() - 1;

/// One applicant column: the 21 outcomes, what is carried out, and how much of the rest was
/// carried in (at most everything handled); `new` makes up the difference so A001 holds.
#[derive(Debug, Clone)]
struct Column {
    outcomes: Vec<u64>,
    carried_out: u64,
    carried_in_share: u64,
}

fn column() -> impl Strategy<Value = Column> {
    // Mostly small counts, sometimes the millions of a city-wide aggregate.
    let count = prop_oneof![4 => 0u64..20, 1 => 0u64..5_000_000];
    (prop::collection::vec(count.clone(), outcome_rows().len()), count.clone(), count)
        .prop_map(|(outcomes, carried_out, carried_in_share)| Column { outcomes, carried_out, carried_in_share })
}

fn consistent_report(columns: &[Column], review: &[[u64; 4]]) -> Report {
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

/// A findings, each named by its code and its first cell (the total it checks).
fn a_findings(report: &Report) -> BTreeSet<(&'static str, &'static str)> {
    check(report).iter().filter(|f| f.code.starts_with('A')).map(|f| (f.code, f.cells[0].as_str())).collect()
}

/// The A findings a change of the cell must cause, from its row and column alone.
fn expected_findings(cell: CellId) -> BTreeSet<(&'static str, &'static str)> {
    let mut expected = BTreeSet::new();
    let index = cell.index();
    let s3_start = CellId::s3(0, 0).index();
    let s4_start = CellId::s4(0, 0).index();
    if index >= s4_start {
        let group = (index - s4_start) / S4_COLUMNS.len();
        expected.insert(("A004", CellId::s4(group, S4_TOTAL).as_str()));
        return expected;
    }
    let (row, col) = ((index - s3_start) / S3_COLUMNS.len(), (index - s3_start) % S3_COLUMNS.len());
    let column_total = CellId::s3(OUTCOME_TOTAL, col).as_str();
    if [NEW, CARRIED_IN, OUTCOME_TOTAL, CARRIED_OUT].contains(&row) {
        expected.insert(("A001", column_total));
    }
    if outcome_rows().contains(&row) || row == OUTCOME_TOTAL {
        expected.insert(("A002", column_total));
    }
    expected.insert(("A003", CellId::s3(row, TOTAL).as_str()));
    expected
}

fn table_cell() -> impl Strategy<Value = CellId> {
    let s3 = (0..S3_ROWS.len(), 0..S3_COLUMNS.len()).prop_map(|(r, c)| CellId::s3(r, c));
    let s4 = (0..S4_GROUPS.len(), 0..S4_COLUMNS.len()).prop_map(|(g, c)| CellId::s4(g, c));
    prop_oneof![5 => s3, 1 => s4]
}

fn review_groups() -> impl Strategy<Value = Vec<[u64; 4]>> {
    prop::collection::vec(prop::array::uniform4(0u64..50), S4_GROUPS.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_consistent_report_has_no_a_finding(
        columns in prop::collection::vec(column(), APPLICANTS),
        review in review_groups(),
    ) {
        let report = consistent_report(&columns, &review);
        prop_assert_eq!(a_findings(&report), BTreeSet::new());
    }

    #[test]
    fn changing_one_cell_yields_exactly_its_a_findings(
        columns in prop::collection::vec(column(), APPLICANTS),
        review in review_groups(),
        cell in table_cell(),
        k in 1u64..1000,
    ) {
        let mut report = consistent_report(&columns, &review);
        let value = report.count(cell).unwrap();
        report.set_cell(cell, CellValue::Count(value + k));
        prop_assert_eq!(a_findings(&report), expected_findings(cell), "cell {} +{}", cell, k);
        for f in check(&report).iter().filter(|f| f.code.starts_with('A')) {
            prop_assert_eq!(f.difference.map(i128::unsigned_abs), Some(u128::from(k)), "{}: {}", f.code, &f.message);
        }
    }
}
