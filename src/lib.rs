//! xxgk-report: the annual report on government information disclosure
//! (政府信息公开工作年度报告, format of 国办公开办函〔2021〕30号) as data, checked by a catalog of
//! rules, imported from and exported to the documents offices use.
//!
//! The core knows nothing of the browser; `wasm`, `wasm_documents` and `wasm_batch` are thin
//! bindings over it, one per WebAssembly module of the page.

pub mod batch;
pub mod export;
pub mod import;
pub mod model;
pub mod rules;

#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "batch"))]
pub mod wasm_batch;
#[cfg(all(target_arch = "wasm32", feature = "documents"))]
pub mod wasm_documents;
#[cfg(all(target_arch = "wasm32", any(feature = "page", feature = "documents", feature = "batch")))]
mod wasm_shared;

pub use model::{CellId, Report};
pub use rules::{check, check_with_previous, Finding, Severity};
