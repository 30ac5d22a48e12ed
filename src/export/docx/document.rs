//! `word/document.xml` and `docProps/core.xml`: the parts written for each report.

use super::page::*;
use super::table::write_table;
use super::xml::Xml;
use crate::export::outline::{blocks, xml_safe, Block};
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
