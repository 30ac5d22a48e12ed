//! What every wasm-bindgen binding of the crate shares: one serializer for what reaches
//! JavaScript, and errors as JavaScript `Error`s with a Chinese message.

use serde::Serialize;
use wasm_bindgen::JsValue;

#[cfg(any(feature = "page", feature = "batch"))]
use crate::model::CellId;
#[cfg(any(feature = "page", feature = "batch"))]
use crate::rules::{Finding, Severity, TextSpan};

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
        }
    }
}
