//! Text copied between agencies in a batch: a passage planted in two agencies' reports among
//! many clean ones is found with both files; the boilerplate every report shares is not.

use xxgk_report::batch::copies::{describe, CopyIndex, Fingerprint};
use xxgk_report::model::{from_json, TextField};
use xxgk_report::Report;

/// Deterministic "honest" prose: sentences of ideographs drawn by a small PRNG, different for
/// every report (no two reports share a phrase by chance).
fn prose(seed: u64, sentences: usize) -> String {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
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
}

/// The preamble and template sentences every agency of a province writes the same way.
const BOILERPLATE: &str = "坚持以人民为中心的发展思想，严格落实政府信息公开工作要求，进一步健全完善政府信息公开工作机制，\
    不断提升政务公开质量和实效，切实保障人民群众的知情权、参与权、表达权和监督权，为建设人民满意的服务型政府提供有力支撑。";

/// A real passage (from the seed township report) that an agency in another province copied.
fn planted() -> String {
    let seed = from_json(include_str!("fixtures/seed.json")).unwrap();
    let overview = seed.text.overview;
    overview.chars().skip(40).take(320).collect()
}

fn report(n: u64, planted_text: Option<&str>) -> Report {
    let mut report = Report::empty();
    report.year = Some(2024);
    report.agency.name = format!("某市第{n}区人民政府");
    let mut overview = format!("{BOILERPLATE}\n{}", prose(n, 12));
    if let Some(text) = planted_text {
        overview.push('\n');
        overview.push_str(text);
    }
    report.text.overview = overview;
    report.text.problems = format!("{}\n{BOILERPLATE}", prose(n + 10_000, 6));
    report.text.other = "按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，本年度未收取信息处理费。".into();
    report
}

#[test]
fn a_planted_passage_is_found_with_both_files_and_the_boilerplate_is_not() {
    let planted = planted();
    let reports: Vec<Report> = (0..200).map(|n| report(n, [17, 131].contains(&n).then_some(planted.as_str()))).collect();
    let mut index = CopyIndex::new();
    for r in &reports {
        index.add(&r.agency.name, Fingerprint::of(r));
    }
    let matches = index.find();
    assert_eq!(matches.len(), 1, "{matches:#?}");
    let m = &matches[0];
    assert_eq!((m.a, m.b, m.field_a, m.field_b), (17, 131, TextField::Overview, TextField::Overview));
    let copy = describe(m, ("17.docx", &reports[17]), ("131.docx", &reports[131]));
    assert_eq!((copy.a.file.as_str(), copy.b.file.as_str()), ("17.docx", "131.docx"));
    assert_eq!(copy.a.agency, "某市第17区人民政府");
    assert!(copy.letters >= 250, "{copy:#?}");
    assert!(planted.contains(&copy.passage[..copy.passage.len().min(60)]), "{copy:#?}");
    assert!(copy.a.share > 0.3 && copy.a.share < 0.7, "{copy:#?}");
}

#[test]
fn reports_of_one_agency_are_not_compared_with_each_other() {
    let planted = planted();
    let mut index = CopyIndex::new();
    let mut a = report(1, Some(&planted));
    a.year = Some(2023);
    let b = report(1, Some(&planted));
    for r in [&a, &b, &report(2, None), &report(3, None)] {
        index.add(&r.agency.name, Fingerprint::of(r));
    }
    // The template sentence is in all three agencies' reports: boilerplate, even in so small a batch.
    assert!(index.find().is_empty(), "{:#?}", index.find());
}

#[test]
fn a_passage_shared_by_a_large_share_of_the_batch_is_boilerplate() {
    let planted = planted();
    // A province-wide template paragraph in 30 of 100 reports: more than a twentieth.
    let reports: Vec<Report> = (0..100).map(|n| report(n, (n % 3 == 0 && n < 90).then_some(planted.as_str()))).collect();
    let mut index = CopyIndex::new();
    for r in &reports {
        index.add(&r.agency.name, Fingerprint::of(r));
    }
    assert!(index.find().is_empty());
}
