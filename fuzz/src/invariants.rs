//! What every fuzz target asserts beyond "no panic". Also compiled into the ordinary test
//! suite (tests/fuzz_regressions.rs), which runs every input the fuzzers once broke.
//!
//! - An import gives a report or an [`ImportError`] whose message is Chinese and says something.
//! - A report that imports writes to JSON and reads back as the same report.
//! - Every finding of the checker points at cells and text that exist in the report it checked.

use xxgk_report::import::{ImportError, ImportSummary};
use xxgk_report::model::{from_json, from_json_keeping_invalid, to_json, TextField};
use xxgk_report::{check, Finding, Report};

/// True when the text has at least one CJK character: every message a user reads is Chinese.
pub fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The invariants of an import's outcome; on success, also those of the report.
pub fn check_import(result: Result<(Report, ImportSummary), ImportError>) {
    match result {
        Ok((report, summary)) => {
            assert!(is_chinese(&summary.message), "summary not in Chinese: {:?}", summary.message);
            check_report(&report);
        }
        Err(error) => assert!(is_chinese(&error.message), "error not in Chinese: {:?}", error.message),
    }
}

/// A report survives the JSON round trip, and the checker's findings point at what exists.
pub fn check_report(report: &Report) {
    let json = to_json(report);
    let strict = from_json(&json);
    let again = match strict {
        Ok(again) => again,
        // Text that is not a number in a cell is refused by the strict reader; the draft reader keeps it.
        Err(_) => from_json_keeping_invalid(&json).unwrap_or_else(|e| panic!("own JSON unreadable: {e}\n{json}")),
    };
    assert_eq!(&again, report, "JSON round trip changed the report");
    let findings = check(report);
    for finding in &findings {
        check_finding(report, finding);
    }
}

/// A finding's field, span and message refer to the report it was found in.
pub fn check_finding(report: &Report, finding: &Finding) {
    assert!(is_chinese(&finding.message), "{}: message not in Chinese", finding.code);
    let Some(field) = finding.field.as_deref() else {
        assert!(finding.span.is_none(), "{}: a span without a field", finding.code);
        return;
    };
    let text = field_text(report, field).unwrap_or_else(|| panic!("{}: field {field:?} does not exist", finding.code));
    if let (Some(span), Some(text)) = (&finding.span, text) {
        let chars: Vec<char> = text.chars().collect();
        assert!(span.start <= span.end && span.end <= chars.len(), "{}: span {}..{} outside {field} ({} chars)", finding.code, span.start, span.end, chars.len());
        let snippet: String = chars[span.start..span.end].iter().collect();
        assert_eq!(snippet, span.snippet, "{}: snippet differs from the text at the span", finding.code);
        let utf16: usize = chars[..span.start].iter().map(|c| c.len_utf16()).sum();
        assert_eq!(utf16, span.start16, "{}: start16", finding.code);
    }
}

/// The text of a field named by a finding (`text.overview`, `headings[2]`, `agency.phone`);
/// `Some(None)` for a field that exists but has no text to point into (e.g. `cells`).
fn field_text<'a>(report: &'a Report, field: &str) -> Option<Option<&'a str>> {
    if let Some(key) = field.strip_prefix("text.") {
        return TextField::from_key(key).map(|f| Some(report.text.get(f)));
    }
    if let Some(index) = field.strip_prefix("headings[").and_then(|r| r.strip_suffix(']')) {
        let index: usize = index.parse().ok()?;
        return report.headings.as_ref()?.get(index).map(|h| Some(h.as_str()));
    }
    let agency = &report.agency;
    Some(Some(match field {
        "agency.name" => &agency.name,
        "agency.region" => &agency.region,
        "agency.address" => &agency.address,
        "agency.postcode" => &agency.postcode,
        "agency.phone" => &agency.phone,
        "agency.email" => &agency.email,
        "headings" | "year" | "agency.level" | "source" => return Some(None),
        _ => return None,
    }))
}

/// A .docx archive whose `word/document.xml` is `xml`, with the package parts Word writes
/// around it, stored uncompressed (the mutations reach the XML reader directly).
pub fn docx_with_document(xml: &[u8]) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [("[Content_Types].xml", CONTENT_TYPES.as_bytes()), ("_rels/.rels", RELS.as_bytes()), ("word/document.xml", xml)] {
        zip.start_file(name, stored).expect("a new entry");
        zip.write_all(bytes).expect("writing to memory");
    }
    zip.finish().expect("finishing in memory").into_inner()
}

/// Where a `pdf_content` input starts the next font: after it, `1` or `2` (the font's code
/// length in bytes) and the font's ToUnicode CMap.
pub const PDF_FONT_MARK: &[u8] = b"%%CMAP%%";

/// A one-page PDF from a `pdf_content` input: a content stream, then per font (in the order
/// the content first selects them with `Tf`) [`PDF_FONT_MARK`], the code length and the
/// ToUnicode CMap (fuzz/seeds/pdf_content.py writes seeds from real PDFs). Two-byte fonts are
/// Type0 Identity-H, as WPS and LibreOffice write Chinese text; one-byte fonts TrueType.
pub fn pdf_with_content(data: &[u8]) -> Vec<u8> {
    let mut parts = split(data, PDF_FONT_MARK).into_iter();
    let content = parts.next().unwrap_or_default();
    let fonts: Vec<(bool, &[u8])> = parts.map(|p| (p.first() != Some(&b'1'), p.get(1..).unwrap_or_default())).collect();
    let names = font_names(content);
    let mut objects: Vec<Vec<u8>> = vec![
        b"<</Type/Catalog/Pages 2 0 R>>".to_vec(),
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>".to_vec(),
        Vec::new(),
        stream(content),
    ];
    let mut resources = String::new();
    for (i, name) in names.iter().enumerate() {
        let (two_bytes, cmap) = fonts.get(i).copied().unwrap_or((true, &b""[..]));
        let font = objects.len() + 1;
        resources.push_str(&format!("/{name} {font} 0 R "));
        if two_bytes {
            objects.push(format!("<</Type/Font/Subtype/Type0/BaseFont/SimSun/Encoding/Identity-H/DescendantFonts[{} 0 R]/ToUnicode {} 0 R>>", font + 1, font + 2).into_bytes());
            objects.push(b"<</Type/Font/Subtype/CIDFontType2/BaseFont/SimSun/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/DW 1000>>".to_vec());
        } else {
            objects.push(format!("<</Type/Font/Subtype/TrueType/BaseFont/SimSun/FirstChar 32/LastChar 126/ToUnicode {} 0 R>>", font + 1).into_bytes());
        }
        objects.push(stream(cmap));
    }
    objects[2] = format!("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<<{resources}>>>>/Contents 4 0 R>>").into_bytes();
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(format!("trailer\n<</Size {}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    pdf
}

fn split<'a>(data: &'a [u8], mark: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.windows(mark.len()).position(|w| w == mark) {
        parts.push(&rest[..at]);
        rest = &rest[at + mark.len()..];
    }
    parts.push(rest);
    parts
}

fn stream(bytes: &[u8]) -> Vec<u8> {
    let mut out = format!("<</Length {}>>\nstream\n", bytes.len()).into_bytes();
    out.extend_from_slice(bytes);
    out.extend_from_slice(b"\nendstream");
    out
}

/// The font names a content stream selects with `Tf`, in order of first use (at most 16,
/// PDF name characters only).
fn font_names(content: &[u8]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let text = String::from_utf8_lossy(content);
    let words: Vec<&str> = text.split_ascii_whitespace().collect();
    for window in words.windows(3) {
        if let [name, _, "Tf"] = window {
            if let Some(name) = name.strip_prefix('/') {
                let name: String = name.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '+')).collect();
                if !name.is_empty() && !names.contains(&name) && names.len() < 16 {
                    names.push(name);
                }
            }
        }
    }
    if names.is_empty() {
        names.push("F1".into());
    }
    names
}
