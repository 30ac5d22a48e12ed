//! Text extracted from a Word file: paragraphs one per line, and tables with one cell per
//! line, each cell's first line prefixed by a tab and a blank line between rows.
//!
//! A cell of several paragraphs continues on lines without a tab (the vertical 「自/然/人」),
//! sometimes after blank lines (a tall merged cell): such lines belong to the cell when they
//! run straight into the next cell and are not a section heading.

use std::borrow::Cow;

use super::assemble::is_heading_line;
use super::document::{strip_bookmarks, Block, Cell, SourcePos, Table};
use super::{charset, pdftext, ImportError, MAX_TEXT_BYTES};

/// Checks the size, tells the charset (UTF-8, UTF-16 with BOM, GBK/GB18030) and decodes.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(ImportError::new(format!(
            "文件过大（{:.1} MB），超过了文本和 JSON 文件 {} MB 的上限。年度报告的文字通常不到 1 MB，请确认选择的文件是否正确",
            bytes.len() as f64 / 1048576.0,
            MAX_TEXT_BYTES / 1048576
        )));
    }
    let Some((charset, rest)) = charset::detect(bytes, None) else {
        let at = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
        return Err(ImportError::new(format!(
            "文件不是文本文件，或使用了无法识别的编码：第 {} 个字节（0x{:02X}）处既不是 UTF-8 也不是 GBK 编码的文字。\
             请确认选择的是年度报告；如是其他编码的文本，请另存为 UTF-8 后再导入",
            at + 1,
            bytes[at]
        )));
    };
    let text = charset::decode(rest, charset);
    if text.contains('\0') {
        return Err(ImportError::new("文件含有二进制内容（空字符），不是文本文件。请导入年度报告的 Word 文档、网页、PDF 或文本文件"));
    }
    Ok(text)
}

/// Splits the text into paragraphs and tables: text as Word extracts it, or text from a PDF.
pub fn blocks(text: &str) -> Vec<Block> {
    if pdftext::looks_like_pdf_text(text) {
        return pdftext::blocks(text);
    }
    let text = strip_bookmarks(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut table: Option<TableBuilder> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let at = SourcePos::Line { line: i as u32 + 1 };
        if let Some(cell) = line.strip_prefix('\t') {
            table.get_or_insert_with(TableBuilder::default).cell(cell, at);
            i += 1;
            continue;
        }
        if line.trim().is_empty() {
            if let Some(t) = table.as_mut() {
                t.blank();
            }
            i += 1;
            continue;
        }
        if let Some(t) = table.as_mut() {
            if !t.after_blank || continues_cell(&lines, i) {
                t.continue_cell(line, at);
                i += 1;
                continue;
            }
        }
        if let Some(t) = table.take() {
            blocks.push(Block::Table(t.finish()));
        }
        blocks.push(Block::paragraph(line, at));
        i += 1;
    }
    if let Some(t) = table.take() {
        blocks.push(Block::Table(t.finish()));
    }
    blocks
}

/// Whether the untabbed lines from `start` run straight into a table cell (no blank line, no
/// heading in between).
fn continues_cell(lines: &[&str], start: usize) -> bool {
    if is_heading_line(lines[start]) {
        return false;
    }
    for line in &lines[start..] {
        if line.starts_with('\t') {
            return true;
        }
        if line.trim().is_empty() {
            return false;
        }
    }
    false
}

#[derive(Default)]
struct TableBuilder {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    /// A blank line was seen since the last cell line: the next tab line starts a new row.
    after_blank: bool,
}

impl TableBuilder {
    fn cell(&mut self, text: &str, at: SourcePos) {
        if self.after_blank && !self.row.is_empty() {
            self.rows.push(std::mem::take(&mut self.row));
        }
        self.after_blank = false;
        self.row.push(Cell { text: text.to_string(), at });
    }

    fn blank(&mut self) {
        self.after_blank = true;
    }

    fn continue_cell(&mut self, text: &str, at: SourcePos) {
        self.after_blank = false;
        match self.row.last_mut() {
            Some(cell) => {
                cell.text.push('\n');
                cell.text.push_str(text);
            }
            None => self.row.push(Cell { text: text.to_string(), at }),
        }
    }

    fn finish(mut self) -> Table {
        if !self.row.is_empty() {
            self.rows.push(self.row);
        }
        Table { rows: self.rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_rows_and_continuations() {
        let text = "标题\n\t信息内容\n\t本年制发件数\n\n\t规章\n\t0\n\n\t\n\t自\n然\n人\n\t\n\n\n三、\n本年度办理结果\n\t（一）予以公开\n\n\n五、存在的主要问题及改进情况\n正文";
        let blocks = blocks(text);
        assert_eq!(blocks.len(), 4, "{blocks:?}");
        let Block::Table(t) = &blocks[1] else { panic!() };
        let texts: Vec<Vec<&str>> = t.rows.iter().map(|r| r.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(texts[0], ["信息内容", "本年制发件数"]);
        assert_eq!(texts[1], ["规章", "0"]);
        assert_eq!(texts[2], ["", "自\n然\n人", "\n三、\n本年度办理结果", "（一）予以公开"]);
        assert_eq!(t.rows[1][1].at, SourcePos::Line { line: 6 });
        assert_eq!(t.rows[2][1].at, SourcePos::Line { line: 9 });
        assert_eq!(blocks[2], Block::paragraph("五、存在的主要问题及改进情况", SourcePos::Line { line: 20 }));
    }

    #[test]
    fn encodings_are_decoded_or_named() {
        assert_eq!(decode(&[0xC4, 0xEA, 0xB6, 0xC8, b'\n']).unwrap(), "年度\n");
        let e = decode(&[b'a', 0xFF, 0xFF, 0x00]).unwrap_err().message;
        assert!(e.contains("第 2 个字节（0xFF）") && e.contains("不是文本文件"), "{e}");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("正文".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16).unwrap(), "正文");
        assert_eq!(decode("\u{feff}正文".as_bytes()).unwrap(), "正文");
    }
}
