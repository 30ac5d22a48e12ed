//! Importing the seed report from its .docx and its extracted text; PDFs: the published
//! 5-page WPS export of 洪泽区 and LibreOffice's PDF of the seed.

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
    let hongze = std::fs::read(format!("{}/tests/fixtures/real/hongze-2024/report.pdf", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let seed_pdf = fixture("lo-pdf/seed.pdf");
    c.bench_function("import hongze-2024 report.pdf (WPS, 5 pages)", |b| b.iter(|| import(std::hint::black_box(&hongze), "report.pdf").unwrap()));
    c.bench_function("import seed.pdf (LibreOffice, 4 pages)", |b| b.iter(|| import(std::hint::black_box(&seed_pdf), "seed.pdf").unwrap()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
