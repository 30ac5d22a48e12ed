//! The cross-year rules Y001–Y003 on pairs built from real reports: one agency's report and
//! its previous year, with the carry-over intact and broken, a lightly edited copy and an
//! honestly different report.

use xxgk_report::model::{from_json, CellValue};
use xxgk_report::rules::check_against_previous;
use xxgk_report::{check, check_with_previous, CellId, Finding, Report};

/// 淮安市洪泽区人民政府's published 2024 report (cells and prose as published).
fn hongze_2024() -> Report {
    from_json(include_str!("fixtures/batch/hongze-2024.json")).unwrap()
}

/// Its 2023 report as it would be with the carry-over intact: the 2024 carried-in cells are
/// 2023's carried-out ones, the stock of documents follows, the prose is another year's.
fn hongze_2023_consistent() -> Report {
    let this = hongze_2024();
    let mut last = from_json(include_str!("fixtures/batch/shuyang-fgj-2023.json")).unwrap();
    last.agency = this.agency.clone();
    last.year = Some(2023);
    for col in 0..7 {
        last.set_cell(CellId::s3(24, col), this.cell(CellId::s3(1, col)).clone());
    }
    // 2024: normative in force 8 = 2023's 5 + issued 3 − repealed 0.
    last.set_cell_text(CellId::known("s2.normative.in_force"), "5");
    last.set_cell_text(CellId::known("s2.regulation.in_force"), "0");
    last
}

fn codes(findings: &[Finding], prefix: &str) -> Vec<&'static str> {
    findings.iter().map(|f| f.code).filter(|c| c.starts_with(prefix)).collect()
}

#[test]
fn an_intact_carry_over_gives_no_cross_year_finding() {
    let findings = check_against_previous(&hongze_2024(), &hongze_2023_consistent());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn y001_names_both_years_and_both_numbers() {
    let this = hongze_2024();
    let mut last = hongze_2023_consistent();
    last.set_cell(CellId::known("s3.carried_out.natural"), CellValue::Count(5));
    last.set_cell(CellId::known("s3.carried_out.total"), CellValue::Count(5));
    let findings = check_against_previous(&this, &last);
    assert_eq!(codes(&findings, "Y"), ["Y001", "Y001"], "{findings:#?}");
    let natural = &findings[0];
    assert_eq!(
        natural.message,
        "上年结转（自然人）填写 0，但 2023 年报告结转下年度继续办理（自然人）为 5，相差 5。\
         本年的上年结转应等于上一年度结转下年度继续办理的申请数，请核对两年的表格"
    );
    assert_eq!(natural.cells, [CellId::known("s3.carried_in.natural")]);
    assert_eq!((natural.reported, natural.computed, natural.difference), (Some(0), Some(5), Some(-5)));
}

#[test]
fn y002_follows_the_stock_of_documents_and_mentions_a_clean_up() {
    let this = hongze_2024();
    let mut last = hongze_2023_consistent();
    last.set_cell_text(CellId::known("s2.normative.in_force"), "393");
    let findings = check_against_previous(&this, &last);
    assert_eq!(codes(&findings, "Y"), ["Y002"], "{findings:#?}");
    let message = &findings[0].message;
    assert!(message.contains("现行有效件数填写 8"), "{message}");
    assert!(message.contains("2023 年报告的现行有效件数 393 加本年制发 3 减本年废止 0，应为 396，相差 388"), "{message}");
    assert!(message.contains("清理"), "{message}");
}

#[test]
fn years_that_do_not_follow_each_other_are_not_compared_for_carry_over() {
    let this = hongze_2024();
    let mut last = hongze_2023_consistent();
    last.year = Some(2021);
    last.set_cell(CellId::known("s3.carried_out.natural"), CellValue::Count(5));
    assert!(codes(&check_against_previous(&this, &last), "Y00").iter().all(|c| *c == "Y003"));
}

#[test]
fn y003_finds_a_lightly_edited_copy_of_last_years_report() {
    let this = hongze_2024();
    let mut last = hongze_2023_consistent();
    last.text = this.text.clone();
    last.text.overview = this.text.overview.replace("2024", "2023").replace("全面推动", "大力推动").replace("有力服务", "持续服务");
    let findings = check_against_previous(&this, &last);
    let y003: Vec<&Finding> = findings.iter().filter(|f| f.code == "Y003").collect();
    let fields: Vec<&str> = y003.iter().filter_map(|f| f.field.as_deref()).collect();
    assert_eq!(fields, ["text.overview", "text.problems"], "{y003:#?}");
    let overview = y003[0];
    assert!(overview.message.starts_with("一、总体情况与 2023 年报告的同一部分基本相同（相似度 "), "{}", overview.message);
    assert!(overview.message.contains("最长的一段相同文字有"), "{}", overview.message);
    let span = overview.span.as_ref().unwrap();
    assert!(this.text.overview.contains(&span.snippet) && span.snippet.chars().count() > 100, "{span:?}");
}

#[test]
fn y003_leaves_an_honestly_different_report_alone() {
    let findings = check_against_previous(&hongze_2024(), &hongze_2023_consistent());
    assert!(codes(&findings, "Y003").is_empty(), "{findings:#?}");
}

#[test]
fn identical_tables_are_a_copy_too_but_two_years_of_zeros_are_not() {
    let this = hongze_2024();
    let mut last = hongze_2023_consistent();
    for (id, value) in this.cells() {
        last.set_cell(id, value.clone());
    }
    let findings = check_against_previous(&this, &last);
    let tables: Vec<&Finding> = findings.iter().filter(|f| f.code == "Y003" && f.field.is_none()).collect();
    assert_eq!(tables.len(), 1, "{findings:#?}");
    assert!(tables[0].message.contains("全部 200 个单元格与 2023 年报告完全相同"), "{}", tables[0].message);

    let mut zeros = this.clone();
    for id in CellId::all() {
        zeros.set_cell_text(id, "0");
    }
    let findings = check_against_previous(&zeros, &zeros.clone());
    assert!(findings.iter().all(|f| f.field.is_some()), "{findings:#?}");
}

#[test]
fn without_last_years_report_the_y_rules_say_nothing_and_nothing_else_changes() {
    let this = hongze_2024();
    assert_eq!(check_with_previous(&this, None), check(&this));
    let with = check_with_previous(&this, Some(&hongze_2023_consistent()));
    let without_y: Vec<&Finding> = with.iter().filter(|f| !f.code.starts_with('Y')).collect();
    assert_eq!(without_y, check(&this).iter().collect::<Vec<_>>());
}
