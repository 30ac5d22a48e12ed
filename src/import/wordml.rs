//! WordprocessingML (`word/document.xml`) to paragraphs and tables, streaming.
//!
//! Text is taken as if every tracked change were accepted: insertions (`w:ins`, `w:moveTo`)
//! are kept, deletions (`w:del`, `w:moveFrom`), deleted rows and deleted paragraph marks are
//! dropped, and the old formatting kept in `w:*PrChange` is ignored. Field codes
//! (`w:instrText`) are dropped and field results kept; bookmarks leave nothing. A vertically
//! merged cell appears in its first row; the cells it covers below are empty.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::document::{Block, SourcePos, Table};
use super::{ImportError, MAX_XML_DEPTH};

/// Elements whose whole content is left out.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"delText",
    b"instrText",
    b"delInstrText",
    b"rPrChange",
    b"pPrChange",
    b"tblPrChange",
    b"tblPrExChange",
    b"trPrChange",
    b"tcPrChange",
    b"sectPrChange",
    b"tblGridChange",
    b"numberingChange",
    b"Fallback",
];

#[derive(Default)]
struct Cell {
    paragraphs: Vec<String>,
    /// A `w:vMerge` continuation: covered by the cell above.
    covered: bool,
}

#[derive(Default)]
struct TableBuilder {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    row_deleted: bool,
    cell: Option<Cell>,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    tables: Vec<TableBuilder>,
    /// Open paragraphs (a text box paragraph can sit inside another paragraph).
    paragraphs: Vec<String>,
    /// The paragraph mark was deleted: the paragraph runs on into the next one.
    mark_deleted: bool,
    carry: String,
    /// Paragraphs and top-level tables emitted so far: the positions of the next ones.
    paragraphs_seen: u32,
    tables_seen: u32,
}

impl Builder {
    fn start(&mut self, name: &[u8], parent: Option<&[u8]>, element: &BytesStart) {
        match name {
            b"p" => {
                self.paragraphs.push(std::mem::take(&mut self.carry));
                self.mark_deleted = false;
            }
            b"tbl" => self.tables.push(TableBuilder::default()),
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                    t.row_deleted = false;
                }
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(Cell::default());
                }
            }
            b"vMerge" if parent == Some(b"tcPr") => {
                let restart = attribute(element, b"val").is_some_and(|v| v == "restart");
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    cell.covered = !restart;
                }
            }
            b"tab" if parent == Some(b"r") => self.push_text(" "),
            b"br" | b"cr" if parent == Some(b"r") => self.push_text("\n"),
            b"noBreakHyphen" => self.push_text("-"),
            _ => {}
        }
    }

    /// Empty elements that mark a deletion of their parent's parent (a row, a paragraph mark).
    fn deletion_mark(&mut self, parent: Option<&[u8]>) {
        match parent {
            Some(b"trPr") => {
                if let Some(t) = self.tables.last_mut() {
                    t.row_deleted = true;
                }
            }
            Some(b"rPr") if self.tables.last().is_none_or(|t| t.cell.is_none()) => self.mark_deleted = true,
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"p" => {
                let Some(text) = self.paragraphs.pop() else { return };
                if self.mark_deleted && self.paragraphs.is_empty() {
                    self.carry = text;
                    self.mark_deleted = false;
                    return;
                }
                self.mark_deleted = false;
                match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    Some(cell) if self.paragraphs.is_empty() => cell.paragraphs.push(text),
                    // A paragraph of the body, or of a text box inside a paragraph (then before
                    // the outer one).
                    _ => self.push_paragraph(text),
                }
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(cell) = t.cell.take() {
                        let text = if cell.covered { String::new() } else { cell.paragraphs.join("\n") };
                        t.row.push(text);
                    }
                }
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    if !t.row_deleted {
                        t.rows.push(row);
                    }
                }
            }
            b"tbl" => {
                let Some(t) = self.tables.pop() else { return };
                match self.tables.last_mut().and_then(|outer| outer.cell.as_mut()) {
                    // A table nested in a cell: its rows become lines of that cell.
                    Some(cell) => cell.paragraphs.extend(t.rows.into_iter().map(|r| r.join(" "))),
                    None => {
                        self.tables_seen += 1;
                        self.blocks.push(Block::Table(Table::numbered(self.tables_seen, t.rows)));
                    }
                }
            }
            _ => {}
        }
    }

    fn push_paragraph(&mut self, text: String) {
        self.paragraphs_seen += 1;
        self.blocks.push(Block::paragraph(text, SourcePos::Paragraph { paragraph: self.paragraphs_seen }));
    }

    fn push_text(&mut self, text: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.push_str(text);
        }
    }
}

fn attribute(element: &BytesStart, local: &[u8]) -> Option<String> {
    element.attributes().flatten().find(|a| a.key.local_name().as_ref() == local).and_then(|a| String::from_utf8(a.value.into_owned()).ok())
}

fn xml_error(position: u64) -> ImportError {
    ImportError::new(format!(
        "Word 文档已损坏：正文（word/document.xml）第 {position} 个字节附近的 XML 格式错误。请在 Word 或 WPS 中打开并重新保存为 .docx 后再导入"
    ))
}

/// Reads the paragraphs and tables of `word/document.xml`.
pub fn blocks(xml: &[u8]) -> Result<Vec<Block>, ImportError> {
    let mut reader = Reader::from_reader(xml);
    let mut builder = Builder::default();
    // Local names of the open elements, one after the other in one buffer (no allocation per
    // element): `names[starts[i]..starts[i + 1]]` is the i-th.
    let mut names: Vec<u8> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    // Depth at which a skipped element opened.
    let mut skipping: Option<usize> = None;
    loop {
        let event = reader.read_event().map_err(|_| xml_error(reader.error_position()))?;
        match event {
            Event::Start(e) => {
                if starts.len() >= MAX_XML_DEPTH {
                    return Err(ImportError::new(format!(
                        "Word 文档的结构嵌套超过 {MAX_XML_DEPTH} 层，不像是正常的文档（可能是异常文件），未读取"
                    )));
                }
                let local = e.local_name();
                let name = local.as_ref();
                let parent = starts.last().map(|s| &names[*s..]);
                if skipping.is_none() && (name == b"del" || name == b"moveFrom") {
                    builder.deletion_mark(parent);
                }
                if skipping.is_none() {
                    if SKIPPED.contains(&name) {
                        skipping = Some(starts.len());
                    } else {
                        builder.start(name, parent, &e);
                    }
                }
                starts.push(names.len());
                names.extend_from_slice(name);
            }
            Event::Empty(e) => {
                if skipping.is_some() {
                    continue;
                }
                let name = e.local_name();
                let parent = starts.last().map(|s| &names[*s..]);
                if name.as_ref() == b"del" || name.as_ref() == b"moveFrom" {
                    builder.deletion_mark(parent);
                    continue;
                }
                builder.start(name.as_ref(), parent, &e);
                builder.end(name.as_ref());
            }
            Event::End(_) => {
                let Some(start) = starts.pop() else { return Err(xml_error(reader.buffer_position())) };
                match skipping {
                    Some(depth) if depth == starts.len() => skipping = None,
                    Some(_) => {}
                    None => builder.end(&names[start..]),
                }
                names.truncate(start);
            }
            Event::Text(t) if skipping.is_none() && starts.last().is_some_and(|s| &names[*s..] == b"t") => {
                let text = t.decode().map_err(|_| encoding_error(reader.buffer_position()))?;
                builder.push_text(&text);
            }
            Event::CData(t) if skipping.is_none() && starts.last().is_some_and(|s| &names[*s..] == b"t") => {
                let text = t.decode().map_err(|_| encoding_error(reader.buffer_position()))?;
                builder.push_text(&text);
            }
            Event::GeneralRef(r) if skipping.is_none() && starts.last().is_some_and(|s| &names[*s..] == b"t") => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match &*r {
                        b"amp" => "&".into(),
                        b"lt" => "<".into(),
                        b"gt" => ">".into(),
                        b"quot" => "\"".into(),
                        b"apos" => "'".into(),
                        _ => String::new(),
                    },
                    Err(_) => return Err(xml_error(reader.buffer_position())),
                };
                builder.push_text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !starts.is_empty() {
        return Err(xml_error(reader.buffer_position()));
    }
    Ok(builder.blocks)
}

fn encoding_error(position: u64) -> ImportError {
    ImportError::new(format!(
        "Word 文档已损坏：正文（word/document.xml）第 {position} 个字节附近不是有效的 UTF-8 文字。请在 Word 或 WPS 中重新保存为 .docx 后再导入"
    ))
}

/// The target of the `officeDocument` relationship in `_rels/.rels`.
pub fn office_document_target(rels: &[u8]) -> Option<String> {
    let mut reader = Reader::from_reader(rels);
    for _ in 0..10_000 {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let kind = attribute(&e, b"Type").unwrap_or_default();
                if kind.ends_with("/officeDocument") {
                    return attribute(&e, b"Target").map(|t| t.trim_start_matches('/').to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Vec<Block> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        blocks(xml.as_bytes()).unwrap()
    }

    fn p(text: &str) -> String {
        text.to_string()
    }

    fn texts(blocks: Vec<Block>) -> Vec<String> {
        blocks
            .into_iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text,
                Block::Table(_) => "<table>".to_string(),
            })
            .collect()
    }

    #[test]
    fn tracked_changes_are_accepted_and_fields_leave_no_residue() {
        let body = r#"<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>共</w:t></w:r><w:del><w:r><w:delText>3</w:delText></w:r></w:del><w:ins><w:r><w:t>5</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE \* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>件</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="0"/></w:p>"#;
        assert_eq!(texts(doc(body)), [p("共5件")]);
        let entities = r#"<w:p><w:r><w:t xml:space="preserve">A &amp; B&#x4E00;</w:t><w:tab/><w:t>C</w:t></w:r></w:p>"#;
        assert_eq!(texts(doc(entities)), [p("A & B一 C")]);
        let deleted_mark = r#"<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>前</w:t></w:r></w:p><w:p><w:r><w:t>后</w:t></w:r></w:p>"#;
        assert_eq!(texts(doc(deleted_mark)), [p("前后")]);
    }

    #[test]
    fn merged_cells_and_deleted_rows() {
        let body = r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>自</w:t><w:br/><w:t>然</w:t></w:r></w:p><w:p><w:r><w:t>人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:del w:id="2"/></w:trPr><w:tc><w:p><w:r><w:t>删</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/><w:tcPrChange><w:tcPr><w:vMerge w:val="restart"/></w:tcPr></w:tcPrChange></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"#;
        let rows = vec![vec!["自\n然\n人".to_string(), "1".to_string()], vec![String::new(), String::new()]];
        assert_eq!(doc(body), [Block::Table(Table::numbered(1, rows))]);
        let Block::Table(table) = &doc(&format!("<w:p/>{body}<w:p/>{body}"))[3] else { panic!("a table") };
        assert_eq!(table.rows[1][1].at, SourcePos::Cell { table: 2, row: 2, column: 2 });
    }

    #[test]
    fn hostile_xml_is_refused() {
        let deep = format!("{}{}", "<a>".repeat(10_000), "</a>".repeat(10_000));
        assert!(blocks(deep.as_bytes()).unwrap_err().message.contains("嵌套超过"));
        assert!(blocks(b"<w:document><w:body></w:document>").unwrap_err().message.contains("XML 格式错误"));
        assert!(blocks(b"<w:t>\xFF\xFE</w:t>").is_err());
    }
}
