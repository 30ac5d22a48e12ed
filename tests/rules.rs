//! Every rule against its fixtures, as ruff and Biome test theirs.
//!
//! `tests/fixtures/rules/<CODE>/trigger_*.json` must produce at least one finding of that rule
//! (the findings are kept as snapshots under `tests/snapshots/`); `clean_*.json` must produce
//! none. A fixture is a JSON merge patch (RFC 7396) applied to the seed report:
//! `{"description": "…", "patch": {"cells": {"s3.new.natural": 3, "s3.new.total": null}}}`;
//! `null` removes a key, which for a cell means "not filled in". A fixture of a cross-year rule
//! also has `"previous"`: last year's report, as another merge patch over the seed.
//!
//! New or changed snapshots: `INSTA_UPDATE=always cargo test --test rules`, then review the diff.

mod rule_fixtures;

use std::fs;
use std::path::Path;

use rule_fixtures::{fixtures_dir, load_fixture, sorted_entries, Fixture, SEED};
use xxgk_report::model::from_json;
use xxgk_report::rules::{reference, rule, RULES};
use xxgk_report::{check, check_with_previous, Finding};

fn findings_of(code: &str, fixture: &Fixture) -> Vec<Finding> {
    check_with_previous(&fixture.report, fixture.previous.as_ref()).into_iter().filter(|f| f.code == code).collect()
}

#[test]
fn every_rule_triggers_on_its_trigger_fixtures_and_not_on_its_clean_ones() {
    let mut tested = Vec::new();
    for dir in sorted_entries(&fixtures_dir()) {
        let code = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(rule(&code).is_some(), "tests/fixtures/rules/{code}: no rule has this code");
        let (mut triggers, mut cleans) = (0, 0);
        for path in sorted_entries(&dir) {
            let fixture = load_fixture(&path);
            let findings = findings_of(&code, &fixture);
            let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
            if fixture.name.starts_with("trigger_") {
                triggers += 1;
                assert!(!findings.is_empty(), "{code}/{} ({}) should trigger {code}", fixture.name, fixture.description);
                insta::with_settings!({ description => fixture.description.as_str(), omit_expression => true }, {
                    insta::assert_json_snapshot!(format!("{code}__{}", fixture.name), findings);
                });
            } else {
                assert!(fixture.name.starts_with("clean_"), "{code}/{}: name it trigger_* or clean_*", fixture.name);
                cleans += 1;
                assert!(findings.is_empty(), "{code}/{} ({}) should not trigger {code}: {messages:#?}", fixture.name, fixture.description);
            }
        }
        assert!(triggers > 0 && cleans > 0, "{code} needs trigger_* and clean_* fixtures");
        tested.push(code);
    }
    for r in RULES {
        assert!(tested.iter().any(|c| c == r.code), "{} has no fixtures in tests/fixtures/rules/{}", r.code, r.code);
    }
}

#[test]
fn the_seed_has_no_table_findings() {
    let report = from_json(SEED).unwrap();
    let findings: Vec<String> = check(&report)
        .into_iter()
        .filter(|f| f.code.starts_with(['A', 'V', 'P']))
        .map(|f| format!("{} {}", f.code, f.message))
        .collect();
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_rules_reference_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let generated = reference::markdown();
    if std::env::var_os("UPDATE").is_some_and(|v| v == "1") {
        fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md is out of date with the rule catalog. Regenerate it with\n    {}\nor\n    UPDATE=1 cargo test --test rules the_rules_reference_is_up_to_date",
        reference::REGENERATE
    );
}

/// The snapshot of `A003/trigger_huge_counts` checked by reasoning rather than recorded: the
/// fixture writes 10¹⁹ for 自然人 and for 商业企业 in 「（一）予以公开」 (the seed has 0 in the
/// other four applicant columns) and u64::MAX as the row's 总计. Their sum, 2 × 10¹⁹, passes
/// u64; the finding must still carry it exactly, as its message does.
#[test]
fn a_sum_beyond_u64_is_reported_exactly() {
    let fixture = load_fixture(&fixtures_dir().join("A003/trigger_huge_counts.json"));
    let findings = findings_of("A003", &fixture);
    let [finding] = &findings[..] else { panic!("one A003 finding: {findings:#?}") };
    let written: u128 = 18_446_744_073_709_551_615; // u64::MAX, the 总计 as written
    let sum: u128 = 20_000_000_000_000_000_000; // 10¹⁹ + 10¹⁹
    assert_eq!(finding.reported, Some(written));
    assert_eq!(finding.computed, Some(sum));
    assert_eq!(finding.difference, Some(-1_553_255_926_290_448_385), "总计 minus the sum of the columns");
    assert_eq!(finding.cells[0].as_str(), "s3.granted.total");
    for number in ["填写 18446744073709551615", "之和为 20000000000000000000", "相差 1553255926290448385"] {
        assert!(finding.message.contains(number), "{number}: {}", finding.message);
    }
    // The JSON of the findings (as `xxgk check --json` writes them) has the same exact numbers.
    let json = serde_json::to_string(finding).unwrap();
    assert!(json.contains("\"reported\":18446744073709551615,\"computed\":20000000000000000000,\"difference\":-1553255926290448385"), "{json}");
}

/// A text of thousands of placeholders, scope words, dates and stray 【 (a broken or hostile
/// file, found by fuzzing) gets at most 50 findings per rule and text, the last saying that more
/// were left out, and is checked in bounded time: each finding costs a pass over the text.
#[test]
fn a_text_full_of_findings_is_reported_in_part() {
    let mut report = from_json(SEED).unwrap();
    let unit = "XX镇全省统计期限为2023年1月至2023年6月，【请填写，《政务公开条例》；";
    report.text.overview = unit.repeat(20_000) + &"【".repeat(200_000);
    let started = std::time::Instant::now();
    let findings = check(&report);
    let took = started.elapsed();
    let in_overview = |code: &str| findings.iter().filter(|f| f.code == code && f.field.as_deref() == Some("text.overview")).collect::<Vec<_>>();
    for code in ["T001", "T002", "T003", "T005"] {
        let found = in_overview(code);
        assert_eq!(found.len(), 50, "{code}: {}", found.len());
        assert!(found[49].message.ends_with("（同类问题超过 50 处，只列出前 50 处）"), "{}", found[49].message);
        assert!(!found[48].message.contains("超过 50 处"));
    }
    // Not a timing assertion: a bound far above any machine's time, below a hang's.
    assert!(took.as_secs() < 60, "{took:?}");
}
