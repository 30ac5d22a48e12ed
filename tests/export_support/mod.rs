//! Reports and helpers shared by the export tests.
#![allow(dead_code)]

use xxgk_report::model::{from_json, CellId, CellKind, Report};

pub fn seed() -> Report {
    from_json(include_str!("../fixtures/seed.json")).expect("the seed fixture reads")
}

/// The seed with every cell holding a different value (100, 101, … in table order), the fee
/// an amount with decimals, and two cells left unfilled.
pub fn numbered_report() -> Report {
    let mut report = seed();
    for (i, id) in CellId::all().enumerate() {
        match id.kind() {
            CellKind::Count => report.set_cell_text(id, &(100 + i).to_string()),
            CellKind::Amount => report.set_cell_text(id, "24252.311082"),
        }
    }
    report.set_cell_text(CellId::known("s3.denied.query.legal"), "");
    report.set_cell_text(CellId::known("s4.suit_after_review.pending"), "");
    report
}
