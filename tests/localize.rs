//! Error localization (Fellegi–Holt) on random consistent tables: change k ≤ 3 filled cells,
//! and the fewest cells that mend every sum are found, with values that do mend them; for
//! k ≤ 2 in table 三 they are exactly the sets an exhaustive search finds.

mod tables_support;

use proptest::prelude::*;
use tables_support::*;
use xxgk_report::model::CellValue;
use xxgk_report::rules::locate::{linear_rules, localize, rules_of_cell, solve_for, CellChange, Target, MAX_LISTED};
use xxgk_report::{check, CellId, Report};

/// A new value for a cell: `delta` above or below the old one, never the old one itself.
fn changed(old: u64, delta: u64, up: bool) -> u64 {
    if up || old < delta {
        old + delta
    } else {
        old - delta
    }
}

fn a_codes(report: &Report) -> Vec<&'static str> {
    check(report).iter().filter(|f| f.code.starts_with('A')).map(|f| f.code).collect()
}

fn apply(report: &mut Report, set: &[CellChange]) {
    for change in set {
        let Target::Exact(value) = change.target else { panic!("no single value for {}: {change:?}", change.cell) };
        report.set_cell(change.cell, CellValue::Count(value));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn up_to_three_wrong_cells_are_localized(
        columns in columns(),
        review in review_groups(),
        changes in prop::collection::vec((table_cell(), 1u64..1000, any::<bool>()), 1..=3),
    ) {
        let original = consistent_report(&columns, &review);
        let mut report = original.clone();
        let mut cells: Vec<CellId> = Vec::new();
        for &(cell, delta, up) in &changes {
            if !cells.contains(&cell) {
                cells.push(cell);
                report.set_cell(cell, CellValue::Count(changed(original.count(cell).unwrap(), delta, up)));
            }
        }
        let k = cells.len();
        let explanations = localize(&report);
        // Every part with a broken sum is explained, by at most k cells in all.
        prop_assert!(explanations.iter().all(|e| !e.sets.is_empty()), "{explanations:?}");
        let cells_needed: usize = explanations.iter().map(|e| e.sets[0].len()).sum();
        prop_assert!(cells_needed <= k, "{cells_needed} cells for {k} changes: {explanations:?}");
        // Each way of mending one part, with the first way of every other part, restores every sum.
        for (i, explanation) in explanations.iter().enumerate() {
            for set in &explanation.sets {
                prop_assert!(set.iter().all(|c| c.current == report.count(c.cell).unwrap()));
                let mut mended = report.clone();
                apply(&mut mended, set);
                for (j, other) in explanations.iter().enumerate() {
                    if j != i {
                        apply(&mut mended, &other.sets[0]);
                    }
                }
                prop_assert_eq!(a_codes(&mended), Vec::<&str>::new(), "after {:?}", set);
            }
        }
        // One cell that takes part in two sums or more: exactly that cell, back to its old value.
        if k == 1 && rules_of_cell(cells[0]).len() >= 2 {
            let cell = cells[0];
            let expected = CellChange { cell, current: report.count(cell).unwrap(), target: Target::Exact(original.count(cell).unwrap()) };
            prop_assert_eq!(explanations.len(), 1);
            prop_assert!(explanations[0].is_unique(), "{:?}", explanations[0]);
            prop_assert_eq!(&explanations[0].sets, &vec![vec![expected]]);
        }
    }
}

/// Every set of `size` cells of 三 that touches every broken rule and whose values can mend
/// the rules it touches: the smallest sets, found the slow way.
fn exhaustive(report: &Report, size: usize) -> Vec<Vec<CellChange>> {
    let rules = linear_rules();
    let broken: Vec<usize> = (0..rules.len())
        .filter(|&r| {
            let values: Option<Vec<i128>> = rules[r].terms.iter().map(|(c, k)| report.count(*c).map(|n| i128::from(*k) * i128::from(n))).collect();
            values.is_some_and(|v| v.iter().sum::<i128>() != 0)
        })
        .collect();
    let cells: Vec<CellId> = CellId::in_section(xxgk_report::model::Section::S3).collect();
    let touches_all = |set: &[CellId]| broken.iter().all(|&r| rules[r].terms.iter().any(|(c, _)| set.contains(c)));
    let mut found = Vec::new();
    for (i, &a) in cells.iter().enumerate() {
        if size == 1 {
            if touches_all(&[a]) {
                found.extend(solve_for(report, &[a]));
            }
            continue;
        }
        for &b in &cells[i + 1..] {
            if touches_all(&[a, b]) {
                found.extend(solve_for(report, &[a, b]));
            }
        }
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_search_finds_what_an_exhaustive_search_finds(
        columns in columns(),
        changes in prop::collection::vec((0..25usize, 0..7usize, 1u64..1000, any::<bool>()), 1..=2),
    ) {
        let original = consistent_report(&columns, &[[0; 4]; 3]);
        let mut report = original.clone();
        for &(row, column, delta, up) in &changes {
            let cell = CellId::s3(row, column);
            report.set_cell(cell, CellValue::Count(changed(original.count(cell).unwrap(), delta, up)));
        }
        let explanations = localize(&report);
        let smallest = (1..=2).map(|size| exhaustive(&report, size)).find(|sets| !sets.is_empty()).unwrap_or_default();
        match explanations.as_slice() {
            [] => prop_assert!(smallest.is_empty() || a_codes(&report).is_empty()),
            [e] => {
                prop_assert_eq!(e.set_count, smallest.len());
                prop_assert_eq!(&e.sets, &smallest[..smallest.len().min(MAX_LISTED)].to_vec());
            }
            more => prop_assert!(false, "table 三 is one part: {more:?}"),
        }
    }
}

/// The held-out kind of mistake: one number off in a report of a whole district (淮安市洪泽区,
/// as published, every sum holding), found with its right value and named in the finding.
#[test]
fn one_number_off_in_a_district_report_is_named_with_its_value() {
    let truth = include_str!("fixtures/fixes/hongze-2024.json");
    let original = xxgk_report::model::from_json(truth).unwrap();
    assert_eq!(a_codes(&original), Vec::<&str>::new());
    for (id, typed) in [("s3.outcome_total.natural", "96"), ("s3.unable.not_held.natural", "13"), ("s3.new.total", "59")] {
        let cell = CellId::known(id);
        let mut report = original.clone();
        report.set_cell_text(cell, typed);
        let right = original.count(cell).unwrap();
        let explanations = localize(&report);
        assert_eq!(explanations.len(), 1, "{id}");
        assert_eq!(explanations[0].sets, vec![vec![CellChange { cell, current: typed.parse().unwrap(), target: Target::Exact(right) }]]);
        let findings = check(&report);
        let sums: Vec<_> = findings.iter().filter(|f| f.code.starts_with('A')).collect();
        assert!(sums.len() >= 2, "{id}: {sums:?}");
        for f in sums {
            let suspect = f.suspect.as_ref().expect("the sums name the suspect");
            assert!(suspect.message.starts_with(&format!("最可能是{}填写有误：改为 {right}，则 ", cell.short_label())), "{}", suspect.message);
            assert_eq!(f.fixes.len(), 1);
            let mut fixed = report.clone();
            fixed.apply(&f.fixes[0]).unwrap();
            assert_eq!(fixed, original);
        }
    }
}
