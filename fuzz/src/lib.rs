//! Shared code of the fuzz targets: the invariants every target asserts, and reports built
//! from arbitrary data. Both files are also compiled into tests/fuzz_regressions.rs.

mod arbitrary_report;
mod invariants;

pub use arbitrary_report::ArbitraryReport;
pub use invariants::*;
