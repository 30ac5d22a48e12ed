//! Text extracted from a Word file: paragraphs one per line, and tables with one cell per
//! line, each cell's first line prefixed by a tab and a blank line between rows.
//!
//! A cell of several paragraphs continues on lines without a tab (the vertical 「自/然/人」),
//! sometimes after blank lines (a tall merged cell): such lines belong to the cell when they
//! run straight into the next cell and are not a section heading.

use super::assemble::is_heading_line;
use super::document::{strip_bookmarks, Block, Cell, SourcePos, Table};
use super::{ImportError, MAX_TEXT_BYTES};

/// Checks size and encoding, and drops a byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(ImportError::new(format!(
            "文件过大（{:.1} MB），超过了文本和 JSON 文件 {} MB 的上限。年度报告的文字通常不到 1 MB，请确认选择的文件是否正确",
            bytes.len() as f64 / 1048576.0,
            MAX_TEXT_BYTES / 1048576
        )));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::new(
            "文本文件是 UTF-16（Unicode）编码，无法读取。请用记事本或 WPS 打开，「另存为」时编码选择 UTF-8 后再导入",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let hint = if looks_like_gbk(bytes) {
            "看起来是 GBK/GB18030（ANSI）编码的中文文本。请用记事本或 WPS 打开，「另存为」时编码选择 UTF-8 后再导入"
        } else {
            "文件可能不是文本文件，或使用了其他编码。请将报告另存为 UTF-8 编码的文本，或直接导入 Word 文档（.docx）"
        };
        ImportError::new(format!("文件不是 UTF-8 编码的文本：第 {} 个字节（0x{:02X}）处无法解码。{hint}", at + 1, bytes[at]))
    })?;
    if text.contains('\0') {
        return Err(ImportError::new("文件含有二进制内容（空字符），不是文本文件。请导入 Word 文档（.docx）或 UTF-8 文本"));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// True when every non-ASCII byte forms a valid GBK double-byte character, and there is one.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let Some(&t) = bytes.get(i + 1) else { return false };
        if !(0x81..=0xFE).contains(&b) || !(0x40..=0xFE).contains(&t) || t == 0x7F {
            return false;
        }
        pairs += 1;
        i += 2;
    }
    pairs > 0
}

/// Splits the text into paragraphs and tables.
pub fn blocks(text: &str) -> Vec<Block> {
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
    fn encodings_are_named() {
        let gbk = [0xC4, 0xEA, 0xB6, 0xC8, b'\n'];
        let e = decode(&gbk).unwrap_err().message;
        assert!(e.contains("第 1 个字节（0xC4）") && e.contains("GBK"), "{e}");
        let e = decode(&[b'a', 0xFF, 0xFF, 0x00]).unwrap_err().message;
        assert!(e.contains("第 2 个字节（0xFF）") && !e.contains("GBK"), "{e}");
        assert!(decode(&[0xFF, 0xFE, b'a', 0]).unwrap_err().message.contains("UTF-16"));
        assert_eq!(decode("\u{feff}正文".as_bytes()).unwrap(), "正文");
    }
}
