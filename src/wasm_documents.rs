//! The documents binding: reading report files and writing Word and HTML, as free functions
//! over the JSON document (FORMAT.md §5). The page loads it only when it is needed, so the
//! zip, XML and deflate code stays out of the module every visitor downloads.
//!
//! The report travels as JSON written by `Session.toJson()`; it is read keeping text typed into
//! number cells, so a report with a typo still exports (the cell shows what was typed).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::wasm_shared::{error, to_js};

use crate::export::{docx, html};
use crate::import;
use crate::model::{from_json_keeping_invalid, to_json, Report};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A file read by importFile: the report as a JSON document and the core's account of the import. */
export interface ImportedFile { json: string; summary: import("./xxgk_report").ImportFound; }
"#;

fn report(json: &str) -> Result<Report, JsValue> {
    from_json_keeping_invalid(json).map_err(|e| error(format!("报告数据有误：{e}")))
}

#[derive(Serialize)]
struct ImportedFile {
    json: String,
    summary: import::ImportSummary,
}

/// Reads a report file of any format the importer knows, told by content: Word .docx and
/// .doc (and .wps in Word's format), a web page (.html/.htm/.shtml, any charset), text
/// (UTF-8, GBK, UTF-16; also text copied from a PDF), or JSON; throws a Chinese message.
#[wasm_bindgen(js_name = importFile, unchecked_return_type = "ImportedFile")]
pub fn import_file(bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue> {
    imported(import::import_with_summary(bytes, file_name))
}

/// Reads a report from HTML already in a string: the `text/html` flavour of the clipboard
/// when a clerk copies the report from a portal page and pastes it on the page.
#[wasm_bindgen(js_name = importHtml, unchecked_return_type = "ImportedFile")]
pub fn import_html(html: &str) -> Result<JsValue, JsValue> {
    imported(import::import_html_text(html))
}

fn imported(result: Result<(Report, import::ImportSummary), import::ImportError>) -> Result<JsValue, JsValue> {
    let (report, summary) = result.map_err(|e| error(e.message))?;
    to_js(&ImportedFile { json: to_json(&report), summary })
}

/// The report as the bytes of a Word document (.docx).
#[wasm_bindgen(js_name = toDocx)]
pub fn to_docx(json: &str) -> Result<Vec<u8>, JsValue> {
    docx::to_docx(&report(json)?).map_err(|e| error(e.message))
}

/// 「<机关名称><年份>年政府信息公开工作年度报告.docx」.
#[wasm_bindgen(js_name = docxFileName)]
pub fn docx_file_name(json: &str) -> Result<String, JsValue> {
    Ok(docx::file_name(&report(json)?))
}

/// The report as an HTML fragment with inline styles, for a portal's CMS editor.
#[wasm_bindgen(js_name = htmlFragment)]
pub fn html_fragment(json: &str) -> Result<String, JsValue> {
    Ok(html::html_fragment(&report(json)?))
}

/// The report as a standalone HTML page (A4 print CSS).
#[wasm_bindgen(js_name = htmlPage)]
pub fn html_page(json: &str) -> Result<String, JsValue> {
    Ok(html::html_page(&report(json)?))
}
