//! `word/document.xml` and `docProps/core.xml`: the parts written for each report.

use super::page::*;
use super::table::write_table;
use super::xml::Xml;
use crate::export::outline::{blocks, xml_safe, Block, Signature};
use crate::export::ExportError;
use crate::model::Report;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub(super) fn document_xml(report: &Report) -> Result<Vec<u8>, ExportError> {
    let mut xml = Xml::new()?;
    xml.open("w:document", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)])?;
    xml.open("w:body", &[])?;
    for block in blocks(report) {
        match block {
            Block::Title(title) => paragraph(&mut xml, Some("Title"), &title)?,
            Block::Heading(heading) => paragraph(&mut xml, Some("Heading1"), &heading)?,
            Block::SubHeading(line) => paragraph(&mut xml, Some("Heading2"), line)?,
            Block::Paragraph(line) => paragraph(&mut xml, None, line)?,
            Block::Table(layout) => write_table(&mut xml, layout, report)?,
            Block::Signature(signature) => write_signature(&mut xml, &signature)?,
        }
    }
    section_properties(&mut xml)?;
    xml.close("w:body")?;
    xml.close("w:document")?;
    Ok(xml.finish())
}

/// One paragraph; tabs become `w:tab`, characters XML cannot hold are dropped.
fn paragraph(xml: &mut Xml, style: Option<&str>, text: &str) -> std::io::Result<()> {
    xml.open("w:p", &[])?;
    if let Some(style) = style {
        xml.open("w:pPr", &[])?;
        xml.val("w:pStyle", style)?;
        xml.close("w:pPr")?;
    }
    let text = xml_safe(text);
    let text = text.trim_end_matches(['\r', '\n']);
    if !text.is_empty() {
        xml.open("w:r", &[])?;
        for (i, piece) in text.split('\t').enumerate() {
            if i > 0 {
                xml.empty("w:tab", &[])?;
            }
            if !piece.is_empty() {
                xml.text_element("w:t", &[("xml:space", "preserve")], piece)?;
            }
        }
        xml.close("w:r")?;
    }
    xml.close("w:p")
}

/// 发文机关署名 and 成文日期 after an empty line (GB/T 9704-2012, 7.3.5.2). The longer line is
/// right-aligned two characters from the margin; the other starts at a left indent that puts
/// the date's first character two characters right of the name's: exact for the name (Chinese
/// characters are all one wide), estimated for the date (digits half as wide, with no extra
/// space between digits and Chinese, as 仿宋_GB2312 sets them).
fn write_signature(xml: &mut Xml, s: &Signature) -> std::io::Result<()> {
    paragraph(xml, None, "")?;
    let half = |halves: usize| (halves * HALF_CHARACTER) as u32;
    let two = half(Signature::INDENT);
    let (name, date) = if s.date_is_longer() {
        (Place::Left(TEXT_WIDTH.saturating_sub(two + half(s.date_width) + two)), Place::Right(two))
    } else {
        (Place::Right(two), Place::Left(TEXT_WIDTH.saturating_sub(half(s.name_width))))
    };
    if !s.name.is_empty() {
        signature_line(xml, s.name, name)?;
    }
    signature_line(xml, &s.date, date)
}

enum Place {
    /// Left-aligned at this left indent (twips).
    Left(u32),
    /// Right-aligned at this right indent (twips).
    Right(u32),
}

fn signature_line(xml: &mut Xml, text: &str, place: Place) -> std::io::Result<()> {
    xml.open("w:p", &[])?;
    xml.open("w:pPr", &[])?;
    xml.val("w:autoSpaceDE", "0")?;
    xml.val("w:autoSpaceDN", "0")?;
    let (side, indent, jc) = match place {
        Place::Left(indent) => ("w:left", indent, "left"),
        Place::Right(indent) => ("w:right", indent, "right"),
    };
    xml.empty("w:ind", &[(side, &indent.to_string()), ("w:firstLineChars", "0"), ("w:firstLine", "0")])?;
    xml.val("w:jc", jc)?;
    xml.close("w:pPr")?;
    xml.open("w:r", &[])?;
    xml.text_element("w:t", &[("xml:space", "preserve")], &xml_safe(text))?;
    xml.close("w:r")?;
    xml.close("w:p")
}

/// A4 with the 公文 margins; page numbers on the outer side (odd right, even left).
fn section_properties(xml: &mut Xml) -> std::io::Result<()> {
    xml.open("w:sectPr", &[])?;
    xml.empty(
        "w:footerReference",
        &[("w:type", "default"), ("r:id", "rId4")],
    )?;
    xml.empty("w:footerReference", &[("w:type", "even"), ("r:id", "rId5")])?;
    xml.empty(
        "w:pgSz",
        &[
            ("w:w", &PAGE_WIDTH.to_string()),
            ("w:h", &PAGE_HEIGHT.to_string()),
        ],
    )?;
    xml.empty(
        "w:pgMar",
        &[
            ("w:top", &MARGIN_TOP.to_string()),
            ("w:right", &MARGIN_RIGHT.to_string()),
            ("w:bottom", &MARGIN_BOTTOM.to_string()),
            ("w:left", &MARGIN_LEFT.to_string()),
            ("w:header", "851"),
            ("w:footer", &FOOTER_DISTANCE.to_string()),
            ("w:gutter", "0"),
        ],
    )?;
    xml.empty("w:cols", &[("w:space", "425")])?;
    xml.empty("w:docGrid", &[("w:linePitch", "579")])?;
    xml.close("w:sectPr")
}

/// The document properties: the title, so that Word shows it in 属性.
pub(super) fn core_xml(report: &Report) -> Result<Vec<u8>, ExportError> {
    let mut xml = Xml::new()?;
    xml.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ],
    )?;
    xml.text_element("dc:title", &[], &xml_safe(&report.title()))?;
    xml.text_element("dc:creator", &[], &xml_safe(&report.agency.name))?;
    xml.text_element("dc:language", &[], "zh-CN")?;
    xml.close("cp:coreProperties")?;
    Ok(xml.finish())
}
