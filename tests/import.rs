//! Importing reports from text, .docx files written by real word processors, and hostile input.

use xxgk_report::import::{import, import_with_summary};
use xxgk_report::model::{from_json, to_json, CellValue, Report, TableEdition};
use xxgk_report::CellId;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed_json() -> Report {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/seed.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    from_json(&text).unwrap()
}

/// The report without what the source cannot say (the region) or what only an import records.
fn comparable(mut report: Report) -> Report {
    report.agency.region.clear();
    report.source = None;
    report
}

fn assert_same(imported: &Report, expected: &Report) {
    let (a, b) = (comparable(imported.clone()), comparable(expected.clone()));
    if a != b {
        let (ja, jb) = (to_json(&a), to_json(&b));
        for (la, lb) in ja.lines().zip(jb.lines()) {
            assert_eq!(la, lb, "first difference");
        }
        assert_eq!(ja, jb);
    }
}

#[test]
fn the_seed_text_imports_to_the_seed_json() {
    let (report, summary) = import_with_summary(&fixture("seed.txt"), "000_257022e1325317d4.txt").unwrap();
    assert_same(&report, &seed_json());
    let source = report.source.as_ref().unwrap();
    assert_eq!(source.tables, TableEdition::Y2021);
    assert!(source.unplaced.is_empty(), "{:?}", source.unplaced);
    assert!(source.edited_labels.is_empty(), "{:?}", source.edited_labels);
    assert_eq!((summary.cells_filled, summary.cells_not_found), (200, 0));
    assert_eq!(summary.headings.len(), 6);
    let recognised: Vec<String> = summary.tables.iter().flat_map(|t| t.recognised_as.clone()).collect();
    assert_eq!(recognised, ["二", "三", "四"]);
}

/// Writes the official table layouts for the fixture generator (tests/fixtures/import/gen).
#[test]
#[ignore = "generator input: cargo test --test import -- --ignored dump_layouts"]
fn dump_layouts() {
    let path = format!("{}/tests/fixtures/import/gen/layouts.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::write(path, serde_json::to_string_pretty(xxgk_report::model::layouts()).unwrap()).unwrap();
}

#[test]
#[ignore = "debug: prints what each fixture imports to"]
fn print_fixtures() {
    for name in ["seed.docx", "variants.docx", "y2019.docx", "tracked-python-docx.docx", "tracked-libreoffice.docx"] {
        let (report, summary) = import_with_summary(&fixture(name), name).unwrap();
        println!("==== {name}\n{}\n{}", serde_json::to_string_pretty(&summary).unwrap(), to_json(&report));
    }
}
