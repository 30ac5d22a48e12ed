//! What every wasm-bindgen binding of the crate shares: one serializer for what reaches
//! JavaScript, and errors as JavaScript `Error`s with a Chinese message.

use serde::Serialize;
use wasm_bindgen::JsValue;

#[cfg(any(feature = "page", feature = "batch"))]
use crate::model::CellId;
#[cfg(feature = "page")]
use crate::model::Report;
#[cfg(any(feature = "page", feature = "batch"))]
use crate::rules::{Finding, Fix, Severity, Suspect, TextSpan};

/// Serialises a value for JavaScript: objects for maps and structs, `null` for `None`, and
/// numbers beyond 2⁵³ as (rounded) numbers rather than an error.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(JsValue::from)
}

/// A JavaScript `Error` with this message.
pub(crate) fn error(message: impl Into<String>) -> JsValue {
    js_sys::Error::new(&message.into()).into()
}

/// A finding as JavaScript sees it. Counts become numbers (beyond 2⁵³ they are rounded, which
/// only a broken report reaches) instead of failing the whole list.
#[cfg(any(feature = "page", feature = "batch"))]
#[derive(Serialize)]
pub(crate) struct FindingView<'a> {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    cells: &'a [CellId],
    field: Option<&'a str>,
    span: Option<&'a TextSpan>,
    reported: Option<f64>,
    computed: Option<f64>,
    difference: Option<f64>,
    message: &'a str,
    fixes: &'a [Fix],
    suspect: Option<SuspectView<'a>>,
    reviewed: Option<&'a str>,
    /// What `Session.markReviewed` takes; `None` for findings that cannot be marked (A/V
    /// errors), and where the report is not at hand (the batch view).
    fingerprint: Option<String>,
}

#[cfg(feature = "page")]
impl<'a> FindingView<'a> {
    /// A finding of `report`, with the fingerprint a 「已核实」 mark of it takes.
    pub(crate) fn of_report(f: &'a Finding, report: &Report) -> Self {
        use crate::rules::review;
        FindingView { fingerprint: review::reviewable(f).then(|| review::fingerprint(report, f)), ..FindingView::from(f) }
    }
}

#[cfg(any(feature = "page", feature = "batch"))]
impl<'a> From<&'a Finding> for FindingView<'a> {
    fn from(f: &'a Finding) -> Self {
        FindingView {
            code: f.code,
            name: f.name,
            severity: f.severity,
            cells: &f.cells,
            field: f.field.as_deref(),
            span: f.span.as_ref(),
            reported: f.reported.map(|n| n as f64),
            computed: f.computed.map(|n| n as f64),
            difference: f.difference.map(|n| n as f64),
            message: &f.message,
            fixes: &f.fixes,
            suspect: f.suspect.as_ref().map(SuspectView::from),
            reviewed: f.reviewed.as_deref(),
            fingerprint: None,
        }
    }
}

#[cfg(any(feature = "page", feature = "batch"))]
#[derive(Serialize)]
pub(crate) struct SuspectView<'a> {
    sets: Vec<Vec<SuspectCellView>>,
    set_count: usize,
    rules: &'a [&'static str],
    message: &'a str,
}

#[cfg(any(feature = "page", feature = "batch"))]
#[derive(Serialize)]
struct SuspectCellView {
    cell: CellId,
    current: f64,
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
}

#[cfg(any(feature = "page", feature = "batch"))]
impl<'a> From<&'a Suspect> for SuspectView<'a> {
    fn from(s: &'a Suspect) -> Self {
        let number = |n: Option<u64>| n.map(|n| n as f64);
        let sets = s
            .sets
            .iter()
            .map(|set| {
                set.iter()
                    .map(|c| SuspectCellView { cell: c.cell, current: c.current as f64, value: number(c.value), min: number(c.min), max: number(c.max) })
                    .collect()
            })
            .collect();
        SuspectView { sets, set_count: s.set_count, rules: &s.rules, message: &s.message }
    }
}

