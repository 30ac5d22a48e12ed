//! The pages as a reader takes them in: tables where borders are drawn, lines of text
//! elsewhere, page numbers and running headers dropped, lines joined into paragraphs by their
//! indents and the right margin, and a table that runs over a page break read as one table.

use std::collections::HashMap;

use lopdf::Document;

use super::content::{Glyph, Interpreter, RawPage};
use super::grid::{self, Grid};
use super::lines::{self, Line};
use super::{objects, Limits, Rect};
use crate::import::ImportError;

/// A paragraph of running text, with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfParagraph {
    pub text: String,
    /// 1 for the first page.
    pub page: usize,
    /// The line on that page, counting the text lines from the top (1 for the first).
    pub line: usize,
}

/// One entry of a table row, as word processors list a row's cells: a merged cell appears in
/// the first row it covers; in the rows below it is an empty entry (`continued`).
#[derive(Debug, Clone, PartialEq)]
pub struct PdfCell {
    pub text: String,
    pub page: usize,
    pub line: usize,
    /// 1-based row of the table (over all its pages) and entry in that row.
    pub row: usize,
    pub col: usize,
    pub continued: bool,
    /// Left and right edge on the page, to match the cells of a table's parts on two pages.
    pub x: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct PdfTable {
    pub rows: Vec<Vec<PdfCell>>,
    /// First and last page the table is on.
    pub pages: (usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Paragraph(PdfParagraph),
    Table(PdfTable),
}

/// A page's text lines outside tables, and its tables, each with its top.
struct PageLayout {
    number: usize,
    height: f64,
    lines: Vec<(Line, usize)>,
    tables: Vec<(Rect, PdfTable)>,
}

pub fn read(doc: &Document, limits: &Limits) -> Result<Vec<Item>, ImportError> {
    let ids = objects::pages(doc)?;
    let mut interpreter = Interpreter::new(doc, limits);
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        pages.push(interpreter.page(id)?);
    }
    check_text_layer(&pages)?;
    let mut laid: Vec<PageLayout> = pages.into_iter().enumerate().map(|(i, page)| lay_out(page, i + 1)).collect();
    drop_headers_and_footers(&mut laid);
    Ok(flow(laid))
}

fn check_text_layer(pages: &[RawPage]) -> Result<(), ImportError> {
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    let unreadable: usize = pages.iter().map(|p| p.unreadable).sum();
    if glyphs > 0 && unreadable <= glyphs {
        return Ok(());
    }
    let scanned = pages.iter().filter(|p| p.image_area >= 0.3 * p.width * p.height).count();
    if glyphs == 0 && scanned > 0 {
        return Err(ImportError::new(format!(
            "这份 PDF 是扫描件或图片（{} 页中 {} 页是整页图片，没有文字层），无法读取其中的文字和表格。本工具不做文字识别（OCR）：\
             请导入报告的 Word 文档（.docx）或由 WPS、Word 直接导出的 PDF，或先用带文字识别（OCR）功能的软件转换",
            pages.len(),
            scanned
        )));
    }
    if unreadable > 0 {
        return Err(ImportError::new(
            "PDF 中的文字使用了无法解码的字体编码（字体没有 ToUnicode 映射），无法提取文字。请导入报告的 Word 文档（.docx），\
             或用 WPS、Word 重新导出 PDF 后再导入",
        ));
    }
    Err(ImportError::new("PDF 中没有任何文字（可能是空白页或只有图形），没有可导入的内容。请确认选择的是年度报告的 PDF"))
}

/// Centres of the page's text lines, top to bottom, to number lines as a reader counts them.
struct LineNumbers(Vec<f64>);

impl LineNumbers {
    fn of(&self, y: f64) -> usize {
        self.0.partition_point(|c| *c < y - 1.0) + 1
    }
}

fn lay_out(page: RawPage, number: usize) -> PageLayout {
    let grids = grid::grids(&page.rules);
    let numbers = LineNumbers(
        lines::lines(page.glyphs.iter().filter(|g| !g.vertical).copied().collect()).iter().map(|l| (l.rect.y0 + l.rect.y1) / 2.0).collect(),
    );
    let mut in_cells: Vec<Vec<Vec<Glyph>>> = grids.iter().map(|g| vec![Vec::new(); g.cells.len()]).collect();
    let mut outside: Vec<Glyph> = Vec::new();
    for glyph in page.glyphs {
        let (cx, cy) = ((glyph.rect.x0 + glyph.rect.x1) / 2.0, (glyph.rect.y0 + glyph.rect.y1) / 2.0);
        match grids.iter().enumerate().find_map(|(t, g)| g.cell_index(cx, cy).map(|c| (t, c))) {
            Some((t, c)) => in_cells[t][c].push(glyph),
            None => outside.push(glyph),
        }
    }
    let tables = grids.iter().zip(in_cells).map(|(g, cells)| (g.rect(), table(g, cells, number, &numbers))).collect();
    let (vertical, horizontal): (Vec<Glyph>, Vec<Glyph>) = outside.into_iter().partition(|g| g.vertical);
    let mut text_lines = lines::lines(horizontal);
    text_lines.extend(lines::columns(vertical));
    text_lines.sort_by(|a, b| a.rect.y0.total_cmp(&b.rect.y0));
    let lines = text_lines.into_iter().map(|l| {
        let n = numbers.of((l.rect.y0 + l.rect.y1) / 2.0);
        (l, n)
    });
    PageLayout { number, height: page.height, lines: lines.collect(), tables }
}

fn table(grid: &Grid, cells: Vec<Vec<Glyph>>, page: usize, numbers: &LineNumbers) -> PdfTable {
    let firsts: Vec<Option<f64>> = cells.iter().map(|g| g.iter().map(|g| (g.rect.y0 + g.rect.y1) / 2.0).reduce(f64::min)).collect();
    let texts: Vec<String> = cells.into_iter().map(lines::cell_text).collect();
    let mut rows: Vec<Vec<PdfCell>> = Vec::new();
    for r in 0..grid.rows() {
        let mut row = Vec::new();
        for c in 0..grid.xs.len() - 1 {
            let index = grid.index_at(r, c);
            let cell = &grid.cells[index];
            if cell.col != c {
                continue;
            }
            let continued = cell.row != r;
            let top = if continued { grid.ys[r] } else { cell.rect.y0 };
            let line = match firsts[index] {
                Some(y) if !continued => numbers.of(y),
                _ => numbers.of(top),
            };
            let text = if continued { String::new() } else { texts[index].clone() };
            row.push(PdfCell { text, page, line, row: 0, col: row.len() + 1, continued, x: (cell.rect.x0, cell.rect.x1) });
        }
        // A grid row that only continues cells from above (a border offset in one column) adds nothing.
        if row.iter().all(|c| c.continued) {
            continue;
        }
        rows.push(row);
    }
    PdfTable { rows, pages: (page, page) }
}

/// Page numbers (「- 2 -」「第 2 页 共 5 页」) and lines repeated at the top or bottom of most pages.
fn drop_headers_and_footers(pages: &mut [PageLayout]) {
    let in_margin = |page: &PageLayout, line: &Line| line.rect.y1 < 0.09 * page.height || line.rect.y0 > 0.90 * page.height;
    let key = |line: &Line| line.text().chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect::<String>();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut keys: Vec<String> = page.lines.iter().filter(|(l, _)| in_margin(page, l)).map(|(l, _)| key(l)).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let count = pages.len();
    let repeated = |k: &str| count >= 3 && seen.get(k).copied().unwrap_or(0) * 2 >= count;
    for page in pages.iter_mut() {
        let keep: Vec<bool> = page.lines.iter().map(|(l, _)| !(in_margin(page, l) && (is_page_number(&l.text()) || repeated(&key(l))))).collect();
        let mut flags = keep.into_iter();
        page.lines.retain(|_| flags.next().unwrap_or(true));
    }
}

fn is_page_number(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.chars().count() > 14 {
        return false;
    }
    let rest: String = compact.chars().filter(|c| !"-－—–_第页共/|·.()（）<>PpAaGgEe".contains(*c)).collect();
    !rest.is_empty() && rest.len() <= 8 && rest.chars().all(|c| c.is_ascii_digit())
}

/// Where the running text starts and ends on most lines.
struct Margins {
    left: f64,
    right: f64,
}

fn margins(pages: &[PageLayout]) -> Margins {
    let mut starts: HashMap<i64, usize> = HashMap::new();
    let mut ends: Vec<f64> = Vec::new();
    for (line, _) in pages.iter().flat_map(|p| &p.lines) {
        if line.glyphs.len() >= 8 {
            *starts.entry(line.rect.x0.round() as i64).or_default() += 1;
            ends.push(line.rect.x1);
        }
    }
    let left = starts.into_iter().max_by_key(|(x, n)| (*n, -x)).map_or(0.0, |(x, _)| x as f64);
    ends.sort_by(f64::total_cmp);
    let right = ends.get(ends.len() * 9 / 10).copied().unwrap_or(f64::INFINITY);
    Margins { left, right }
}

/// Pages into paragraphs and tables, in reading order.
fn flow(pages: Vec<PageLayout>) -> Vec<Item> {
    let margins = margins(&pages);
    let mut items: Vec<Item> = Vec::new();
    // The last line of the paragraph being built, and where it is.
    let mut open: Option<(Line, Vec<Line>, usize, usize)> = None;
    let mut last_table_rect: Option<Rect> = None;
    for page in pages {
        let mut entries: Vec<(f64, Entry)> = page.lines.into_iter().map(|(l, n)| (l.rect.y0, Entry::Line(l, n))).collect();
        entries.extend(page.tables.into_iter().map(|(rect, t)| (rect.y0, Entry::Table(rect, t))));
        entries.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (_, entry) in entries {
            match entry {
                Entry::Line(line, number) => {
                    last_table_rect = None;
                    let continues = open.as_ref().is_some_and(|(last, _, p, _)| continues(last, &line, *p == page.number, &margins));
                    if continues {
                        let (_, mut lines, p, n) = open.take().unwrap_or_else(|| unreachable!());
                        lines.push(line.clone());
                        open = Some((line, lines, p, n));
                    } else {
                        close(&mut open, &mut items);
                        open = Some((line.clone(), vec![line], page.number, number));
                    }
                }
                Entry::Table(rect, table) => {
                    close(&mut open, &mut items);
                    let joins = last_table_rect.is_some_and(|last| (last.x0 - rect.x0).abs() <= 3.0 && (last.x1 - rect.x1).abs() <= 3.0);
                    match items.last_mut() {
                        Some(Item::Table(previous)) if joins && previous.pages.1 + 1 == page.number => append(previous, table),
                        _ => items.push(Item::Table(numbered(table))),
                    }
                    last_table_rect = Some(rect);
                }
            }
        }
        // Only a table that ends its page can continue on the next.
        if open.is_some() {
            last_table_rect = None;
        }
    }
    close(&mut open, &mut items);
    items
}

enum Entry {
    Line(Line, usize),
    Table(Rect, PdfTable),
}

fn continues(last: &Line, next: &Line, same_page: bool, margins: &Margins) -> bool {
    let em = last.size.max(1.0);
    // The line ends where the next one's first word would not have fitted.
    let first_word = match next.glyphs.first() {
        Some(g) if !lines::is_cjk(g.ch) => next.glyphs.iter().take_while(|g| !lines::is_cjk(g.ch) && !g.space_before).map(|g| g.rect.x1).last().unwrap_or(g.rect.x1) - g.rect.x0,
        Some(g) => g.rect.width(),
        None => 0.0,
    };
    let full = margins.right - last.rect.x1 < first_word + 0.6 * em;
    let flush_left = next.rect.x0 <= margins.left + 0.5 * em;
    let same_size = (last.size - next.size).abs() <= 0.2 * em;
    let close_below = !same_page || (next.rect.y0 - last.rect.y1 <= 1.2 * em && next.rect.y0 > last.rect.y0);
    full && flush_left && same_size && close_below
}

fn close(open: &mut Option<(Line, Vec<Line>, usize, usize)>, items: &mut Vec<Item>) {
    if let Some((_, lines, page, line)) = open.take() {
        let text = lines::join(&lines);
        if !text.trim().is_empty() {
            items.push(Item::Paragraph(PdfParagraph { text, page, line }));
        }
    }
}

fn numbered(mut table: PdfTable) -> PdfTable {
    for (r, row) in table.rows.iter_mut().enumerate() {
        for cell in row {
            cell.row = r + 1;
        }
    }
    table
}

/// Joins the part of a table on the next page to its first part. When the page break split a
/// row (its label goes on, its numbers are all above), the first row below the break is the
/// rest of the last row above it, and its texts join the cells they continue.
fn append(first: &mut PdfTable, next: PdfTable) {
    let mut rows = next.rows.into_iter().peekable();
    if let (Some(last), Some(head)) = (first.rows.last(), rows.peek()) {
        if splits_row(last, head) {
            let head = rows.next().unwrap_or_default();
            for cell in head.into_iter().filter(|c| !c.text.is_empty()) {
                if let Some(target) = origin(&mut first.rows, cell.x) {
                    let joined = match (target.text.chars().last(), cell.text.chars().next()) {
                        (Some(a), Some(b)) if lines::joins_with_space(a, b) => format!("{} {}", target.text, cell.text),
                        _ => format!("{}{}", target.text, cell.text),
                    };
                    target.text = joined;
                }
            }
        }
    }
    let offset = first.rows.len();
    for (r, mut row) in rows.enumerate() {
        for cell in &mut row {
            cell.row = offset + r + 1;
        }
        first.rows.push(row);
    }
    first.pages.1 = next.pages.1;
}

fn same_column(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() <= 2.0 && (a.1 - b.1).abs() <= 2.0
}

fn is_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit()) && !text.chars().any(lines::is_cjk)
}

/// `head`, the first row after a page break, only finishes the texts of `last`.
fn splits_row(last: &[PdfCell], head: &[PdfCell]) -> bool {
    last.len() == head.len()
        && last.iter().zip(head).all(|(a, b)| same_column(a.x, b.x))
        && head.iter().any(|c| !c.text.is_empty())
        && !head.iter().any(|c| is_number(&c.text))
        && last.iter().zip(head).all(|(a, b)| b.text.is_empty() || (a.continued || (!a.text.is_empty() && !is_number(&a.text))))
        && last.iter().zip(head).all(|(a, b)| !is_number(&a.text) || b.text.is_empty())
}

/// The cell of the last row at `x`, or the merged cell above that it continues.
fn origin(rows: &mut [Vec<PdfCell>], x: (f64, f64)) -> Option<&mut PdfCell> {
    let mut r = rows.len().checked_sub(1)?;
    loop {
        let i = rows[r].iter().position(|c| same_column(c.x, x))?;
        if !rows[r][i].continued || r == 0 {
            return rows[r].get_mut(i);
        }
        r -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for yes in ["- 2 -", "-1-", "第 3 页", "第2页 共5页", "2/5", "— 12 —"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2024年", "一、总体情况", "", "（一）"] {
            assert!(!is_page_number(no), "{no}");
        }
    }
}
