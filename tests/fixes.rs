//! Fixes and reviewed marks over every fixture: a fix removes its finding and brings no new
//! error; the seed's safe fixes leave only what a person must judge; 「已核实」 marks survive the
//! JSON document and lapse when what they concern changes.

mod rule_fixtures;

use std::fs;
use std::path::Path;

use rule_fixtures::{all_fixtures, SEED};
use xxgk_report::model::{from_json, from_json_keeping_invalid, to_json};
use xxgk_report::rules::{apply_fixes, review, undo_fixes, Applicability};
use xxgk_report::{check, check_with_previous, Finding, Report, Severity};

/// What identifies a finding across a change elsewhere in the report.
fn identity(f: &Finding) -> String {
    match (&f.field, &f.span) {
        (Some(field), Some(span)) => format!("{} {field} {} {}", f.code, span.start, span.snippet),
        (Some(field), None) => format!("{} {field} {}", f.code, f.message),
        (None, _) => format!("{} {:?}", f.code, f.cells.first()),
    }
}

/// Every report the tests have, with last year's where a fixture has one: the seed, each rule
/// fixture, each imported document, a real district report.
fn every_report() -> Vec<(String, Report, Option<Report>)> {
    let mut reports = vec![("seed".to_string(), from_json(SEED).unwrap(), None)];
    reports.extend(all_fixtures().into_iter().map(|f| (f.name, f.report, f.previous)));
    // Every document the import tests read (Word, text, LibreOffice's HTML, .doc and PDF), as imported;
    // a file there that is not a report (a version note) is the import tests' business.
    let import_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut files: Vec<_> = Vec::new();
    for entry in fs::read_dir(&import_dir).unwrap().map(|e| e.unwrap().path()) {
        if entry.is_dir() {
            files.extend(fs::read_dir(&entry).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()));
        } else {
            files.push(entry);
        }
    }
    files.sort();
    let mut imported = 0;
    for path in files {
        let name = path.strip_prefix(&import_dir).unwrap().to_string_lossy().into_owned();
        if let Ok(report) = xxgk_report::import::import(&fs::read(&path).unwrap(), &name) {
            imported += 1;
            reports.push((name, report, None));
        }
    }
    assert!(imported >= 6, "only {imported} imported documents");
    let hongze = include_str!("fixtures/fixes/hongze-2024.json");
    reports.push(("hongze-2024".into(), from_json(hongze).unwrap(), None));
    reports
}

#[test]
fn every_fix_removes_its_finding_and_brings_no_new_error() {
    let mut fixes_tried = 0;
    for (name, report, previous) in every_report() {
        let check = |r: &Report| check_with_previous(r, previous.as_ref());
        let findings = check(&report);
        let errors_before: Vec<String> = findings.iter().filter(|f| f.severity == Severity::Error).map(identity).collect();
        for finding in &findings {
            for fix in &finding.fixes {
                let mut fixed = report.clone();
                let undo = fixed.apply(fix).unwrap_or_else(|e| panic!("{name}: {} «{}»: {e}", finding.code, fix.title));
                let after = check(&fixed);
                let id = identity(finding);
                assert!(!after.iter().any(|f| identity(f) == id), "{name}: «{}» leaves {id}", fix.title);
                for f in after.iter().filter(|f| f.severity == Severity::Error) {
                    assert!(errors_before.contains(&identity(f)), "{name}: «{}» brings {}: {}", fix.title, f.code, f.message);
                }
                fixed.apply(&undo).unwrap();
                assert_eq!(fixed, report, "{name}: undoing «{}»", fix.title);
                fixes_tried += 1;
            }
        }
    }
    assert!(fixes_tried > 50, "only {fixes_tried} fixes");
}

#[test]
fn a_fix_from_an_older_report_is_refused() {
    let mut report = from_json(SEED).unwrap();
    let finding = check(&report).into_iter().find(|f| f.code == "T002").unwrap();
    report.text.overview = report.text.overview.replace("《政务公开条例》", "《条例》");
    let before = report.clone();
    let err = report.apply(&finding.fixes[0]).unwrap_err();
    assert!(err.message.contains("报告已经改过"), "{err}");
    assert_eq!(report, before);
}

#[test]
fn the_seeds_safe_fixes_leave_only_what_a_person_must_judge() {
    let mut report = from_json(SEED).unwrap();
    let findings = check(&report);
    let applied = apply_fixes(&mut report, &findings, Applicability::Safe);
    let titles: Vec<&str> = applied.iter().map(|a| a.fix.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "将「《政务公开条例》」改为「《中华人民共和国政府信息公开条例》」",
            "将「4、」改为「四、」",
            "将「3、」改为「三、」",
        ],
    );
    assert_eq!(report.headings.as_ref().unwrap()[2], "三、收到和处理政府信息公开申请情况");
    assert!(report.text.overview.contains("围绕《中华人民共和国政府信息公开条例》进行解读"));
    let left = check(&report);
    let codes: Vec<&str> = left.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["T003", "T003", "T004", "T008", "T009"]);
    assert!(left.iter().flat_map(|f| &f.fixes).all(|fix| fix.applicability != Applicability::Safe));
    // Undone together, in one step.
    let mut undone = report.clone();
    undo_fixes(&mut undone, &applied).unwrap();
    assert_eq!(undone, from_json(SEED).unwrap());
    // Not after the clerk typed over what a fix wrote: then nothing is undone.
    let mut typed = report.clone();
    typed.headings.as_mut().unwrap()[3] = "（四）政府信息公开行政复议、行政诉讼情况".into();
    let before = typed.clone();
    assert!(undo_fixes(&mut typed, &applied).is_err());
    assert_eq!(typed, before);
    // The scope words have fixes a person confirms; the rest has none.
    assert_eq!(left.iter().map(|f| f.fixes.len()).collect::<Vec<_>>(), [1, 1, 0, 0, 0]);
}

#[test]
fn reviewable_fixes_apply_on_request_and_alternatives_never_in_bulk() {
    let mut report = from_json(SEED).unwrap();
    report.set_cell_text(xxgk_report::CellId::known("s4.review.upheld"), "1");
    let findings = check(&report);
    let applied = apply_fixes(&mut report, &findings, Applicability::Review);
    let mut codes: Vec<&str> = applied.iter().map(|a| a.code).collect();
    codes.sort();
    assert_eq!(codes, ["S002", "S002", "T002", "T003", "T003"], "A004 can be mended two ways: neither is applied");
    assert!(report.text.overview.contains("负责全镇信息") && report.text.overview.contains("组织推动全镇政府信息公开工作"));
    assert!(check(&report).iter().any(|f| f.code == "A004"));
}

fn t004(report: &Report) -> Finding {
    check(report).into_iter().find(|f| f.code == "T004").unwrap()
}

#[test]
fn reviewed_marks_survive_the_json_document_and_lapse_when_the_text_changes() {
    let mut report = from_json(SEED).unwrap();
    let finding = t004(&report);
    review::mark(&mut report, &finding, "新郑是本镇的村名").unwrap();
    let json = to_json(&report);
    assert!(json.contains("\"reviewed\": ["), "{json}");
    let back = from_json(&json).unwrap();
    assert_eq!(back, report);
    let finding = t004(&back);
    assert_eq!(finding.reviewed.as_deref(), Some("新郑是本镇的村名"));
    assert!(check(&back).iter().filter(|f| f.code != "T004").all(|f| f.reviewed.is_none()));

    // Another sentence changes: the mark still holds.
    let mut edited = back.clone();
    edited.text.overview = edited.text.overview.replacen("并围绕", "并且围绕", 1);
    assert_eq!(t004(&edited).reviewed.as_deref(), Some("新郑是本镇的村名"));
    // The text around the place name changes: the mark lapses, the finding is back.
    let mut edited = back.clone();
    edited.text.overview = edited.text.overview.replace("和谐新郑建设", "美丽新郑建设");
    assert_eq!(t004(&edited).reviewed, None);
    // A draft keeps it too.
    assert_eq!(from_json_keeping_invalid(&json).unwrap(), report);
    // A broken list of marks is named, not ignored.
    let broken = json.replacen("\"reviewed\": [", "\"reviewed\": [3, ", 1);
    let err = from_json(&broken).unwrap_err();
    assert_eq!((err.path.as_str(), err.message.as_str()), ("reviewed[0]", "类型不对：应为已核实标记对象（{\"code\": …, \"fingerprint\": …, \"reason\": …}），实际为数字 3"));
    let err = from_json(&json.replacen("\"reason\": \"新郑是本镇的村名\"", "\"reasn\": \"x\"", 1)).unwrap_err();
    assert!(err.path == "reviewed[0].reasn" && err.message.starts_with("未知的键 \"reasn\""), "{err}");
    // Unmarking removes it.
    let mut unmarked = back.clone();
    assert!(review::unmark(&mut unmarked, &t004(&back)));
    assert_eq!(t004(&unmarked).reviewed, None);
}

#[test]
fn errors_of_the_sums_and_values_cannot_be_marked() {
    let mut report = from_json(SEED).unwrap();
    report.set_cell_text(xxgk_report::CellId::known("s3.new.natural"), "");
    let v002 = check(&report).into_iter().find(|f| f.code == "V002").unwrap();
    let err = review::mark(&mut report, &v002, "下次再填").unwrap_err();
    assert!(err.contains("不能标记为已核实"), "{err}");
    assert!(report.reviewed.is_empty());
    let finding = t004(&report);
    assert!(review::mark(&mut report, &finding, "  ").is_err(), "a reason is needed");
}
