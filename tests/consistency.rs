//! Property tests of the arithmetic rules A001–A004: a consistent report has no A finding, and
//! changing one cell of section 三 or 四 yields exactly the A findings that cell takes part in.

mod tables_support;

use std::collections::BTreeSet;

use proptest::prelude::*;
use tables_support::*;
use xxgk_report::model::labels::{S3_COLUMNS, S4_COLUMNS};
use xxgk_report::model::CellValue;
use xxgk_report::{check, CellId, Report};

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_consistent_report_has_no_a_finding(
        columns in columns(),
        review in review_groups(),
    ) {
        let report = consistent_report(&columns, &review);
        prop_assert_eq!(a_findings(&report), BTreeSet::new());
    }

    #[test]
    fn changing_one_cell_yields_exactly_its_a_findings(
        columns in columns(),
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
