//! The PDF reader in the browser: the published WPS PDF of 洪泽区, LibreOffice's PDF of the
//! seed (as its .docx) and an owner-password PDF, compiled to WebAssembly and run in headless
//! Chromium (the hostile PDFs run there too, in tests/import_wasm.rs through tests/hostile/).
//!
//! Run by `./build.sh test` (wasm-bindgen-test-runner, `--features documents`).
#![cfg(all(target_arch = "wasm32", feature = "documents"))]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use xxgk_report::import::import;
use xxgk_report::model::{CellValue, SourcePos};
use xxgk_report::CellId;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_published_pdf_of_hongze_reads_in_the_browser() {
    let report = import(include_bytes!("fixtures/real/hongze-2024/report.pdf"), "report.pdf").unwrap();
    assert_eq!(report.year, Some(2024));
    assert_eq!(report.agency.name, "淮安市洪泽区人民政府");
    assert_eq!(report.headings.as_ref().map(Vec::len), Some(6));
    assert_eq!(report.count(CellId::known("s2.license.decisions")), Some(9487));
    assert_eq!(report.count(CellId::known("s3.unable.not_held.natural")), Some(31));
    assert_eq!(report.count(CellId::known("s4.suit_after_review.total")), Some(3));
    // 「（七）总计」 has an empty merged-cell entry after its label; 「（六）其他处理」 is forced to its 0s.
    assert_eq!(report.count(CellId::known("s3.outcome_total.natural")), Some(95));
    assert_eq!(report.count(CellId::known("s3.other.unpaid_fee.total")), Some(0));
    assert_eq!(report.cells().filter(|(_, v)| !matches!(v, CellValue::Missing)).count(), 200);
    assert!(report.source.as_ref().unwrap().unplaced.is_empty());
    let at = report.source.as_ref().unwrap().cells.get(CellId::known("s3.unable.needs_creation.natural")).unwrap();
    assert!(matches!(at, SourcePos::Page { page: 4, .. }), "{at:?}");
}

#[wasm_bindgen_test]
fn libreoffice_and_owner_password_pdfs_read_as_natively() {
    let docx = import(include_bytes!("fixtures/import/seed.docx"), "seed.docx").unwrap();
    let cells = |r: &xxgk_report::Report| r.cells().map(|(_, v)| v.clone()).collect::<Vec<_>>();
    for (bytes, name) in [
        (&include_bytes!("fixtures/import/lo-pdf/seed.pdf")[..], "seed.pdf"),
        (&include_bytes!("fixtures/import/pdf/owner-aes-128.pdf")[..], "owner-aes-128.pdf"),
    ] {
        let report = import(bytes, name).unwrap();
        assert_eq!(cells(&report), cells(&docx), "{name}");
        assert_eq!(report.text, docx.text, "{name}");
    }
}
