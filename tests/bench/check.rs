//! Checking a full report: `cargo bench --bench check`. The page checks on every keystroke:
//! a keystroke in a table re-runs the table rules and reuses the prose findings (`Checker`).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use xxgk_report::model::{from_json, CellValue};
use xxgk_report::rules::Checker;
use xxgk_report::CellId;

fn full_report() -> xxgk_report::Report {
    from_json(include_str!("../fixtures/seed.json")).expect("the seed fixture reads")
}

/// The seed with a typical crop of mistakes: an unbalanced column, a wrong row total, a
/// placeholder, and text that contradicts the table.
fn faulty_report() -> xxgk_report::Report {
    let mut report = full_report();
    for (id, raw) in [("s3.new.business", "3"), ("s3.new.natural", "2"), ("s3.carried_out.total", "/"), ("s2.regulation.in_force", "6")] {
        report.set_cell_text(CellId::known(id), raw);
    }
    report
}

fn bench_check(c: &mut Criterion) {
    let report = full_report();
    c.bench_function("check seed report (tables and prose)", |b| b.iter(|| xxgk_report::check(black_box(&report))));
    let faulty = faulty_report();
    c.bench_function("check report with findings", |b| b.iter(|| xxgk_report::check(black_box(&faulty))));

    // What one keystroke in a table costs the page: one cell changes, the prose does not.
    let mut edited = full_report();
    let mut checker = Checker::new();
    checker.check(&edited);
    let cell = CellId::known("s3.new.natural");
    let mut n = 0u64;
    c.bench_function("incremental check after a cell edit", |b| {
        b.iter(|| {
            n += 1;
            edited.set_cell(cell, CellValue::Count(n % 3));
            checker.check(black_box(&edited))
        })
    });
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
