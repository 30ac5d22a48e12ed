//! PDF with a text layer, as WPS, Word and LibreOffice export it.
//!
//! `lopdf` reads the objects (xref, repair of a broken xref, decryption of documents that have
//! only an owner password, bounded decompression). On top of it, only what positioned text
//! needs: [`content`] runs the text and path operators of each page, [`fonts`] turns codes
//! into text and widths, [`lines`] rebuilds lines, [`grid`] rebuilds tables from their drawn
//! borders, and [`layout`] puts it together: page headers and footers dropped, paragraphs
//! rebuilt from their indents, a table continued on the next page joined to its first part.
//! The result is the same [`Block`]s the other readers produce, each cell with its page and line.

mod content;
mod fonts;
mod grid;
mod layout;
mod lines;
mod objects;

use super::document::{Block, Cell, Paragraph, SourcePos, Table};
use super::ImportError;

use layout::Item;

/// Largest PDF accepted.
pub const MAX_PDF_BYTES: usize = 64 * 1024 * 1024;
/// Most pages read (a report has a handful to a few dozen).
pub const MAX_PAGES: usize = 100;

/// What one import may spend, so that a hostile file stays within about a second and 64 MB.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest single stream decompressed (object streams, page contents, fonts' CMaps).
    pub stream_bytes: usize,
    /// Total of page and form contents decompressed over the document.
    pub content_bytes: usize,
    /// Content-stream operators run over the document.
    pub operations: usize,
    /// Characters kept over the document.
    pub glyphs: usize,
    /// Rules drawn on one page.
    pub rules: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { stream_bytes: 8 << 20, content_bytes: 16 << 20, operations: 1_000_000, glyphs: 400_000, rules: 50_000 }
    }
}

/// An axis-aligned box on the page, in points from the top-left corner (y downward).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn around(points: &[(f64, f64)]) -> Rect {
        let mut r = Rect { x0: f64::INFINITY, y0: f64::INFINITY, x1: f64::NEG_INFINITY, y1: f64::NEG_INFINITY };
        for &(x, y) in points {
            r.x0 = r.x0.min(x);
            r.y0 = r.y0.min(y);
            r.x1 = r.x1.max(x);
            r.y1 = r.y1.max(y);
        }
        r
    }

    pub fn union(self, o: Rect) -> Rect {
        Rect { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// Reads a PDF into paragraphs and tables with their pages and lines.
pub fn read_items(bytes: &[u8]) -> Result<Vec<Item>, ImportError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(ImportError::new(format!(
            "PDF 文件过大（{:.1} MB），超过了 {} MB 的上限。年度报告的 PDF 通常不到 5 MB，请确认选择的文件是否正确",
            bytes.len() as f64 / 1048576.0,
            MAX_PDF_BYTES >> 20
        )));
    }
    let limits = Limits::default();
    let doc = objects::load(bytes, &limits)?;
    layout::read(&doc, &limits)
}

/// Reads a PDF into the blocks the assembler and the table mapper take.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    Ok(read_items(bytes)?.into_iter().map(to_block).collect())
}

/// The one place where the PDF's items become the readers' common blocks.
fn to_block(item: Item) -> Block {
    match item {
        Item::Paragraph(p) => Block::Paragraph(Paragraph { text: p.text, at: at(p.page, p.line) }),
        Item::Table(t) => Block::Table(Table {
            rows: t.rows.into_iter().map(|row| row.into_iter().map(|c| Cell { text: c.text, at: at(c.page, c.line) }).collect()).collect(),
        }),
    }
}

fn at(page: usize, line: usize) -> SourcePos {
    SourcePos::Page { page: page as u32, line: line as u32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the time goes: `XXGK_PDF=file.pdf cargo test --release --lib pdf::tests::phases -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn phases() {
        let bytes = std::fs::read(std::env::var("XXGK_PDF").expect("XXGK_PDF")).unwrap();
        let limits = Limits::default();
        for _ in 0..3 {
            let t = std::time::Instant::now();
            let doc = objects::load(&bytes, &limits).unwrap();
            let loaded = t.elapsed();
            let mut interpreter = content::Interpreter::new(&doc, &limits);
            let pages: Vec<_> = objects::pages(&doc).unwrap().into_iter().map(|id| interpreter.page(id).unwrap()).collect();
            let interpreted = t.elapsed();
            let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
            let items = layout::read(&doc, &limits).unwrap();
            let all = t.elapsed();
            eprintln!("load {loaded:?}, content {:?} ({glyphs} glyphs), load+content+layout {:?} ({} items)", interpreted - loaded, all - interpreted, items.len());
        }
    }

    /// `XXGK_PDF=file.pdf cargo test --lib pdf::tests::dump -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn dump() {
        let path = std::env::var("XXGK_PDF").expect("XXGK_PDF");
        let bytes = std::fs::read(path).unwrap();
        let started = std::time::Instant::now();
        let items = read_items(&bytes);
        eprintln!("{:?}", started.elapsed());
        if std::env::var("XXGK_PDF_GRIDS").is_ok() {
            let limits = Limits::default();
            let doc = objects::load(&bytes, &limits).unwrap();
            let mut interpreter = content::Interpreter::new(&doc, &limits);
            for (n, id) in objects::pages(&doc).unwrap().into_iter().enumerate() {
                let page = interpreter.page(id).unwrap();
                for g in grid::grids(&page.rules) {
                    println!("page {} grid xs {:?}\n  ys {:?}", n + 1, g.xs, g.ys);
                }
                let mut v: Vec<String> = page.rules.iter().filter(|r| !r.horizontal).map(|r| format!("{:.1}:{:.0}-{:.0}", r.at, r.from, r.to)).collect();
                v.sort();
                println!("page {} vertical rules {}", n + 1, v.join(" "));
            }
        }
        for item in items.unwrap() {
            match item {
                Item::Paragraph(p) => println!("P{}:{} {}", p.page, p.line, p.text),
                Item::Table(t) => {
                    println!("TABLE pages {:?}", t.pages);
                    for row in t.rows {
                        let cells: Vec<String> = row.iter().map(|c| format!("{}@{}:{}", if c.continued { "^".to_string() } else { c.text.clone() }, c.page, c.line)).collect();
                        println!("  | {}", cells.join(" | "));
                    }
                }
            }
        }
    }
}
