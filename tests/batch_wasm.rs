//! The batch binding in the browser: files read and checked one by one (a broken one keeps its
//! message), pairs, copied text, the findings workbook (its creation time from the browser's
//! clock: rust_xlsxwriter's `wasm` feature) and the roll-up, compiled to WebAssembly.
//!
//! Run by `./build.sh test` (wasm-bindgen-test-runner in headless Chromium, `--features batch`).
#![cfg(all(target_arch = "wasm32", feature = "batch"))]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use xxgk_report::model::{from_json, to_json, CellId};
use xxgk_report::wasm_batch::Batch;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).expect("readable property")
}

fn number(value: &JsValue, key: &str) -> f64 {
    get(value, key).as_f64().unwrap_or_else(|| panic!("{key} is a number"))
}

#[wasm_bindgen_test]
fn a_batch_is_read_compared_and_written_in_the_browser() {
    let this = from_json(include_str!("fixtures/batch/hongze-2024.json")).unwrap();
    let mut last = this.clone();
    last.year = Some(2023);
    last.set_cell_text(CellId::known("s3.carried_out.natural"), "5");

    let mut batch = Batch::new();
    let row = batch.add("部门/洪泽2024.json", to_json(&this).as_bytes()).unwrap();
    assert_eq!(number(&row, "index"), 0.0);
    assert_eq!(get(&row, "agency").as_string().unwrap(), "淮安市洪泽区人民政府");
    assert!(get(&row, "error").is_null());
    batch.add("部门/洪泽2023.json", to_json(&last).as_bytes()).unwrap();
    batch.add("乡镇/边昭镇.docx", include_bytes!("fixtures/import/seed.docx")).unwrap();
    let broken = batch.add("乡镇/坏.docx", b"PK\x03\x04 not a zip").unwrap();
    assert!(get(&broken, "error").as_string().unwrap().contains("损坏"));
    assert_eq!(batch.length(), 4);

    let comparison = batch.compare().unwrap();
    let pairs = js_sys::Array::from(&get(&comparison, "pairs"));
    assert_eq!(pairs.length(), 1);
    let pair = pairs.get(0);
    assert_eq!((number(&pair, "previous"), number(&pair, "current")), (1.0, 0.0));
    let files = js_sys::Array::from(&get(&comparison, "files"));
    assert_eq!(get(&files.get(0), "previous").as_string().unwrap(), "部门/洪泽2023.json");
    let codes = js_sys::Array::from(&get(&files.get(0), "codes"));
    assert!(codes.includes(&JsValue::from_str("Y001"), 0));

    let xlsx = batch.findings_xlsx().unwrap();
    assert_eq!(&xlsx[..2], b"PK");
    assert!(batch.findings_csv().starts_with('\u{feff}'));
    let rollup = batch.rollup(2024, "淮安市人民政府").unwrap();
    assert_eq!(number(&rollup, "sources"), 2.0);
    let json = get(&rollup, "json").as_string().unwrap();
    assert!(from_json(&json).is_ok());
    assert_eq!(&batch.rollup_xlsx(2024, "").unwrap()[..2], b"PK");
    assert!(batch.report_json(3).is_err());
    assert!(batch.report_json(2).unwrap().contains("通榆县边昭镇"));
}
