//! The importer in the browser: the seed text, a .docx and every hostile input of
//! tests/hostile/ through `import::import`, compiled to WebAssembly, and the documents binding
//! over it (the module the page loads for files and Word/HTML export).
//!
//! Run by `./build.sh test` (wasm-bindgen-test-runner in headless Chromium, `--features documents`).
#![cfg(all(target_arch = "wasm32", feature = "documents"))]

mod hostile;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use wasm_bindgen::JsValue;
use xxgk_report::import::import;
use xxgk_report::wasm_documents as documents;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_seed_text_and_docx_import() {
    let report = import(include_bytes!("fixtures/import/seed.txt"), "seed.txt").unwrap();
    assert_eq!(report.year, Some(2024));
    assert_eq!(report.agency.name, "通榆县边昭镇");
    assert_eq!(report.cells().filter(|(_, v)| v.is_filled()).count(), 200);
    let report = import(include_bytes!("fixtures/import/seed.docx"), "seed.docx").unwrap();
    assert_eq!(report.headings.as_ref().map(Vec::len), Some(6));
}

#[wasm_bindgen_test]
fn every_hostile_input_is_refused_with_a_chinese_message_and_no_panic() {
    for case in hostile::cases() {
        let message = import(&case.bytes, case.file_name).expect_err(case.what).message;
        assert!(message.contains(case.message), "{}: «{message}» should say «{}»", case.what, case.message);
    }
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).expect("readable property")
}

#[wasm_bindgen_test]
fn the_documents_binding_reads_files_and_writes_word_and_html() {
    let file = documents::import_file(include_bytes!("fixtures/import/seed.docx"), "seed.docx").unwrap();
    let json = get(&file, "json").as_string().expect("the report as JSON");
    let summary = get(&file, "summary");
    assert_eq!(get(&summary, "format").as_string().as_deref(), Some("docx"));
    assert!(get(&summary, "message").as_string().unwrap().contains("Word"));

    let docx = documents::to_docx(&json).unwrap();
    assert_eq!(&docx[..2], b"PK");
    assert!(documents::docx_file_name(&json).unwrap().ends_with("年政府信息公开工作年度报告.docx"));
    assert!(documents::html_fragment(&json).unwrap().contains("<table"));
    assert!(documents::html_page(&json).unwrap().starts_with("<!DOCTYPE html>"));

    // A typo in a cell (as a draft keeps it) still exports; bad JSON is a Chinese error.
    let typo = include_str!("fixtures/seed.json").replacen("\"s3.new.natural\": 0", "\"s3.new.natural\": \"abc\"", 1);
    assert!(typo.contains("\"abc\""));
    assert!(documents::html_fragment(&typo).unwrap().contains(">abc</td>"));
    let error = documents::to_docx("{").err().expect("an error");
    assert!(get(&error, "message").as_string().unwrap().contains("报告数据有误"));
    assert!(documents::import_file(b"\xff\xfe", "x.json").is_err());
}

#[wasm_bindgen_test]
fn every_format_reads_in_the_browser() {
    let docx = import(include_bytes!("fixtures/import/seed.docx"), "seed.docx").unwrap();
    let cells = |r: &xxgk_report::Report| r.cells().map(|(_, v)| v.clone()).collect::<Vec<_>>();
    for (bytes, name) in [
        (&include_bytes!("fixtures/import/lo-doc/seed.doc")[..], "seed.doc"),
        (&include_bytes!("fixtures/import/lo-html/seed.html")[..], "seed.html"),
    ] {
        let report = import(bytes, name).unwrap();
        assert_eq!(cells(&report), cells(&docx), "{name}");
        assert_eq!(report.text, docx.text, "{name}");
    }
    // GBK goes through the browser's TextDecoder (src/import/charset.rs).
    let gbk_page = b"<meta charset=gbk><p>\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p><p>2024\xC4\xEA</p>";
    let report = import(gbk_page, "page.html").unwrap();
    assert_eq!(report.headings, Some(vec!["一、总体情况".to_string()]));
    let real = include_bytes!("fixtures/real/shuyang-fgj-2023/report.html");
    let report = import(real, "report.html").unwrap();
    assert_eq!(report.agency.name, "沭阳县发展和改革局");
    assert_eq!(report.count(xxgk_report::CellId::known("s3.new.natural")), Some(26));
}

#[wasm_bindgen_test]
fn pasted_html_is_read_by_the_documents_binding() {
    let page = String::from_utf8(include_bytes!("fixtures/real/shuyang-fgj-2023/report.html").to_vec()).unwrap();
    let file = documents::import_html(&page).unwrap();
    let summary = get(&file, "summary");
    assert_eq!(get(&summary, "format").as_string().as_deref(), Some("html"));
    assert!(get(&file, "json").as_string().unwrap().contains("\"s3.new.natural\": 26"));
    assert!(documents::import_html("<p>随便一段话</p>").is_err());
}
