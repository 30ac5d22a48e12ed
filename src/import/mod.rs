//! Reading reports from the documents people have and publish: JSON, Word .docx and .doc
//! (and .wps in Word's format), web pages (saved portal pages, fragments, pasted HTML), text
//! extracted from Word or copied from a PDF, and PDF (the `pdf` reader).
//!
//! [`import`] decides the format by content ([`sniff`]), not by the file name alone. Every
//! reader turns its input into the same [`document::Block`]s (paragraphs and tables as rows of
//! cells, each with the position it was read at); [`assemble`] finds the title, preamble,
//! headings and prose in them, and [`tables`] maps every table to the official cells by its
//! labels, keeping each cell's position in `report.source.cells`.

mod agency;
mod assemble;
mod charset;
mod doc;
mod docx;
mod document;
mod html;
mod pdf;
mod pdftext;
mod sniff;
mod tables;
mod text;
mod wordml;

use std::fmt;

use serde::Serialize;

use crate::model::{from_json, CellId, CellPositions, CellValue, Report, SourceNote, SourcePos, TableEdition};

pub use sniff::Format;

/// Largest document accepted at all, and largest total of decompressed .docx parts read.
pub const MAX_DOCX_BYTES: usize = 64 * 1024 * 1024;
/// Most entries a .docx may hold (a real report has a few dozen).
pub const MAX_ZIP_ENTRIES: usize = 2_000;
/// Largest text or JSON file accepted (a report's text is well under 1 MB).
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;
/// Deepest XML nesting accepted in a .docx part (real documents stay well under 50).
pub const MAX_XML_DEPTH: usize = 256;
/// The most bytes of a file any reader looks at: a caller may read no more than this (and one
/// byte, so that the reader can say the file is too large) of a huge file.
pub const MAX_FILE_BYTES: usize = if MAX_DOCX_BYTES > MAX_TEXT_BYTES { MAX_DOCX_BYTES } else { MAX_TEXT_BYTES };

/// Extensions of the files taken from a folder: the formats the importer reads or will read
/// (the content decides the format; a report saved without an extension is taken too).
pub const REPORT_EXTENSIONS: &[&str] = &["docx", "docm", "doc", "wps", "txt", "json", "pdf", "html", "htm", "shtml", "xhtml"];

/// Whether a file found in a folder is taken as a report, by its name: one of
/// [`REPORT_EXTENSIONS`] or none; never a hidden file or Word's `~$` lock file. (A file a
/// person names or drops by itself is always read: the content decides.)
pub fn is_report_file_name(name: &str) -> bool {
    if name.starts_with('.') || name.starts_with("~$") {
        return false;
    }
    match name.rsplit_once('.') {
        Some((_, extension)) => REPORT_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(extension)),
        None => true,
    }
}

/// A document that could not be read, with a Chinese message that says what and where.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportError {
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    pub fn new(message: impl Into<String>) -> Self {
        ImportError { message: message.into() }
    }
}

/// What an import found, for the page and the command line to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// `docx`, `doc`, `wps`, `html`, `pdf`, `text` or `json`.
    pub format: Format,
    /// The format in words: 「Word 文档（.docx）」.
    pub format_label: &'static str,
    /// The section headings found, as written.
    pub headings: Vec<String>,
    /// The tables found in the document, in order.
    pub tables: Vec<TableSummary>,
    /// The edition of the statistical tables: `2021` or `2019`.
    pub edition: TableEdition,
    /// Cells holding a number (or an amount).
    pub cells_filled: usize,
    /// Cells found in a table but holding no number: empty, 「/」, 「无」, or text.
    pub cells_not_filled: usize,
    /// Cells of the format that no table of the document had.
    pub cells_not_found: usize,
    /// Labels recognised although edited.
    pub edited_labels: Vec<SourceNote>,
    /// What could not be placed in the report.
    pub unplaced: Vec<SourceNote>,
    /// One line in Chinese: 「已从 Word 文档导入：6 个部分，3 个统计表，200 个单元格中 200 个已填写。」
    pub message: String,
}

/// One table of the source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableSummary {
    /// 1 for the first table of the document.
    pub number: usize,
    /// The section the table stands under, as written (empty before the first heading).
    pub under_heading: String,
    /// Which official table it was taken for: 「二」「三」「四」, several, or empty if none.
    pub recognised_as: Vec<String>,
    /// Number of cells of the report it gave a value to.
    pub cells: usize,
}

/// Reads a report from the bytes of a file. `file_name` is only a hint.
pub fn import(bytes: &[u8], file_name: &str) -> Result<Report, ImportError> {
    import_with_summary(bytes, file_name).map(|(report, _)| report)
}

/// Reads a report and says what was found: sections, tables, cells, what could not be placed.
pub fn import_with_summary(bytes: &[u8], file_name: &str) -> Result<(Report, ImportSummary), ImportError> {
    match sniff::detect(bytes, file_name)? {
        Format::Json => {
            let text = text::decode(bytes)?;
            let report = from_json(&text).map_err(|e| ImportError::new(format!("JSON 文件有误：{e}")))?;
            let summary = summarise(Format::Json, &report, Vec::new(), &[]);
            Ok((report, summary))
        }
        Format::Docx => {
            let blocks = docx::read(bytes)?;
            finish(Format::Docx, blocks)
        }
        Format::Text => {
            let text = text::decode(bytes)?;
            let blocks = text::blocks(&text);
            finish(Format::Text, blocks)
        }
        Format::Pdf => finish(Format::Pdf, pdf::read(bytes)?),
        Format::Doc => finish(Format::Doc, doc::read(bytes, false)?),
        Format::Wps => finish(Format::Wps, doc::read(bytes, true)?),
        Format::Html => finish(Format::Html, html::read(bytes)?),
    }
}

/// Reads a report from HTML that is already text: what the clipboard holds as `text/html`
/// when a clerk copies the report from a portal page.
pub fn import_html_text(html: &str) -> Result<(Report, ImportSummary), ImportError> {
    finish(Format::Html, html::read_text(html)?)
}

fn finish(format: Format, blocks: Vec<document::Block>) -> Result<(Report, ImportSummary), ImportError> {
    let assembled = assemble::assemble(blocks);
    let found_anything = assembled.report.headings.as_ref().is_some_and(|h| !h.is_empty())
        || assembled.found.iter().any(|f| *f)
        || assembled.report.year.is_some();
    if !found_anything {
        return Err(ImportError::new(format!(
            "{}中没有找到年度报告的内容：既没有「一、总体情况」等六个部分的标题，也没有统计表格。请确认选择的是政府信息公开工作年度报告",
            format.label()
        )));
    }
    let mut summary = summarise(format, &assembled.report, assembled.tables, &assembled.found);
    if assembled.other_forced {
        summary.message.pop();
        summary.message.push_str(
            "；「（六）其他处理」只有一行（2019 年版格式），各列均为 0，已按 0 填入 2021 年版的三行。",
        );
    }
    Ok((assembled.report, summary))
}

/// Where the statistical tables were read, in one sentence: 「从 PDF 文件第 2–4 页读到 3 个统计表。」,
/// 「从网页（HTML）的第 3–5 个表格读到 3 个统计表。」, 「从文本文件第 40–95 行读到 2 个统计表。」.
fn whence(format: Format, cells: &CellPositions) -> Option<String> {
    let mut sections = [false; 3];
    let (mut pages, mut tables, mut lines) = (Span::default(), Span::default(), Span::default());
    for (id, at) in cells.iter() {
        sections[id.def().section as usize] = true;
        match at {
            SourcePos::Page { page, .. } => pages.add(page),
            SourcePos::Cell { table, .. } => tables.add(table),
            SourcePos::Line { line } => lines.add(line),
            SourcePos::Paragraph { .. } => {}
        }
    }
    let count = sections.iter().filter(|s| **s).count();
    let label = format.label();
    let from = if let Some(range) = pages.text() {
        format!("{label}第 {range} 页")
    } else if let Some(range) = tables.text() {
        format!("{label}的第 {range} 个表格")
    } else {
        format!("{label}第 {} 行", lines.text()?)
    };
    (count > 0).then(|| format!("从{from}读到 {count} 个统计表。"))
}

/// The smallest and largest of some numbers: 「2–4」, or 「3」 when they are one.
#[derive(Default)]
struct Span(Option<(u32, u32)>);

impl Span {
    fn add(&mut self, n: u32) {
        self.0 = Some(self.0.map_or((n, n), |(lo, hi)| (lo.min(n), hi.max(n))));
    }

    fn text(&self) -> Option<String> {
        self.0.map(|(lo, hi)| if lo == hi { lo.to_string() } else { format!("{lo}–{hi}") })
    }
}

fn summarise(format: Format, report: &Report, tables: Vec<TableSummary>, found: &[bool]) -> ImportSummary {
    let cells_filled = report.cells().filter(|(_, v)| v.is_filled()).count();
    let cells_found = if found.is_empty() {
        report.cells().filter(|(_, v)| **v != CellValue::Missing).count()
    } else {
        found.iter().filter(|f| **f).count()
    };
    let source = report.source.clone().unwrap_or_default();
    let headings = report.headings.clone().unwrap_or_default();
    let total = CellId::count();
    // A JSON document has no tables to count: it gives the cells by their IDs.
    let mut message = if format == Format::Json {
        format!("已从{}导入：{} 个单元格中 {} 个已填写数字", format.label(), total, cells_filled)
    } else {
        format!(
            "已从{}导入：找到 {} 个部分标题、{} 个表格；{} 个单元格中 {} 个已填写数字",
            format.label(),
            headings.len(),
            tables.len(),
            total,
            cells_filled
        )
    };
    if cells_found < total {
        message.push_str(&format!("，{} 个在文件中没有找到", total - cells_found));
    }
    if !source.unplaced.is_empty() {
        message.push_str(&format!("；{} 处内容无法对应到报告中，请查看", source.unplaced.len()));
    }
    if source.tables == TableEdition::Y2019 {
        message.push_str("；表格为 2019 年旧版格式");
    }
    message.push('。');
    // (A JSON document's positions are those of the file it was first read from.)
    if let Some(whence) = whence(format, &source.cells).filter(|_| format != Format::Json) {
        message.push_str(&whence);
    }
    ImportSummary {
        format,
        format_label: format.label(),
        headings,
        tables,
        edition: source.tables,
        cells_filled,
        cells_not_filled: cells_found.saturating_sub(cells_filled),
        cells_not_found: total - cells_found.min(total),
        edited_labels: source.edited_labels,
        unplaced: source.unplaced,
        message,
    }
}
