//! The batch: copied-text search over 10,000 reports, and what the cross-year rules add to a
//! check. `cargo bench --bench batch -- --warm-up-time 1 --measurement-time 3`

use criterion::{criterion_group, criterion_main, Criterion};
use xxgk_report::batch::copies::{CopyIndex, Fingerprint};
use xxgk_report::model::from_json;
use xxgk_report::rules::check_against_previous;
use xxgk_report::{check, check_with_previous, Report};

/// A township-sized report (overview ≈ 1,300 letters, problems ≈ 400) of its own prose, with
/// a template paragraph every report shares; every 500th report carries one copied passage.
fn reports(n: usize) -> Vec<Report> {
    let seed = from_json(include_str!("../fixtures/seed.json")).unwrap();
    let planted: String = seed.text.overview.chars().skip(40).take(320).collect();
    let template = "坚持以人民为中心的发展思想，严格落实政府信息公开工作要求，进一步健全完善政府信息公开工作机制，不断提升政务公开质量和实效。";
    (0..n)
        .map(|i| {
            let mut report = Report::empty();
            report.year = Some(2024);
            report.agency.name = format!("某省某市第{i}号机关");
            let mut x = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
            let mut prose = |sentences: usize| {
                let mut text = String::new();
                for _ in 0..sentences {
                    for _ in 0..30 {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        text.push(char::from_u32(0x4e00 + (x % 3000) as u32).unwrap());
                    }
                    text.push('。');
                }
                text
            };
            report.text.overview = format!("{template}\n{}", prose(42));
            if i % 500 == 7 {
                report.text.overview.push_str(&planted);
            }
            report.text.problems = prose(13);
            report.text.other = prose(3);
            report
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let batch = reports(10_000);
    let mut group = c.benchmark_group("copied text");
    group.sample_size(10);
    group.bench_function("fingerprint 10,000 reports", |b| b.iter(|| batch.iter().map(Fingerprint::of).count()));
    let fingerprints: Vec<Fingerprint> = batch.iter().map(Fingerprint::of).collect();
    group.bench_function("index and compare 10,000 fingerprinted reports", |b| {
        b.iter(|| {
            let mut index = CopyIndex::new();
            for (r, f) in batch.iter().zip(&fingerprints) {
                index.add(&r.agency.name, f.clone());
            }
            index.find().len()
        })
    });
    group.finish();

    let this = from_json(include_str!("../fixtures/batch/hongze-2024.json")).unwrap();
    let mut last = from_json(include_str!("../fixtures/batch/shuyang-fgj-2023.json")).unwrap();
    last.year = Some(2023);
    c.bench_function("check hongze 2024 without last year", |b| b.iter(|| check(std::hint::black_box(&this))));
    c.bench_function("check hongze 2024 with last year (all rules)", |b| {
        b.iter(|| check_with_previous(std::hint::black_box(&this), Some(&last)))
    });
    c.bench_function("Y001-Y003 alone, different prose", |b| b.iter(|| check_against_previous(std::hint::black_box(&this), &last)));
    let copy = this.clone();
    c.bench_function("Y001-Y003 alone, last year's prose the same", |b| {
        b.iter(|| check_against_previous(std::hint::black_box(&this), &copy))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
