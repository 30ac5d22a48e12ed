//! Importing the seed report from its .docx and its extracted text.

use criterion::{criterion_group, criterion_main, Criterion};
use xxgk_report::import::import;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn bench(c: &mut Criterion) {
    let docx = fixture("seed.docx");
    let text = fixture("seed.txt");
    c.bench_function("import seed.docx", |b| b.iter(|| import(std::hint::black_box(&docx), "seed.docx").unwrap()));
    c.bench_function("import seed.txt", |b| b.iter(|| import(std::hint::black_box(&text), "seed.txt").unwrap()));
    c.bench_function("import + check seed.docx", |b| {
        b.iter(|| xxgk_report::check(&import(std::hint::black_box(&docx), "seed.docx").unwrap()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
