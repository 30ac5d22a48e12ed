//! Checking a full report: `cargo bench --bench check`. The page checks on every keystroke,
//! so one full check should stay well under 20 µs.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use xxgk_report::model::from_json;
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
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
