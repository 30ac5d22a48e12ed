//! Exporting the seed report: `cargo bench --bench export`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use xxgk_report::export::{docx, html};
use xxgk_report::model::from_json;

fn bench_export(c: &mut Criterion) {
    let report = from_json(include_str!("../fixtures/seed.json")).expect("the seed fixture reads");
    c.bench_function("export seed report to .docx", |b| {
        b.iter(|| docx::to_docx(black_box(&report)))
    });
    c.bench_function("export seed report to HTML fragment", |b| {
        b.iter(|| html::html_fragment(black_box(&report)))
    });
    c.bench_function("export seed report to HTML page", |b| {
        b.iter(|| html::html_page(black_box(&report)))
    });
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
