//! The roll-up (汇总): known sums of real reports, exact fees, refusals, and a property: the sum
//! of consistent reports is consistent and holds the cell-wise sums.

use proptest::prelude::*;
use xxgk_report::batch::rollup::Rollup;
use xxgk_report::model::labels::{S3_COLUMNS, S4_COLUMNS, S4_GROUPS};
use xxgk_report::model::S3Row;
use xxgk_report::model::{from_json, Amount, CellValue, Section};
use xxgk_report::{check, CellId, Report};

fn hongze() -> Report {
    from_json(include_str!("fixtures/batch/hongze-2024.json")).unwrap()
}

fn seed() -> Report {
    from_json(include_str!("fixtures/seed.json")).unwrap()
}

#[test]
fn two_real_reports_add_up_cell_by_cell_with_an_exact_fee() {
    let (mut a, mut b) = (hongze(), seed());
    a.set_cell_text(CellId::known("s2.fee.amount"), "24252.311082");
    b.set_cell_text(CellId::known("s2.fee.amount"), "0.000001");
    let mut rollup = Rollup::new();
    rollup.add("洪泽区.json", &a).unwrap();
    rollup.add("边昭镇.json", &b).unwrap();
    let sum = rollup.finish("某市人民政府").unwrap();
    assert_eq!(sum.report.cell(CellId::known("s2.fee.amount")), &CellValue::Amount(Amount::parse("24252.311083").unwrap()));
    for id in CellId::all().filter(|id| id.as_str() != "s2.fee.amount") {
        let expected = a.count(id).unwrap() + b.count(id).unwrap();
        assert_eq!(sum.report.count(id), Some(expected), "{id}");
    }
    assert_eq!(sum.report.count(CellId::known("s2.normative.in_force")), Some(8));
    assert_eq!(sum.report.year, Some(2024));
    assert_eq!(sum.report.agency.name, "某市人民政府");
    assert_eq!(sum.report.headings, Some(Report::official_headings()));
    assert!(sum.report.text.overview.is_empty());
    assert!(sum.findings.is_empty(), "{:#?}", sum.findings);
    assert!(sum.incomplete.is_empty() && sum.duplicates.is_empty());
    assert_eq!(sum.contribution(1, CellId::known("s2.fee.amount")).display(), "0.000001");
}

#[test]
fn a_cell_one_source_left_unfilled_is_not_summed_and_the_source_is_named() {
    let (a, mut b) = (hongze(), seed());
    b.set_cell_text(CellId::known("s3.new.business"), "/");
    let mut rollup = Rollup::new();
    rollup.add("a.json", &a).unwrap();
    rollup.add("b.json", &b).unwrap();
    let sum = rollup.finish("").unwrap();
    assert_eq!(sum.report.cell(CellId::known("s3.new.business")), &CellValue::Missing);
    assert_eq!(sum.incomplete.len(), 1);
    assert_eq!(sum.incomplete[0].sources, [1]);
    assert!(sum.problems()[0].contains("1 份报告未填写或填写有误（b.json）"), "{:?}", sum.problems());
    assert!(sum.findings.iter().any(|f| f.code == "V002"), "the rules run on the sum");
}

#[test]
fn years_and_table_editions_are_never_mixed_and_an_agency_twice_is_flagged() {
    let mut rollup = Rollup::new();
    rollup.add("2024.json", &hongze()).unwrap();
    let mut old = seed();
    old.year = Some(2023);
    let refused = rollup.add("2023.json", &old).unwrap_err();
    assert!(refused.contains("2023.json 是 2023 年的报告，而 2024.json 是 2024 年的"), "{refused}");
    let mut y2019 = seed();
    y2019.source = Some(xxgk_report::model::SourceInfo { tables: xxgk_report::model::TableEdition::Y2019, ..Default::default() });
    let refused = rollup.add("旧表.json", &y2019).unwrap_err();
    assert!(refused.contains("2019 年旧版"), "{refused}");
    let mut again = hongze();
    again.agency.name = "淮安市 洪泽区".into();
    rollup.add("again.json", &again).unwrap();
    let sum = rollup.finish("").unwrap();
    assert_eq!(sum.duplicates, [vec![0, 1]]);
    assert!(sum.problems()[0].contains("出现了 2 次"), "{:?}", sum.problems());
}

#[test]
fn the_workbook_lists_every_source_beside_every_cell() {
    use calamine::{Data, Reader, Xlsx};
    let mut rollup = Rollup::new();
    rollup.add("洪泽区.json", &hongze()).unwrap();
    rollup.add("边昭镇.json", &seed()).unwrap();
    let bytes = rollup.finish("某市").unwrap().workbook().unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["汇总表", "各来源明细", "来源", "检查结果"]);
    let detail = book.worksheet_range("各来源明细").unwrap();
    assert_eq!(detail.get_size(), (201, 5));
    assert_eq!(detail.get((0, 3)), Some(&Data::String("淮安市洪泽区人民政府".into())));
    let row = (1..201).find(|&r| detail.get((r, 0)) == Some(&Data::String("s2.normative.in_force".into()))).unwrap();
    assert_eq!(detail.get((row, 2)), Some(&Data::Float(8.0)));
    assert_eq!(detail.get((row, 3)), Some(&Data::Float(8.0)));
    assert_eq!(detail.get((row, 4)), Some(&Data::Float(0.0)));
}

/// A random report whose tables are consistent (A001–A004 hold), section 二 filled.
fn consistent() -> impl Strategy<Value = Report> {
    let count = prop_oneof![4 => 0u64..20, 1 => 0u64..5_000_000];
    let column = (prop::collection::vec(count.clone(), S3Row::outcomes().count()), count.clone(), count.clone());
    let review = prop::collection::vec(prop::array::uniform4(count.clone()), S4_GROUPS.len());
    (prop::collection::vec(column, S3_COLUMNS.len() - 1), review, prop::collection::vec(count, 9), 0u128..10_000_000_000)
        .prop_map(|(columns, review, s2, fee)| {
            let mut report = Report::empty();
            report.year = Some(2024);
            for (id, n) in CellId::in_section(Section::S2).zip(&s2) {
                report.set_cell(id, CellValue::Count(*n));
            }
            report.set_cell(CellId::known("s2.fee.amount"), CellValue::Amount(Amount::from_micros(fee)));
            let total_col = S3_COLUMNS.len() - 1;
            let mut totals = [0u64; 25];
            for (col, (outcomes, carried_out, carried_in)) in columns.iter().enumerate() {
                let handled: u64 = outcomes.iter().sum::<u64>() + carried_out;
                let carried_in = (*carried_in).min(handled);
                let mut rows = [0u64; 25];
                for (row, n) in S3Row::outcomes().map(S3Row::index).zip(outcomes) {
                    rows[row] = *n;
                }
                rows[23] = outcomes.iter().sum();
                rows[24] = *carried_out;
                rows[1] = carried_in;
                rows[0] = handled - carried_in;
                for (row, n) in rows.iter().enumerate() {
                    report.set_cell(CellId::s3(row, col), CellValue::Count(*n));
                    totals[row] += n;
                }
            }
            for (row, n) in totals.iter().enumerate() {
                report.set_cell(CellId::s3(row, total_col), CellValue::Count(*n));
            }
            for (group, parts) in review.iter().enumerate() {
                for (col, n) in parts.iter().enumerate() {
                    report.set_cell(CellId::s4(group, col), CellValue::Count(*n));
                }
                report.set_cell(CellId::s4(group, S4_COLUMNS.len() - 1), CellValue::Count(parts.iter().sum()));
            }
            report
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_sum_of_consistent_reports_is_consistent_and_cell_wise(reports in prop::collection::vec(consistent(), 1..6)) {
        let mut rollup = Rollup::new();
        for (i, report) in reports.iter().enumerate() {
            prop_assert!(check(report).iter().all(|f| !f.code.starts_with('A')));
            rollup.add(&format!("{i}.json"), report).unwrap();
        }
        let sum = rollup.finish("").unwrap();
        prop_assert!(sum.findings.iter().all(|f| !f.code.starts_with('A')), "{:#?}", sum.findings);
        prop_assert!(check(&sum.report).iter().all(|f| !f.code.starts_with('A')));
        for id in CellId::all() {
            let expected = match id.kind() {
                xxgk_report::model::CellKind::Count => CellValue::Count(reports.iter().map(|r| r.count(id).unwrap()).sum()),
                xxgk_report::model::CellKind::Amount => CellValue::Amount(Amount::from_micros(
                    reports.iter().map(|r| match r.cell(id) { CellValue::Amount(a) => a.micros(), _ => unreachable!() }).sum(),
                )),
            };
            prop_assert_eq!(sum.report.cell(id), &expected, "{}", id);
        }
    }
}
