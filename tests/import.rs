//! Importing reports from text, .docx files written by real word processors, and hostile input.

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
    // 三 and 四 are mapped; the 2021-only rows of 其他处理 are left not filled, and said so.
    assert_eq!(cell(&report, "s3.new.natural"), CellValue::Count(4));
    assert_eq!(cell(&report, "s3.other.other.natural"), CellValue::Missing);
    assert_eq!(cell(&report, "s4.review.total"), CellValue::Count(0));
    assert!(source.unplaced.iter().any(|n| n.found.starts_with("（六）其他处理")));
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
    import(bytes, name).expect_err("should be refused").message
}

/// A zip archive with one stored entry, written by hand so the test controls every header field.
fn stored_zip(entries: &[(&str, &[u8])], encrypted: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let flags: u16 = if encrypted { 1 } else { 0 };
        let crc = crc32(data);
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(flags.to_le_bytes());
            h.extend(0u16.to_le_bytes()); // stored
            h.extend(0u32.to_le_bytes()); // time, date
            h.extend(crc.to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 10]); // comment length, disk, attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x04034b50, false));
        out.extend(*data);
        central.extend(header(0x02014b50, true));
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A deflated entry of `size` zero bytes whose headers claim it is only 100 bytes.
fn bomb_zip(size: usize) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..size / chunk.len() {
        encoder.write_all(&chunk).unwrap();
    }
    let deflated = encoder.finish().unwrap();
    let name = "word/document.xml";
    let mut out = Vec::new();
    let header = |sig: u32, central: bool| {
        let mut h = Vec::new();
        h.extend(sig.to_le_bytes());
        if central {
            h.extend(20u16.to_le_bytes());
        }
        h.extend(20u16.to_le_bytes());
        h.extend(0u16.to_le_bytes());
        h.extend(8u16.to_le_bytes()); // deflate
        h.extend(0u32.to_le_bytes());
        h.extend(0u32.to_le_bytes()); // CRC: never reached
        h.extend((deflated.len() as u32).to_le_bytes());
        h.extend(100u32.to_le_bytes()); // a lie
        h.extend((name.len() as u16).to_le_bytes());
        h.extend(0u16.to_le_bytes());
        if central {
            h.extend([0u8; 10]);
            h.extend(0u32.to_le_bytes());
        }
        h.extend(name.as_bytes());
        h
    };
    out.extend(header(0x04034b50, false));
    out.extend(&deflated);
    let start = out.len() as u32;
    let central = header(0x02014b50, true);
    out.extend(&central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend(1u16.to_le_bytes());
    out.extend(1u16.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[test]
fn hostile_containers_get_a_clear_chinese_message() {
    assert!(error(b"", "a.docx").contains("空的"));
    assert!(error(b"PK\x03\x04 not really a zip", "a.docx").contains("已损坏或不完整"));
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend([0u8; 512]);
    assert!(error(&doc, "report.docx").contains("Word 97-2003"));
    let mut encrypted = doc.clone();
    encrypted.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(error(&encrypted, "report.docx").contains("打开密码"));
    assert!(error(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "report.docx").contains("PDF"));
    assert!(error(b"{\\rtf1\\ansi", "report.doc").contains("RTF"));
    assert!(error(&[0x89, b'P', b'N', b'G', 0, 0, 0xFF], "report.docx").contains("扩展名为 .docx"));
    let zipped = stored_zip(&[("word/document.xml", b"<w:document/>")], true);
    assert!(error(&zipped, "a.docx").contains("打开密码"), "{}", error(&zipped, "a.docx"));
    let xlsx = stored_zip(&[("xl/workbook.xml", b"<workbook/>")], false);
    assert!(error(&xlsx, "a.docx").contains("Excel"));
    let names: Vec<String> = (0..2_500).map(|i| format!("f{i}")).collect();
    let many: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    assert!(error(&stored_zip(&many, false), "a.docx").contains("2500 个压缩条目"));
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    let message = error(&bomb_zip(66 << 20), "bomb.docx");
    assert!(message.contains("64 MB") && message.contains("压缩炸弹"), "{message}");
}

#[test]
fn deeply_nested_and_broken_xml() {
    let deep = format!("<w:document>{}{}</w:document>", "<w:p>".repeat(10_000), "</w:p>".repeat(10_000));
    let zip = stored_zip(&[("word/document.xml", deep.as_bytes())], false);
    assert!(error(&zip, "deep.docx").contains("嵌套超过"));
    let zip = stored_zip(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")], false);
    assert!(error(&zip, "broken.docx").contains("XML 格式错误"));
    let zip = stored_zip(&[("word/document.xml", b"<w:document><w:body><w:p><w:r><w:t>\xC4\xEA</w:t></w:r></w:p></w:body></w:document>")], false);
    assert!(error(&zip, "gbk.docx").contains("UTF-8"));
}

#[test]
fn hostile_text_files() {
    let message = error(&[b'a', b'b', 0xC4, 0xEA, 0xB6, 0xC8], "report.txt");
    assert!(message.contains("第 3 个字节（0xC4）") && message.contains("GBK"), "{message}");
    let big = vec![b'a'; 21 << 20];
    assert!(error(&big, "big.txt").contains("20 MB"));
    assert!(error("随便写的一段话。".as_bytes(), "note.txt").contains("没有找到年度报告的内容"));
    assert!(error(b"{\"format\": 1}", "x.json").starts_with("JSON 文件有误"));
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
