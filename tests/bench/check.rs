//! Checking a report: `cargo bench --bench check`.
//!
//! Two kinds of figure. *From scratch*: `xxgk_report::check`, every rule on a report it has
//! never seen (no state survives between calls). *Keystroke*: what the page pays per edit —
//! one change to the report, then `rules::Checker::check` on the same checker, which re-reads
//! only what changed (the prose rules' findings and each prose field's analysis are kept until
//! that field changes). Each keystroke bench alternates between two values, so every iteration
//! is a real change; the findings are handed back as a slice, as the page's session reads them.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use xxgk_report::model::{from_json, CellValue, TextField};
use xxgk_report::rules::Checker;
use xxgk_report::{CellId, Report};

fn seed() -> Report {
    from_json(include_str!("../fixtures/seed.json")).expect("the seed fixture reads")
}

/// The seed with a typical crop of mistakes: an unbalanced column, a wrong row total, a
/// placeholder, and text that contradicts the table.
fn faulty_report() -> Report {
    let mut report = seed();
    for (id, raw) in [("s3.new.business", "3"), ("s3.new.natural", "2"), ("s3.carried_out.total", "/"), ("s2.regulation.in_force", "6")] {
        report.set_cell_text(CellId::known(id), raw);
    }
    report
}

/// The page's empty form: nothing filled in, the official headings.
fn empty_form() -> Report {
    let mut report = Report::empty();
    report.headings = Some(Report::official_headings());
    report
}

fn from_scratch(c: &mut Criterion) {
    let report = seed();
    c.bench_function("from scratch: seed, every rule", |b| b.iter(|| xxgk_report::check(black_box(&report))));
    let faulty = faulty_report();
    c.bench_function("from scratch: seed with 4 mistakes, every rule", |b| {
        b.iter(|| xxgk_report::check(black_box(&faulty)))
    });
}

/// One keystroke in a cell: `cell` alternates between two values, then the checker runs.
fn keystroke_in_cell(c: &mut Criterion, name: &str, mut report: Report, cell: &str, values: [u64; 2]) {
    let cell = CellId::known(cell);
    let mut checker = Checker::new();
    checker.check(&report);
    let mut n = 0usize;
    c.bench_function(name, |b| {
        b.iter(|| {
            n += 1;
            report.set_cell(cell, CellValue::Count(values[n % 2]));
            checker.check(black_box(&report)).len()
        })
    });
}

fn keystrokes(c: &mut Criterion) {
    keystroke_in_cell(c, "keystroke: a table cell of the seed", seed(), "s3.new.natural", [0, 1]);
    // The first cell typed into the empty form: every other cell of 三 is reported (V002).
    let mut empty = empty_form();
    let findings = xxgk_report::check(&{
        empty.set_cell(CellId::known("s3.new.natural"), CellValue::Count(1));
        empty.clone()
    });
    let v002 = findings.iter().filter(|f| f.code == "V002").count();
    assert!((170..=180).contains(&v002), "the empty-form scenario has {v002} V002 findings");
    keystroke_in_cell(c, "keystroke: first cell of the empty form (174 V002)", empty, "s3.new.natural", [1, 2]);

    // Typing at the end of 一、总体情况 of the seed: each iteration adds one character (every 64th
    // removes the 63 typed before it), so every check sees prose it has not seen before. The
    // prose rules run again; the other three prose fields keep their analysis.
    let mut report = seed();
    let original = report.text.overview.len();
    let mut checker = Checker::new();
    checker.check(&report);
    let mut typed = 0usize;
    c.bench_function("keystroke: typing in the prose of the seed", |b| {
        b.iter(|| {
            let overview = report.text.get_mut(TextField::Overview);
            if typed == 63 {
                overview.truncate(original);
                typed = 0;
            } else {
                overview.push(['政', '务'][typed % 2]);
                typed += 1;
            }
            checker.check(black_box(&report)).len()
        })
    });
}

criterion_group!(benches, from_scratch, keystrokes);
criterion_main!(benches);
