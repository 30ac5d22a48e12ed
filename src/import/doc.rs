//! Word 97–2003 documents (.doc), and WPS 文字 files (.wps) that store the same binary format.
//!
//! The container is an OLE2 compound file, opened with the `cfb` crate. Inside it, the
//! `WordDocument` stream begins with the FIB, which says where the piece table (the CLX, in
//! the `0Table` or `1Table` stream) lies; the piece table gives the text of the main
//! document, in 8-bit or UTF-16 pieces. Paragraphs end with a paragraph mark (13), table cells
//! with a cell mark (7); which cell mark ends a row, and which paragraphs stand in a table, the
//! paragraph properties say (sprmPFInTable, sprmPFTtp in the PAPX pages). Field codes are
//! dropped and field results kept, as in .docx.
//!
//! Nothing in the file is trusted: every offset and count is checked against the stream it
//! points into, and the text read is capped.

use std::io::{Cursor, Read};

use super::document::{Block, SourcePos, Table};
use super::sniff::encrypted_error;
use super::{ImportError, MAX_DOCX_BYTES};

/// Most characters of main text read (a report has about 10,000).
const MAX_CHARACTERS: usize = 4 * 1024 * 1024;
/// Most pieces in a piece table (Word writes a few dozen, even after many fast saves).
const MAX_PIECES: usize = 100_000;

/// What an OLE2 compound file holds, when it is not a Word document.
const OTHER_KINDS: &[(&str, &str)] = &[
    ("/Workbook", "Excel 97-2003 表格（.xls）"),
    ("/Book", "Excel 表格（.xls）"),
    ("/PowerPoint Document", "PowerPoint 97-2003 演示文稿（.ppt）"),
];

/// Reads the paragraphs and tables of a .doc (or .wps) file.
pub fn read(bytes: &[u8], wps: bool) -> Result<Vec<Block>, ImportError> {
    if bytes.len() > MAX_DOCX_BYTES {
        return Err(ImportError::new(format!("文件超过 {} MB 的上限，未读取。年度报告的 Word 文档通常不到 1 MB", MAX_DOCX_BYTES / 1048576)));
    }
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| {
        // A broken container that still names an encryption stream: say that, not "damaged".
        let name: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
            encrypted_error()
        } else {
            damaged(wps)
        }
    })?;
    if file.is_stream("/EncryptionInfo") || file.is_stream("/EncryptedPackage") {
        return Err(encrypted_error());
    }
    if !file.is_stream("/WordDocument") {
        if let Some((_, kind)) = OTHER_KINDS.iter().find(|(stream, _)| file.is_stream(stream)) {
            return Err(ImportError::new(format!("这是{kind}，不是 Word 文档。请导入报告的 Word 文档（.docx 或 .doc）")));
        }
        return Err(not_word_binary(wps));
    }
    let word = read_stream(&mut file, "/WordDocument", wps)?;
    let fib = Fib::parse(&word).ok_or_else(|| damaged(wps))?;
    if fib.n_fib < 0x00C1 {
        return Err(ImportError::new(
            "这是 Word 6.0/95 或更早版本的文档，无法读取。请在 Word 或 WPS 中打开，「另存为」Word 文档（*.docx）后再导入",
        ));
    }
    if fib.encrypted {
        return Err(encrypted_error());
    }
    let table_name = if fib.which_table { "/1Table" } else { "/0Table" };
    if !file.is_stream(table_name) {
        return Err(damaged(wps));
    }
    let table = read_stream(&mut file, table_name, wps)?;
    let pieces = Pieces::parse(slice(&table, fib.clx).ok_or_else(|| damaged(wps))?).ok_or_else(|| damaged(wps))?;
    let data = if file.is_stream("/Data") { read_stream(&mut file, "/Data", wps)? } else { Vec::new() };
    let paragraphs = ParagraphProperties { word: &word, data: &data, bins: slice(&table, fib.papx_bins).unwrap_or_default() };
    let characters = pieces.text(&word, fib.main_text_length.min(MAX_CHARACTERS));
    Ok(build(&characters, &paragraphs))
}

fn read_stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str, wps: bool) -> Result<Vec<u8>, ImportError> {
    let stream = file.open_stream(name).map_err(|_| damaged(wps))?;
    let mut out = Vec::new();
    stream.take(MAX_DOCX_BYTES as u64).read_to_end(&mut out).map_err(|_| damaged(wps))?;
    Ok(out)
}

fn damaged(wps: bool) -> ImportError {
    let kind = if wps { "WPS 文档（.wps）" } else { "Word 97-2003 文档（.doc）" };
    ImportError::new(format!(
        "{kind}已损坏或不完整（文件结构无法读取），可能没有下载完整。请在 Word 或 WPS 中打开，「另存为」Word 文档（*.docx）后再导入"
    ))
}

fn not_word_binary(wps: bool) -> ImportError {
    if wps {
        ImportError::new(
            "这个 .wps 文件是旧版 WPS 或 Microsoft Works 的格式，内容不是 Word 的文字格式，无法读取。请在 WPS 中打开，\
             「文件 → 另存为」，文件类型选「Word 文档（*.docx）」后再导入",
        )
    } else {
        ImportError::new("这是 OLE2 复合文档，但不是 Word 文档（没有 WordDocument 内容）。请导入报告的 Word 文档（.docx 或 .doc）")
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// `bytes[offset..offset + length]`, if it lies inside.
fn slice(bytes: &[u8], (offset, length): (u32, u32)) -> Option<&[u8]> {
    let start = offset as usize;
    bytes.get(start..start.checked_add(length as usize)?)
}

// ---- The FIB ------------------------------------------------------------------------------

struct Fib {
    n_fib: u16,
    encrypted: bool,
    /// The piece table and the paragraph properties are in `1Table` (else `0Table`).
    which_table: bool,
    /// Characters of the main document (the footnotes, headers … follow it).
    main_text_length: usize,
    /// (offset, length) in the table stream.
    clx: (u32, u32),
    papx_bins: (u32, u32),
}

impl Fib {
    fn parse(word: &[u8]) -> Option<Fib> {
        if u16_at(word, 0)? != 0xA5EC {
            return None;
        }
        let n_fib = u16_at(word, 2)?;
        let flags = u16_at(word, 0x0A)?;
        let mut at = 32;
        let csw = u16_at(word, at)? as usize;
        at += 2 + csw * 2;
        let cslw = u16_at(word, at)? as usize;
        let lw = at + 2;
        let main_text_length = u32_at(word, lw + 3 * 4)? as usize;
        at = lw + cslw * 4;
        let pairs = u16_at(word, at)? as usize;
        let blob = at + 2;
        let pair = |index: usize| -> Option<(u32, u32)> {
            if index >= pairs {
                return None;
            }
            Some((u32_at(word, blob + index * 8)?, u32_at(word, blob + index * 8 + 4)?))
        };
        Some(Fib {
            n_fib,
            encrypted: flags & 0x0100 != 0,
            which_table: flags & 0x0200 != 0,
            main_text_length,
            clx: pair(33)?,
            papx_bins: pair(13).unwrap_or((0, 0)),
        })
    }
}

// ---- The piece table ----------------------------------------------------------------------

struct Piece {
    /// Character positions [start, end) of the document.
    start: u32,
    end: u32,
    /// Byte offset of the piece's text in the WordDocument stream.
    offset: u32,
    /// One byte per character (Windows-1252) rather than UTF-16.
    compressed: bool,
}

struct Pieces(Vec<Piece>);

impl Pieces {
    /// The CLX: property runs (skipped), then the piece table.
    fn parse(clx: &[u8]) -> Option<Pieces> {
        let mut at = 0;
        while *clx.get(at)? == 0x01 {
            let size = u16_at(clx, at + 1)? as usize;
            at += 3 + size;
        }
        if *clx.get(at)? != 0x02 {
            return None;
        }
        let length = u32_at(clx, at + 1)? as usize;
        let plc = clx.get(at + 5..(at + 5).checked_add(length)?)?;
        if length < 4 || !(length - 4).is_multiple_of(12) {
            return None;
        }
        let count = (length - 4) / 12;
        if count > MAX_PIECES {
            return None;
        }
        let mut pieces = Vec::with_capacity(count);
        for i in 0..count {
            let (start, end) = (u32_at(plc, i * 4)?, u32_at(plc, i * 4 + 4)?);
            if end < start {
                return None;
            }
            let descriptor = 4 * (count + 1) + i * 8;
            let fc = u32_at(plc, descriptor + 2)?;
            let compressed = fc & 0x4000_0000 != 0;
            let offset = if compressed { (fc & 0x3FFF_FFFF) / 2 } else { fc };
            pieces.push(Piece { start, end, offset, compressed });
        }
        Some(Pieces(pieces))
    }

    /// The first `length` characters of the document, each with the byte offset (FC) it has
    /// in the WordDocument stream. Pieces that point outside the stream are left out.
    fn text(&self, word: &[u8], length: usize) -> Vec<(char, u32)> {
        let mut out = Vec::new();
        for piece in &self.0 {
            let start = piece.start as usize;
            if start >= length {
                break;
            }
            let count = (piece.end as usize).min(length) - start;
            let width = if piece.compressed { 1 } else { 2 };
            let Some(bytes) = word.get(piece.offset as usize..).and_then(|b| b.get(..count * width)) else { continue };
            if piece.compressed {
                out.extend(bytes.iter().enumerate().map(|(i, b)| (windows_1252(*b), piece.offset + i as u32)));
            } else {
                let units = bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]]));
                let mut fc = piece.offset;
                for unit in char::decode_utf16(units) {
                    let c = unit.unwrap_or(char::REPLACEMENT_CHARACTER);
                    out.push((c, fc));
                    fc += 2 * c.len_utf16() as u32;
                }
            }
        }
        out
    }
}

/// A byte of an 8-bit piece: Windows-1252, whose 0x80–0x9F differ from Latin-1.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•',
        '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

// ---- Paragraph properties: which paragraphs are in a table, which mark ends a row ------------

struct ParagraphProperties<'a> {
    word: &'a [u8],
    /// The `Data` stream, where huge PAPXs are kept.
    data: &'a [u8],
    /// The PlcBtePapx: FC boundaries and the FKP page of each range.
    bins: &'a [u8],
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct InTable {
    in_table: bool,
    row_end: bool,
}

impl ParagraphProperties<'_> {
    /// The table properties of the paragraph whose mark is at byte `fc` of the WordDocument stream.
    fn at(&self, fc: u32) -> Option<InTable> {
        let count = self.bins.len().checked_sub(4)? / 8;
        let boundary = |i: usize| u32_at(self.bins, i * 4);
        // The bin whose range [boundary(i), boundary(i + 1)) holds fc.
        let (mut low, mut high) = (0, count);
        while low < high {
            let middle = (low + high) / 2;
            if boundary(middle + 1)? <= fc {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if low >= count || boundary(low)? > fc {
            return None;
        }
        let page = (u32_at(self.bins, 4 * (count + 1) + low * 4)? & 0x003F_FFFF) as usize;
        let fkp = self.word.get(page * 512..page * 512 + 512)?;
        let runs = fkp[511] as usize;
        let run = (0..runs).find(|i| u32_at(fkp, i * 4).is_some_and(|s| s <= fc) && u32_at(fkp, (i + 1) * 4).is_some_and(|e| fc < e))?;
        let papx = *fkp.get(4 * (runs + 1) + run * 13)? as usize * 2;
        if papx == 0 {
            return Some(InTable::default());
        }
        let cb = *fkp.get(papx)? as usize;
        let (start, length) = if cb == 0 { (papx + 2, 2 * *fkp.get(papx + 1)? as usize) } else { (papx + 1, 2 * cb - 1) };
        let grpprl = fkp.get(start + 2..(start + length).min(512))?;
        // sprmPHugePapx: a large PAPX (a row end with its table definition) lies in the Data stream.
        if let (Some(0x6646), Some(offset)) = (u16_at(grpprl, 0), u32_at(grpprl, 2)) {
            let offset = offset as usize;
            let size = u16_at(self.data, offset)? as usize;
            return Some(table_sprms(self.data.get(offset + 2..offset + 2 + size)?));
        }
        Some(table_sprms(grpprl))
    }
}

/// sprmPFInTable (0x2416), sprmPFTtp (0x2417); in nested tables the inner marks
/// (sprmPFInnerTtp 0x244C) end rows of the inner table, whose text joins the outer cell.
fn table_sprms(grpprl: &[u8]) -> InTable {
    let mut found = InTable::default();
    let mut at = 0;
    let mut depth = 1;
    while let Some(sprm) = u16_at(grpprl, at) {
        at += 2;
        let operand = grpprl.get(at).copied().unwrap_or(0);
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ if sprm == 0xD608 => u16_at(grpprl, at).map_or(0, |s| s as usize + 1),
            _ => operand as usize + 1,
        };
        match sprm {
            0x2416 => found.in_table = operand != 0,
            0x2417 => found.row_end = operand != 0,
            0x6649 => depth = u32_at(grpprl, at).unwrap_or(1),
            _ => {}
        }
        at += size;
    }
    if depth > 1 {
        // A mark of a nested table: its cells and rows are lines of the outer cell.
        found.row_end = false;
    }
    found
}

// ---- From characters to blocks ------------------------------------------------------------

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    paragraph: String,
    /// Paragraphs of the cell being read.
    cell: Vec<String>,
    row: Vec<String>,
    rows: Vec<Vec<String>>,
    paragraphs_seen: u32,
    tables_seen: u32,
}

impl Builder {
    fn paragraph_end(&mut self, properties: InTable) {
        let text = std::mem::take(&mut self.paragraph);
        if properties.in_table {
            self.cell.push(text);
            return;
        }
        self.table_end();
        self.paragraphs_seen += 1;
        self.blocks.push(Block::paragraph(text, SourcePos::Paragraph { paragraph: self.paragraphs_seen }));
    }

    fn cell_end(&mut self, properties: InTable) {
        let text = std::mem::take(&mut self.paragraph);
        if properties.row_end {
            // The row-end mark is a paragraph of its own, with no text.
            self.cell.clear();
            self.rows.push(std::mem::take(&mut self.row));
            return;
        }
        self.cell.push(text);
        self.row.push(std::mem::take(&mut self.cell).join("\n"));
    }

    fn table_end(&mut self) {
        if !self.row.is_empty() {
            self.rows.push(std::mem::take(&mut self.row));
        }
        if !self.rows.is_empty() {
            self.tables_seen += 1;
            self.blocks.push(Block::Table(Table::numbered(self.tables_seen, std::mem::take(&mut self.rows))));
        }
    }
}

fn build(characters: &[(char, u32)], properties: &ParagraphProperties) -> Vec<Block> {
    let mut builder = Builder::default();
    // Open fields: whether each is past its separator (showing its result).
    let mut fields: Vec<bool> = Vec::new();
    let mut previous_mark = false;
    for &(c, fc) in characters {
        let in_code = fields.last().is_some_and(|shown| !shown);
        match c {
            '\u{13}' => fields.push(false),
            '\u{14}' => {
                if let Some(shown) = fields.last_mut() {
                    *shown = true;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if in_code => {}
            '\r' | '\u{c}' | '\u{e}' => builder.paragraph_end(properties.at(fc).unwrap_or_default()),
            '\u{7}' => {
                // Without readable properties: a mark right after a cell mark ends the row.
                let found = properties.at(fc).unwrap_or(InTable { in_table: true, row_end: previous_mark });
                builder.cell_end(found);
            }
            '\u{b}' => builder.paragraph.push('\n'),
            '\t' => builder.paragraph.push(' '),
            '\u{1e}' => builder.paragraph.push('-'),
            c if (c as u32) < 0x20 => {}
            c => builder.paragraph.push(c),
        }
        previous_mark = c == '\u{7}';
    }
    if !builder.paragraph.is_empty() {
        builder.paragraph_end(InTable::default());
    }
    builder.table_end();
    builder.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_marks_and_fields() {
        let none = ParagraphProperties { word: &[], data: &[], bins: &[] };
        let text: Vec<(char, u32)> = "前\r\u{13} PAGE \u{14}5\u{15}件\r自\r然\u{7}1\u{7}\u{7}".chars().map(|c| (c, 0)).collect();
        let blocks = build(&text, &none);
        assert_eq!(blocks[1], Block::paragraph("5件", SourcePos::Paragraph { paragraph: 2 }));
        // Without properties the first paragraph of a cell is taken as a paragraph of its own.
        let Block::Table(t) = &blocks[3] else { panic!("{blocks:?}") };
        assert_eq!(t.rows[0].iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["然", "1"]);
    }

    #[test]
    fn sprms_say_where_tables_are() {
        assert_eq!(table_sprms(&[0x16, 0x24, 1, 0x17, 0x24, 1]), InTable { in_table: true, row_end: true });
        assert_eq!(table_sprms(&[0x16, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0, 0x17, 0x24, 1]), InTable { in_table: true, row_end: false });
        assert_eq!(windows_1252(0x93), '“');
    }
}

