//! The WebAssembly binding (see the page issue): a thin layer over the core.
//!
//! The report lives inside WebAssembly in a [`Session`], so a keystroke sends one edit, not the
//! whole report. Everything that reaches JavaScript is a plain object (no `Map`, `null` rather
//! than `undefined`), serialised by one shared serializer ([`to_js`]).

mod panic;
mod session;
mod totals;
mod types;

pub use panic::{crash_for_testing, install_hook as install_panic_hook, last_panic};
pub use session::Session;

use wasm_bindgen::prelude::*;

use crate::model::labels::{LEVELS, REPORT_FIELDS};
use crate::model::{layouts as core_layouts, CellId, TextField};
use crate::rules::{Severity, RULES};

/// Runs once when the module is instantiated.
#[wasm_bindgen(start)]
fn start() {
    panic::install_hook();
}

pub(crate) use crate::wasm_shared::to_js;

/// The official tables as grids of labels and inputs (`TableLayout[]`).
#[wasm_bindgen(js_name = layouts, unchecked_return_type = "TableLayout[]")]
pub fn layouts() -> Result<JsValue, JsValue> {
    to_js(core_layouts())
}

/// Every cell: ID, full label and kind (`CellInfo[]`).
#[wasm_bindgen(js_name = cellCatalog, unchecked_return_type = "CellInfo[]")]
pub fn cell_catalog() -> Result<JsValue, JsValue> {
    let cells: Vec<types::CellInfo> = CellId::all()
        .map(|id| types::CellInfo { id: id.as_str(), label: id.label(), kind: id.kind() })
        .collect();
    to_js(&cells)
}

/// The rule catalog (`RuleInfo[]`).
#[wasm_bindgen(js_name = rules, unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    let rules: Vec<types::RuleInfo> = RULES
        .iter()
        .map(|r| types::RuleInfo {
            code: r.code,
            name: r.name,
            severity: r.severity,
            summary: r.summary,
            doc: r.doc,
        })
        .collect();
    to_js(&rules)
}

/// The levels of `agency.level` with their Chinese names (`LevelInfo[]`).
#[wasm_bindgen(js_name = levels, unchecked_return_type = "LevelInfo[]")]
pub fn levels() -> Result<JsValue, JsValue> {
    let levels: Vec<types::LevelInfo> = LEVELS.iter().map(|&(key, label)| types::LevelInfo { key, label }).collect();
    to_js(&levels)
}

/// The prose fields in document order: JSON path and where they stand, e.g. 「一、总体情况」
/// (`TextFieldInfo[]`).
#[wasm_bindgen(js_name = textFields, unchecked_return_type = "TextFieldInfo[]")]
pub fn text_fields() -> Result<JsValue, JsValue> {
    let fields: Vec<types::TextFieldInfo> =
        TextField::ALL.iter().map(|f| types::TextFieldInfo { path: f.path(), label: f.label() }).collect();
    to_js(&fields)
}

/// The agency block and the year: JSON path, name, optional (`ReportField[]`).
#[wasm_bindgen(js_name = reportFields, unchecked_return_type = "ReportField[]")]
pub fn report_fields() -> Result<JsValue, JsValue> {
    let fields: Vec<types::ReportField> =
        REPORT_FIELDS.iter().map(|&(path, label, optional)| types::ReportField { path, label, optional }).collect();
    to_js(&fields)
}

/// Hands over the place-name table (`www/pkg/places.tsv`) that the page's module leaves out:
/// rule T004 finds places from then on (sessions checked before need `recheckAll`). Returns
/// false when the table was there already; throws a Chinese message when the text is not it.
#[wasm_bindgen(js_name = installPlaceNames)]
pub fn install_place_names(text: String) -> Result<bool, JsValue> {
    crate::rules::text::places::install(text).map_err(|e| JsValue::from(js_sys::Error::new(&e)))
}

/// Whether the place-name table is there (built in, or installed).
#[wasm_bindgen(js_name = placeNamesAvailable)]
pub fn place_names_available() -> bool {
    crate::rules::text::places::available()
}

/// Whether a file found in a folder is taken as a report (by its extension; never a hidden file
/// or Word's `~$` lock file): the rule of `xxgk check` for folders.
#[wasm_bindgen(js_name = isReportFileName)]
pub fn is_report_file_name(name: &str) -> bool {
    crate::import::is_report_file_name(name)
}

/// The severities with their Chinese names, most severe first (`SeverityInfo[]`).
#[wasm_bindgen(js_name = severities, unchecked_return_type = "SeverityInfo[]")]
pub fn severities() -> Result<JsValue, JsValue> {
    let all: Vec<types::SeverityInfo> = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .map(|s| types::SeverityInfo { key: s, label: s.label() })
        .collect();
    to_js(&all)
}
