//! The importer in the browser: the seed text, a .docx and every hostile input of
//! tests/hostile/ through `import::import`, compiled to WebAssembly (the core only).
//!
//! Run by `./build.sh test` (wasm-bindgen-test-runner in headless Chromium).
#![cfg(target_arch = "wasm32")]

mod hostile;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use xxgk_report::import::import;

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
