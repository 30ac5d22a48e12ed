//! Many reports at once, as the supervising office (政务公开办) receives them: a summary row per
//! report, the findings and the summary as a workbook or CSV, the roll-up of their tables (汇总),
//! pairs of one agency's consecutive years, and passages copied between agencies.
//!
//! Everything here is pure Rust, works one report at a time where it can (the command line
//! streams 10,000 reports through it) and builds for `wasm32-unknown-unknown`: the page's batch
//! view holds a [`collection::Collection`] in the batch binding (`src/wasm_batch.rs`).

pub mod agency;
pub mod collection;
pub mod copies;
pub mod csv;
pub mod pairs;
pub mod rollup;
mod summary;
#[cfg(feature = "xlsx")]
pub mod workbook;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use summary::{check_file, Checked, Counts, FileResult, Outcome, ReportSummary};
