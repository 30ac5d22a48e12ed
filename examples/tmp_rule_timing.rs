use std::time::Instant;
use xxgk_report::model::from_json;
use xxgk_report::rules::{RULES, Finding};
fn main() {
    let report = from_json(include_str!("../tests/fixtures/seed.json")).unwrap();
    let _ = xxgk_report::check(&report);
    let text = &report.text.overview;
    let n = 2000;
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(std::hint::black_box(text).chars().filter(|c| c.is_alphanumeric()).count()); }
    println!("letters of overview ({} bytes): {:.2} µs", text.len(), t.elapsed().as_secs_f64() * 1e6 / n as f64);
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(std::hint::black_box(text).find("政务公开条例x")); }
    println!("str::find: {:.2} µs", t.elapsed().as_secs_f64() * 1e6 / n as f64);
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(xxgk_report::rules::text::counts(std::hint::black_box(text))); }
    println!("counts: {:.2} µs", t.elapsed().as_secs_f64() * 1e6 / n as f64);
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(xxgk_report::rules::text::Segments::sentences(std::hint::black_box(text))); }
    println!("sentences: {:.2} µs", t.elapsed().as_secs_f64() * 1e6 / n as f64);
    for rule in RULES {
        let ctx = xxgk_report::rules::Context::new(&report);
        let n = 2000;
        let t = Instant::now();
        for _ in 0..n { let mut out: Vec<Finding> = Vec::new(); (rule.check)(&ctx, &mut out); std::hint::black_box(out); }
        println!("{} {:.2} µs", rule.code, t.elapsed().as_secs_f64() * 1e6 / n as f64);
    }
}
#[allow(dead_code)]
fn calib() {}
