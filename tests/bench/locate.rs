//! Error localization: `cargo bench --bench locate`. The page runs it on every keystroke that
//! leaves a sum broken (it is part of every check), so each case below is one keystroke's work.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use xxgk_report::model::from_json;
use xxgk_report::rules::locate::localize;
use xxgk_report::rules::Checker;
use xxgk_report::{CellId, Report};

/// A real published report whose every sum holds (淮安市洪泽区, 2024): 95 requests.
fn seed() -> Report {
    from_json(include_str!("../fixtures/fixes/hongze-2024.json")).expect("the fixture reads")
}

/// The report with these cells changed by `by`.
fn with_wrong(cells: &[(&str, i64)]) -> Report {
    let mut report = seed();
    for &(id, by) in cells {
        let cell = CellId::known(id);
        let value = report.count(cell).unwrap() as i64 + by;
        report.set_cell_text(cell, &value.to_string());
    }
    report
}

fn bench_locate(c: &mut Criterion) {
    let cases: [(&str, Report); 6] = [
        ("localize: consistent tables", seed()),
        ("localize: one wrong cell (outcome total, 3 sums)", with_wrong(&[("s3.outcome_total.natural", 7)])),
        ("localize: two wrong cells (other rows and columns)", with_wrong(&[("s3.granted.natural", 3), ("s3.unable.not_held.business", 2)])),
        ("localize: two wrong cells in one column, cancelling (ambiguous)", with_wrong(&[("s3.granted.natural", 3), ("s3.unable.not_held.natural", -3)])),
        ("localize: three wrong cells", with_wrong(&[("s3.granted.natural", 3), ("s3.unable.not_held.business", 2), ("s3.new.research", 1)])),
        (
            "localize: four wrong cells (no set of three explains them)",
            with_wrong(&[("s3.granted.natural", 3), ("s3.unable.not_held.business", 2), ("s3.new.research", 1), ("s3.carried_out.legal", 4)]),
        ),
    ];
    for (name, report) in &cases {
        c.bench_function(name, |b| b.iter(|| localize(black_box(report))));
    }

    // A whole keystroke in a table with one wrong cell: the incremental check, localization,
    // suspects and fixes included (prose findings reused).
    let mut edited = with_wrong(&[("s3.outcome_total.natural", 7)]);
    let mut checker = Checker::new();
    checker.check(&edited);
    let cell = CellId::known("s3.granted.business");
    let mut n = 0u64;
    c.bench_function("incremental check after a cell edit, one wrong cell", |b| {
        b.iter(|| {
            n += 1;
            // 0 keeps the column as it was; 1 adds a second wrong cell.
            edited.set_cell_text(cell, if n.is_multiple_of(2) { "0" } else { "1" });
            checker.check(black_box(&edited)).len()
        })
    });
}

criterion_group!(benches, bench_locate);
criterion_main!(benches);
