//! Checking a full report: `cargo bench --bench check`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use xxgk_report::model::from_json;

fn full_report() -> xxgk_report::Report {
    from_json(include_str!("../fixtures/seed.json")).expect("the seed fixture reads")
}

fn bench_check(c: &mut Criterion) {
    let report = full_report();
    c.bench_function("check seed report (tables and prose)", |b| b.iter(|| xxgk_report::check(black_box(&report))));
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
