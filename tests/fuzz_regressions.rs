//! Every input a fuzz target once broke (fuzz/regressions/<target>/), run through the same
//! invariants the target asserts (fuzz/src/invariants.rs), as an ordinary test.

#[path = "../fuzz/src/arbitrary_report.rs"]
#[allow(dead_code)]
mod arbitrary_report;
#[path = "../fuzz/src/invariants.rs"]
#[allow(dead_code)]
mod invariants;

use std::path::Path;

use xxgk_report::import::import_with_summary;
use xxgk_report::model::{from_json, from_json_keeping_invalid, to_json};

/// Runs one regression input the way its target does.
fn replay(target: &str, data: &[u8]) {
    match target {
        "import" => {
            const NAMES: [&str; 9] = ["报告.docx", "报告.txt", "报告.json", "报告.doc", "报告.pdf", "报告.html", "报告.wps", "报告", "报告.shtml"];
            let Some((&pick, bytes)) = data.split_first() else { return };
            invariants::check_import(import_with_summary(bytes, NAMES[usize::from(pick) % NAMES.len()]));
        }
        "json" => {
            let Ok(text) = std::str::from_utf8(data) else { return };
            match from_json(text) {
                Ok(report) => invariants::check_report(&report),
                Err(error) => assert!(invariants::is_chinese(&error.message), "{error}"),
            }
        }
        "draft" => {
            let Ok(text) = std::str::from_utf8(data) else { return };
            match from_json_keeping_invalid(text) {
                Ok(report) => {
                    assert_eq!(from_json_keeping_invalid(&to_json(&report)).unwrap(), report);
                    invariants::check_report(&report);
                }
                Err(error) => assert!(invariants::is_chinese(&error.message), "{error}"),
            }
        }
        "text" => invariants::check_import(import_with_summary(data, "报告.txt")),
        "docx" => invariants::check_import(import_with_summary(data, "报告.docx")),
        "html" => invariants::check_import(import_with_summary(&[b"<!DOCTYPE html>", data].concat(), "报告.html")),
        "html_paste" => {
            let Ok(text) = std::str::from_utf8(data) else { return };
            invariants::check_import(xxgk_report::import::import_html_text(text));
        }
        "pdf" => invariants::check_import(import_with_summary(data, "报告.pdf")),
        "pdf_content" => invariants::check_import(import_with_summary(&invariants::pdf_with_content(data), "报告.pdf")),
        "doc" => invariants::check_import(import_with_summary(data, "报告.doc")),
        "docx_xml" => invariants::check_import(import_with_summary(&invariants::docx_with_document(data), "报告.docx")),
        "check" => {
            let input = arbitrary::Unstructured::new(data);
            if let Ok(report) = <arbitrary_report::ArbitraryReport as arbitrary::Arbitrary>::arbitrary_take_rest(input) {
                invariants::check_report(&report.build());
            }
        }
        other => panic!("fuzz/regressions/{other}: no such fuzz target"),
    }
}

#[test]
fn every_input_the_fuzzers_broke_now_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut count = 0;
    for target in std::fs::read_dir(&root).expect("fuzz/regressions exists") {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        for input in std::fs::read_dir(&target).unwrap() {
            let input = input.unwrap().path();
            let data = std::fs::read(&input).unwrap();
            let outcome = std::panic::catch_unwind(|| replay(&name, &data));
            assert!(outcome.is_ok(), "fuzz/regressions/{name}/{} fails again", input.file_name().unwrap().to_string_lossy());
            count += 1;
        }
    }
    assert!(count > 0, "no regression inputs found under {}", root.display());
}

/// The structure-aware PDF target's seeds rebuild pages the PDF reader reads: the target
/// reaches the layout code, not only the "cannot read" paths.
#[test]
fn pdf_content_seeds_rebuild_readable_pages() {
    let dir = std::env::temp_dir().join(format!("xxgk-pdf-seeds-{}", std::process::id()));
    let status = std::process::Command::new("python3")
        .arg("fuzz/seeds/pdf_content.py")
        .arg(&dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("python3 runs");
    assert!(status.success());
    let mut readable = 0;
    for seed in std::fs::read_dir(&dir).unwrap() {
        let data = std::fs::read(seed.unwrap().path()).unwrap();
        if let Ok((report, _)) = import_with_summary(&invariants::pdf_with_content(&data), "报告.pdf") {
            readable += usize::from(report.cells().any(|(_, v)| v.is_filled()) || report.headings.is_some());
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(readable >= 3, "only {readable} pdf_content seeds give a page with text that imports");
}
