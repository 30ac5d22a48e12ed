//! Importing reports from text, .docx files written by real word processors, and hostile input.

mod hostile;

use xxgk_report::import::{import, import_with_summary};
use xxgk_report::model::{from_json, to_json, CellValue, Report, TableEdition};
use xxgk_report::CellId;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed_json() -> Report {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/seed.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    from_json(&text).unwrap()
}

/// The report without what the source cannot say (the region) or what only an import records.
fn comparable(mut report: Report) -> Report {
    report.agency.region.clear();
    report.source = None;
    report
}

fn assert_same(imported: &Report, expected: &Report) {
    let (a, b) = (comparable(imported.clone()), comparable(expected.clone()));
    if a != b {
        let (ja, jb) = (to_json(&a), to_json(&b));
        for (la, lb) in ja.lines().zip(jb.lines()) {
            assert_eq!(la, lb, "first difference");
        }
        assert_eq!(ja, jb);
    }
}

#[test]
fn the_seed_text_imports_to_the_seed_json() {
    let (report, summary) = import_with_summary(&fixture("seed.txt"), "000_257022e1325317d4.txt").unwrap();
    assert_same(&report, &seed_json());
    let source = report.source.as_ref().unwrap();
    assert_eq!(source.tables, TableEdition::Y2021);
    assert!(source.unplaced.is_empty(), "{:?}", source.unplaced);
    assert!(source.edited_labels.is_empty(), "{:?}", source.edited_labels);
    assert_eq!((summary.cells_filled, summary.cells_not_found), (200, 0));
    assert_eq!(summary.headings.len(), 6);
    let recognised: Vec<String> = summary.tables.iter().flat_map(|t| t.recognised_as.clone()).collect();
    assert_eq!(recognised, ["二", "三", "四"]);
}

#[test]
fn the_seed_docx_written_by_libreoffice_imports_to_the_seed_json() {
    let (report, summary) = import_with_summary(&fixture("seed.docx"), "seed.docx").unwrap();
    assert_same(&report, &seed_json());
    assert!(report.source.as_ref().unwrap().unplaced.is_empty());
    assert_eq!(summary.cells_filled, 200);
}

#[test]
fn the_summary_says_where_the_tables_were_read() {
    let (_, docx) = import_with_summary(&fixture("seed.docx"), "seed.docx").unwrap();
    assert!(docx.message.ends_with("从Word 文档（.docx）的第 1–3 个表格读到 3 个统计表。"), "{}", docx.message);
    let (_, text) = import_with_summary(&fixture("seed.txt"), "seed.txt").unwrap();
    assert!(text.message.contains("从文本文件第 ") && text.message.ends_with("行读到 3 个统计表。"), "{}", text.message);
}

#[test]
fn a_json_import_says_what_it_read_without_counting_tables() {
    let json = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.json")).unwrap();
    let (_, summary) = import_with_summary(&json, "seed.json").unwrap();
    assert_eq!(summary.message, "已从JSON 文件导入：200 个单元格中 200 个已填写数字。");
    assert!(!summary.message.contains("个表格"));
}

fn cell(report: &Report, id: &str) -> CellValue {
    report.cell(CellId::known(id)).clone()
}

fn codes(report: &Report) -> Vec<&'static str> {
    xxgk_report::check(report).iter().map(|f| f.code).collect()
}

#[test]
fn variants_map_by_label_and_say_what_they_could_not_place() {
    let (report, summary) = import_with_summary(&fixture("variants.docx"), "variants.docx").unwrap();
    assert_eq!(report.agency.name, "通榆县边昭镇人民政府");
    assert_eq!(report.headings.as_ref().unwrap()[3], "第四部分 政府信息公开行政复议、行政诉讼情况");
    // Placeholders are not 0; full-width digits, units and separators are numbers.
    assert_eq!(cell(&report, "s2.regulation.issued"), CellValue::Blank("/".into()));
    assert_eq!(cell(&report, "s2.license.decisions"), CellValue::Blank("无".into()));
    assert_eq!(cell(&report, "s2.penalty.decisions"), CellValue::Missing);
    assert_eq!(cell(&report, "s2.coercion.decisions"), CellValue::Invalid("见附件".into()));
    assert_eq!(cell(&report, "s2.normative.issued"), CellValue::Count(12));
    assert_eq!(cell(&report, "s2.normative.in_force"), CellValue::Count(1234));
    // 自/然/人 split over lines, rows swapped, a spacer row, the table broken in two.
    assert_eq!(cell(&report, "s3.new.natural"), CellValue::Count(5));
    assert_eq!(cell(&report, "s3.unable.not_held.total"), CellValue::Count(2));
    assert_eq!(cell(&report, "s3.carried_out.total"), CellValue::Count(0));
    // The first copy of table 四 is kept, the second reported.
    assert_eq!(cell(&report, "s4.review.upheld"), CellValue::Count(1));
    let source = report.source.as_ref().unwrap();
    assert_eq!(source.edited_labels.len(), 1);
    assert_eq!((source.edited_labels[0].found.as_str(), source.edited_labels[0].expected.as_str()), ("本年(2023)制发件数", "本年制发件数"));
    let found: Vec<&str> = source.unplaced.iter().map(|n| n.found.as_str()).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].starts_with("9.其他原因") && source.unplaced[0].location.contains("三、收到和处理政府信息公开申请情况"));
    assert!(source.unplaced[1].expected.contains("已在前面的表格中出现"));
    assert!(found[2].contains("联系人"));
    assert_eq!(summary.unplaced.len(), 3);
    let codes = codes(&report);
    for code in ["I001", "S004", "S005", "V001", "V002"] {
        assert!(codes.contains(&code), "{code} missing in {codes:?}");
    }
    assert!(!codes.contains(&"S003"));
}

#[test]
fn a_2023_report_on_the_2019_tables() {
    let report = import(&fixture("y2019.docx"), "y2019.docx").unwrap();
    let source = report.source.as_ref().unwrap();
    assert_eq!(source.tables, TableEdition::Y2019);
    assert_eq!(report.year, Some(2023));
    assert_eq!(report.agency.level, Some(xxgk_report::model::Level::Department));
    // Section 二 of 2019 is never mapped onto the 2021 cells.
    for (id, _) in report.cells().filter(|(id, _)| id.as_str().starts_with("s2.")) {
        assert_eq!(report.cell(id), &CellValue::Missing, "{id}");
    }
    // 三 and 四 are mapped. The single row 「（六）其他处理」 holds only 0s, which forces the three
    // 2021 rows to 0 (counts are not negative): they are filled so, and the summary says so.
    assert_eq!(cell(&report, "s3.new.natural"), CellValue::Count(4));
    assert_eq!(cell(&report, "s3.other.other.natural"), CellValue::Count(0));
    assert_eq!(cell(&report, "s3.other.unpaid_fee.total"), CellValue::Count(0));
    assert_eq!(cell(&report, "s4.review.total"), CellValue::Count(0));
    assert!(!source.unplaced.iter().any(|n| n.found.starts_with("（六）其他处理")));
    let (_, summary) = import_with_summary(&fixture("y2019.docx"), "y2019.docx").unwrap();
    assert!(summary.message.contains("已按 0 填入"), "{}", summary.message);
    let codes = codes(&report);
    assert!(codes.contains(&"S003") && codes.contains(&"I001"), "{codes:?}");
    let mut older = report.clone();
    older.year = Some(2020);
    assert!(!self::codes(&older).contains(&"S003"));
}

#[test]
fn tracked_changes_are_read_as_accepted() {
    for name in ["tracked-python-docx.docx", "tracked-libreoffice.docx"] {
        let report = import(&fixture(name), name).unwrap();
        let overview = &report.text.overview;
        assert!(overview.starts_with("全年主动公开信息35条，详见第"), "{name}: {overview}");
        assert!(!overview.contains("30") && !overview.contains("PAGE") && !overview.contains("MERGEFORMAT"), "{name}: {overview}");
    }
    // Word's deleted row (w:trPr/w:del) is dropped, so its 9s never count; in the changed cell
    // the inserted 2 replaces the deleted 0. (LibreOffice, on re-saving, drops the row deletion
    // itself and keeps the row: that copy is not used for this check.)
    let report = import(&fixture("tracked-python-docx.docx"), "t.docx").unwrap();
    assert_eq!(cell(&report, "s4.review.upheld"), CellValue::Count(2));
    assert_eq!(cell(&report, "s4.review.total"), CellValue::Count(2));
    assert!(report.source.as_ref().unwrap().unplaced.is_empty());
}

// ---- Hostile input -------------------------------------------------------------------------

fn error(bytes: &[u8], name: &str) -> String {
    match import(bytes, name) {
        Ok(_) => panic!("{name}: should be refused, was read"),
        Err(e) => e.message,
    }
}

#[test]
fn every_hostile_input_gets_a_clear_chinese_message() {
    for case in hostile::cases() {
        let message = error(&case.bytes, case.file_name);
        assert!(message.contains(case.message), "{}: «{message}» should say «{}»", case.what, case.message);
    }
}

#[test]
fn a_zip_bomb_names_the_limit() {
    let bomb = hostile::cases().into_iter().find(|c| c.what.starts_with("zip bomb")).unwrap();
    let message = error(&bomb.bytes, bomb.file_name);
    assert!(message.contains("64 MB"), "{message}");
}

#[test]
fn the_format_is_told_by_content_not_by_name() {
    let json = to_json(&seed_json());
    assert_eq!(import(json.as_bytes(), "report.txt").unwrap().year, Some(2024));
    assert_eq!(import(&fixture("seed.docx"), "report.json").unwrap().year, Some(2024));
    assert_eq!(import(&fixture("seed.txt"), "report.docx").unwrap().year, Some(2024));
}

/// Writes the official table layouts for the fixture generator (tests/fixtures/import/gen).
#[test]
#[ignore = "generator input: cargo test --test import -- --ignored dump_layouts"]
fn dump_layouts() {
    let path = format!("{}/tests/fixtures/import/gen/layouts.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::write(path, serde_json::to_string_pretty(xxgk_report::model::layouts()).unwrap()).unwrap();
}

#[test]
fn every_imported_cell_keeps_where_it_was_read() {
    use xxgk_report::model::SourcePos;
    let docx = import(&fixture("seed.docx"), "seed.docx").unwrap();
    let cells = &docx.source.as_ref().unwrap().cells;
    assert_eq!(cells.len(), 200);
    // 表二 is the first table; 表三's row 一 is the fourth row of the second (three header rows),
    // its label merged over two columns counting once.
    assert_eq!(cells.get(CellId::known("s2.regulation.issued")).unwrap(), SourcePos::Cell { table: 1, row: 3, column: 2 });
    assert_eq!(cells.get(CellId::known("s3.new.natural")).unwrap(), SourcePos::Cell { table: 2, row: 4, column: 2 });
    // In text, the line of each cell: a tab line holding the value, in table order.
    let text = import(&fixture("seed.txt"), "seed.txt").unwrap();
    let seed_text = String::from_utf8(fixture("seed.txt")).unwrap();
    let lines: Vec<&str> = seed_text.lines().collect();
    let line_of = |id: &str| match text.source.as_ref().unwrap().cells.get(CellId::known(id)).unwrap() {
        SourcePos::Line { line } => line as usize,
        other => panic!("{id}: {other:?}"),
    };
    for id in ["s3.new.natural", "s3.new.business", "s3.carried_in.natural", "s4.review.upheld"] {
        assert_eq!(lines[line_of(id) - 1], "\t0", "{id}");
    }
    assert!(line_of("s3.new.natural") < line_of("s3.new.business") && line_of("s3.new.total") < line_of("s3.carried_in.natural"));
    // The positions travel with the JSON document.
    let json = to_json(&docx);
    assert!(json.contains(r#""s3.new.natural": {"#), "{json}");
    assert_eq!(from_json(&json).unwrap(), docx);
}

#[test]
fn spaces_between_numbers_and_dates_are_no_period_error() {
    let mut report = seed_json();
    let spaced = report.text.preamble.replace("2024年1月1日", "2024 年 1 月 1 日").replace("2024年12月31日", "2024 年 12 月 31 日");
    assert_ne!(spaced, report.text.preamble, "the seed states its period");
    report.text.preamble = spaced;
    assert!(!codes(&report).contains(&"T001"), "{:?}", codes(&report));
    report.text.preamble = report.text.preamble.replace("2024 年 1 月", "2023 年 1 月");
    assert!(codes(&report).contains(&"T001"), "a wrong period is still found");
}

// ---- LibreOffice's exports of the fixtures: .doc and HTML ------------------------------------

/// tests/fixtures/import/gen/make_exports.sh wrote lo-doc/ and lo-html/ from the .docx fixtures.
#[test]
fn libreoffice_doc_and_html_exports_import_as_their_docx() {
    for name in ["seed", "variants", "y2019"] {
        let docx = import(&fixture(&format!("{name}.docx")), "a.docx").unwrap();
        for export in [format!("lo-doc/{name}.doc"), format!("lo-html/{name}.html")] {
            let (report, summary) = import_with_summary(&fixture(&export), &export).unwrap();
            assert_same(&report, &docx);
            let (ours, theirs) = (report.source.clone().unwrap(), docx.source.clone().unwrap());
            assert_eq!(ours.tables, theirs.tables, "{export}");
            assert_eq!(ours.edited_labels.iter().map(|n| &n.found).collect::<Vec<_>>(), theirs.edited_labels.iter().map(|n| &n.found).collect::<Vec<_>>());
            assert_eq!(ours.unplaced.iter().map(|n| &n.found).collect::<Vec<_>>(), theirs.unplaced.iter().map(|n| &n.found).collect::<Vec<_>>());
            assert_eq!(codes(&report), codes(&docx), "{export}");
            if name == "variants" {
                // LibreOffice joins the two halves of the broken 表三 (and the two copies of 表四)
                // into one table on export: the same cells, at other places.
                assert_eq!(ours.cells.iter().map(|(id, _)| id).collect::<Vec<_>>(), theirs.cells.iter().map(|(id, _)| id).collect::<Vec<_>>());
            } else {
                assert_eq!(to_json(&report), to_json(&docx), "{export}: the same document, positions included");
            }
            assert!(summary.message.contains(if export.ends_with(".doc") { "Word 97-2003" } else { "网页" }), "{}", summary.message);
        }
    }
}

#[test]
fn a_wps_file_in_word_format_reads_and_another_is_told_how_to_save() {
    let (report, summary) = import_with_summary(&fixture("lo-doc/seed.doc"), "报告.wps").unwrap();
    assert_same(&report, &seed_json());
    assert_eq!(summary.format_label, "WPS 文字文档（.wps）");
    // An OLE2 file without Word's text stream (old WPS, Microsoft Works).
    let mut works = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    std::io::Write::write_all(&mut works.create_stream("/CONTENTS").unwrap(), b"works").unwrap();
    let bytes = works.into_inner().into_inner();
    let message = import(&bytes, "报告.wps").unwrap_err().message;
    assert!(message.contains("另存为") && message.contains("docx"), "{message}");
}

#[test]
fn a_gbk_text_file_imports_like_its_utf8_original() {
    let utf8 = String::from_utf8(fixture("seed.txt")).unwrap();
    let gbk: Vec<u8> = encoding_rs::GBK.encode(&utf8).0.into_owned();
    assert!(std::str::from_utf8(&gbk).is_err());
    assert_same(&import(&gbk, "seed.txt").unwrap(), &seed_json());
}

/// A compound file whose header claims 2^31 FAT, DIFAT or mini-FAT sectors: `cfb` reads what
/// the file holds and ignores the count, so the report is read, or refused, but never worked on
/// for long.
#[test]
fn a_doc_claiming_huge_sector_counts_is_read_as_it_is() {
    for field in [0x2C, 0x48, 0x40] {
        match import(&hostile::doc_with_header_field(field, 0x7FFF_FFFF), "huge.doc") {
            Ok(report) => assert_same(&report, &seed_json()),
            Err(e) => assert!(e.message.contains("已损坏"), "{}", e.message),
        }
    }
}
