//! The importer in the browser: the seed text, a .docx and hostile input through
//! `import::import`, compiled to WebAssembly (the core only, not the binding).
//!
//! Run with `wasm-pack test --headless --chrome` or wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

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
fn hostile_input_is_refused_without_panic() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 64]);
    assert!(import(&ole, "a.docx").unwrap_err().message.contains("Word 97-2003"));
    assert!(import(b"PK\x03\x04broken", "a.docx").unwrap_err().message.contains("已损坏"));
    assert!(import(&[0xC4, 0xEA, 0xB6, 0xC8], "a.txt").unwrap_err().message.contains("GBK"));
    let deep = format!("{}{}", "<a>".repeat(10_000), "</a>".repeat(10_000));
    assert!(import(deep.as_bytes(), "a.txt").is_err());
}
