//! Importing the seed report from every format (criterion), a real portal page and a real
//! published PDF (洪泽区, 5 pages exported by WPS).

use criterion::{criterion_group, criterion_main, Criterion};
use xxgk_report::import::import;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn bench(c: &mut Criterion) {
    let gbk = encoding_rs::GBK.encode(std::str::from_utf8(&fixture("import/seed.txt")).unwrap()).0.into_owned();
    let inputs = [
        ("seed.docx", fixture("import/seed.docx")),
        ("seed.doc (LibreOffice)", fixture("import/lo-doc/seed.doc")),
        ("seed.html (LibreOffice)", fixture("import/lo-html/seed.html")),
        ("seed.txt", fixture("import/seed.txt")),
        ("seed.txt in GBK", gbk),
        ("shuyang portal page (111 KB)", fixture("real/shuyang-fgj-2023/report.html")),
        ("hongze pdftotext -layout", fixture("real/hongze-2024/pdftotext-layout.txt")),
        ("seed.pdf (LibreOffice, 4 pages)", fixture("import/lo-pdf/seed.pdf")),
        ("hongze report.pdf (WPS, 5 pages)", fixture("real/hongze-2024/report.pdf")),
    ];
    for (name, bytes) in &inputs {
        c.bench_function(&format!("import {name}"), |b| b.iter(|| import(std::hint::black_box(bytes), name).unwrap()));
    }
    let docx = &inputs[0].1;
    c.bench_function("import + check seed.docx", |b| {
        b.iter(|| xxgk_report::check(&import(std::hint::black_box(docx), "seed.docx").unwrap()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
