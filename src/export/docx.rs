//! The report as a Word document (.docx) in the layout that GB/T 9704-2012 asks of a 公文.
//!
//! The static parts of the package (styles, settings, fonts, page-number footers) are kept in
//! `docx/template/`; only `word/document.xml` and `docProps/core.xml` are written per report.
//! Opens in Word, WPS and LibreOffice; the fonts are named explicitly (no theme fonts).

mod document;
mod page;
mod table;
mod xml;

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::ExportError;
use crate::model::Report;

/// The parts of the package that are the same for every report, in the order they are stored.
const TEMPLATE: [(&str, &str); 9] = [
    (
        "[Content_Types].xml",
        include_str!("docx/template/[Content_Types].xml"),
    ),
    ("_rels/.rels", include_str!("docx/template/_rels/.rels")),
    (
        "docProps/app.xml",
        include_str!("docx/template/docProps/app.xml"),
    ),
    (
        "word/_rels/document.xml.rels",
        include_str!("docx/template/word/_rels/document.xml.rels"),
    ),
    (
        "word/styles.xml",
        include_str!("docx/template/word/styles.xml"),
    ),
    (
        "word/settings.xml",
        include_str!("docx/template/word/settings.xml"),
    ),
    (
        "word/fontTable.xml",
        include_str!("docx/template/word/fontTable.xml"),
    ),
    (
        "word/footer1.xml",
        include_str!("docx/template/word/footer1.xml"),
    ),
    (
        "word/footer2.xml",
        include_str!("docx/template/word/footer2.xml"),
    ),
];

/// The file name to offer for the Word document.
pub fn file_name(report: &Report) -> String {
    format!("{}.docx", report.file_stem())
}

/// The report as the bytes of a .docx file.
pub fn to_docx(report: &Report) -> Result<Vec<u8>, ExportError> {
    let document = document::document_xml(report)?;
    let core = document::core_xml(report)?;
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(64 * 1024)));
    // A fixed date: no clock in the browser, and the same report gives the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), ExportError> {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    let (first, rest) = TEMPLATE.split_at(1);
    add(first[0].0, first[0].1.as_bytes())?;
    add("word/document.xml", &document)?;
    add("docProps/core.xml", &core)?;
    for (name, text) in rest {
        add(name, text.as_bytes())?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

fn zip_error(e: zip::result::ZipError) -> ExportError {
    ExportError::new(format!("生成 Word 文档（zip 压缩包）时出错：{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_json;
    use quick_xml::events::Event;
    use quick_xml::Reader;
    use std::io::Read;

    fn seed() -> Report {
        from_json(include_str!("../../tests/fixtures/seed.json")).unwrap()
    }

    fn parts(bytes: &[u8]) -> Vec<(String, String)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).unwrap();
                let mut text = String::new();
                file.read_to_string(&mut text).unwrap();
                (file.name().to_string(), text)
            })
            .collect()
    }

    /// Reads a part to the end; returns the names of the elements, failing on malformed XML.
    fn well_formed(name: &str, xml: &str) -> Vec<String> {
        let mut reader = Reader::from_str(xml);
        reader.config_mut().check_end_names = true;
        let mut names = Vec::new();
        let mut depth = 0i32;
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(Event::Start(e)) => {
                    depth += 1;
                    names.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                }
                Ok(Event::Empty(e)) => names.push(String::from_utf8_lossy(e.name().as_ref()).into_owned()),
                Ok(Event::End(_)) => depth -= 1,
                Ok(_) => {}
                Err(e) => panic!(
                    "{name} is not well-formed at {}: {e}",
                    reader.buffer_position()
                ),
            }
        }
        assert_eq!(depth, 0, "{name}: unclosed elements");
        names
    }

    #[test]
    fn every_part_is_well_formed_xml() {
        let mut report = seed();
        report.agency.name = "<&>\"'机关\u{1}".into();
        report.text.other = "a < b && c > d\t制表\u{b}".into();
        let bytes = to_docx(&report).unwrap();
        let parts = parts(&bytes);
        assert_eq!(
            parts[0].0, "[Content_Types].xml",
            "content types come first"
        );
        assert_eq!(parts.len(), TEMPLATE.len() + 2);
        for (name, xml) in &parts {
            assert!(!well_formed(name, xml).is_empty(), "{name} is empty");
        }
        let document = &parts
            .iter()
            .find(|(n, _)| n == "word/document.xml")
            .unwrap()
            .1;
        assert!(document.contains("&lt;&amp;&gt;"), "user text is escaped");
        assert!(!document.contains('\u{1}') && !document.contains('\u{b}'));
    }

    #[test]
    fn every_content_type_override_names_a_part() {
        let bytes = to_docx(&seed()).unwrap();
        let names: Vec<String> = parts(&bytes).into_iter().map(|(n, _)| n).collect();
        let types = TEMPLATE[0].1;
        for part in types.split("PartName=\"/").skip(1) {
            let part = &part[..part.find('"').unwrap()];
            assert!(
                names.iter().any(|n| n == part),
                "{part} is declared but missing"
            );
        }
        for rels in [TEMPLATE[1].1, TEMPLATE[3].1] {
            for target in rels.split("Target=\"").skip(1) {
                let target = &target[..target.find('"').unwrap()];
                assert!(
                    names.iter().any(|n| n.ends_with(target)),
                    "{target} is referenced but missing"
                );
            }
        }
    }

    #[test]
    fn no_theme_fonts_anywhere() {
        let bytes = to_docx(&seed()).unwrap();
        for (name, xml) in parts(&bytes) {
            assert!(!xml.contains("Theme\""), "{name} refers to a theme font");
            assert!(
                !xml.contains("asciiTheme") && !xml.contains("eastAsiaTheme"),
                "{name}"
            );
        }
    }

    #[test]
    fn the_same_report_gives_the_same_bytes() {
        assert_eq!(to_docx(&seed()).unwrap(), to_docx(&seed()).unwrap());
    }

    #[test]
    fn cells_not_filled_are_written_empty_never_zero() {
        let bytes = to_docx(&Report::empty()).unwrap();
        let document = parts(&bytes)
            .into_iter()
            .find(|(n, _)| n == "word/document.xml")
            .unwrap()
            .1;
        assert!(!document.contains(">0<"), "an empty report shows no 0");
        let mut report = Report::empty();
        report.set_cell_text(crate::model::CellId::known("s3.new.natural"), "0");
        report.set_cell_text(crate::model::CellId::known("s3.new.business"), "/");
        let bytes = to_docx(&report).unwrap();
        let document = parts(&bytes)
            .into_iter()
            .find(|(n, _)| n == "word/document.xml")
            .unwrap()
            .1;
        assert_eq!(document.matches(">0<").count(), 1);
        assert_eq!(document.matches(">/<").count(), 1);
    }

    #[test]
    fn file_name_ends_in_docx() {
        assert_eq!(
            file_name(&seed()),
            "通榆县边昭镇2024年政府信息公开工作年度报告.docx"
        );
    }
}
