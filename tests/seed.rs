//! The seed report (a real township report for 2024, with its defects) and its corrected form.

use xxgk_report::model::from_json;
use xxgk_report::{check, Severity};

fn findings(json: &str) -> Vec<xxgk_report::Finding> {
    check(&from_json(json).expect("fixture reads"))
}

#[test]
fn seed_findings() {
    let found = findings(include_str!("fixtures/seed.json"));
    let codes: Vec<(&str, Option<&str>)> =
        found.iter().map(|f| (f.code, f.span.as_ref().map(|s| s.snippet.as_str()))).collect();
    for expected in [
        ("S002", Some("3、")),
        ("S002", Some("4、")),
        ("T002", Some("《政务公开条例》")),
        ("T003", Some("全省")),
        ("T003", Some("全乡")),
        ("T004", Some("新郑")),
        ("T009", None),
    ] {
        assert!(codes.contains(&expected), "{expected:?} missing from {codes:?}");
    }
    assert!(found.iter().any(|f| f.code == "T004" && f.message.contains("河南省郑州市")));
    assert!(!found.iter().any(|f| f.severity == Severity::Error), "{found:#?}");
    // The one further warning: section 一 of a 人民政府 says nothing of 社会评议 and 责任追究.
    let others: Vec<&str> = found.iter().map(|f| f.code).filter(|c| !["S002", "T002", "T003", "T004", "T009"].contains(c)).collect();
    assert_eq!(others, ["T008"]);
    insta::assert_json_snapshot!("seed_findings", found);
}

#[test]
fn corrected_seed_has_none_of_the_seed_defects() {
    let found = findings(include_str!("fixtures/seed_corrected.json"));
    for f in &found {
        assert!(!["S002", "T002", "T003", "T004", "T009"].contains(&f.code), "{f:#?}");
    }
    insta::assert_json_snapshot!("seed_corrected_findings", found);
}
