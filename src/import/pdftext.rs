//! Text taken from a PDF: copied from a PDF viewer, or written by poppler's `pdftotext` with
//! or without `-layout`. Lines are the PDF's lines, not paragraphs; a table row is its label
//! followed by its numbers on one line (`-layout`), or the label and then one number per line
//! (without it); the PDF's spacing puts spaces between numbers and 年/月/日 (「自 2024 年 1 月」)
//! and sometimes inside words (「只计这一情 形」); page numbers (「-3-」) stand between pages.
//!
//! Under the headings of 二, 三 and 四 (which hold only tables) every line is table material:
//! rows are rebuilt from the numbers and the row labels before them (a label wrapped over two
//! lines is joined); lines of header fragments are left out, since a PDF's stacked header text
//! (「商业 / 企业」) cannot be read back reliably and the mapper then uses the official columns.
//! Elsewhere lines are joined into paragraphs. Chinese text loses the spaces the PDF put into it.

use super::assemble::heading_section;
use super::document::{Block, Cell, SourcePos, Table};
use super::tables::{only_row_label, row_label};

/// Whether text (no tab-separated cells, the mark of Word's text export) reads as text from
/// a PDF: page breaks, page numbers, or lines of numbers after a label.
pub fn looks_like_pdf_text(text: &str) -> bool {
    if text.lines().any(|l| l.starts_with('\t')) {
        return false;
    }
    text.contains('\u{c}') || text.lines().filter(|l| is_page_number(l)).count() >= 2 || text.lines().filter(|l| numbers_at_end(l).1.len() >= 3).count() >= 3
}

pub fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_start_matches('\u{c}')).collect();
    let indented = lines.iter().filter(|l| indentation(l) >= 2).count() >= 3;
    let mut out = Vec::new();
    let mut section: Option<usize> = None;
    let mut paragraph: Option<(String, u32)> = None;
    let mut table = TableLines::default();
    for (i, raw) in lines.iter().enumerate() {
        let number = i as u32 + 1;
        if is_page_number(raw) || raw.trim().is_empty() {
            continue;
        }
        let line = compact(raw.trim());
        if let Some(s) = heading_section(&line).filter(|s| section.is_none_or(|cur| *s > cur)) {
            flush_paragraph(&mut paragraph, &mut out);
            table.finish(&mut out);
            out.push(Block::paragraph(line, SourcePos::Line { line: number }));
            section = Some(s);
            continue;
        }
        if matches!(section, Some(1..=3)) {
            // 四 has no row labels: its one row of values follows header fragments.
            table.labels = section != Some(3);
            table.line(raw.trim(), number);
            continue;
        }
        let starts_paragraph = match &paragraph {
            None => true,
            Some((previous, _)) if indented => indentation(raw) >= 2 || is_short_line(previous),
            Some((previous, _)) => previous.ends_with(['。', '！', '？', '：']) || is_short_line(previous),
        };
        if starts_paragraph {
            flush_paragraph(&mut paragraph, &mut out);
            paragraph = Some((line, number));
        } else if let Some((text, _)) = paragraph.as_mut() {
            join(text, &line);
        }
    }
    flush_paragraph(&mut paragraph, &mut out);
    table.finish(&mut out);
    out
}

fn flush_paragraph(paragraph: &mut Option<(String, u32)>, out: &mut Vec<Block>) {
    if let Some((text, line)) = paragraph.take() {
        out.push(Block::paragraph(text, SourcePos::Line { line }));
    }
}

/// A title line or a heading: it never runs on into the next line.
fn is_short_line(line: &str) -> bool {
    heading_section(line).is_some() || (line.contains("年度报告") && line.chars().count() <= 40)
}

fn join(text: &mut String, next: &str) {
    let ascii_words = text.chars().last().is_some_and(|c| c.is_ascii_alphanumeric()) && next.starts_with(|c: char| c.is_ascii_alphabetic());
    if ascii_words {
        text.push(' ');
    }
    text.push_str(next);
}

fn indentation(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ' || *c == '\u{3000}').map(|c| if c == ' ' { 1 } else { 2 }).sum()
}

/// 「-3-」, 「- 3 -」, 「— 3 —」, 「第 3 页」, 「第3页 共5页」.
fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let dashes = ['-', '－', '—', '–'];
    if let Some(inner) = t.strip_prefix(dashes).and_then(|r| r.strip_suffix(dashes)) {
        return !inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| c.is_ascii_digit());
    }
    let Some(rest) = t.strip_prefix('第') else { return false };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits <= 4 && rest[digits..].starts_with('页') && rest[digits..].chars().count() <= 6
}

/// Chinese text without the spaces a PDF put into it: a space next to a Chinese character or
/// punctuation mark goes; spaces between Latin words or numbers stay (one each).
pub fn compact(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            if before.is_some_and(|c| !is_wide(c)) && after.is_some_and(|c| !is_wide(c)) {
                out.push(' ');
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Chinese characters, CJK and full-width punctuation.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x2018..=0x201F)
}

/// A number or a placeholder of a table cell: 「95」, 「7545」, 「0.5」, 「1,234」, 「/」, 「—」.
fn is_value(token: &str) -> bool {
    let digits = token.chars().filter(char::is_ascii_digit).count();
    (digits > 0 && token.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')) || matches!(token, "/" | "／" | "—" | "-" | "无")
}

/// The line split where the trailing run of values begins: (label part, values).
fn numbers_at_end(line: &str) -> (&str, Vec<&str>) {
    let tokens: Vec<(usize, &str)> = line.split_whitespace().map(|t| (t.as_ptr() as usize - line.as_ptr() as usize, t)).collect();
    let first_value = tokens.iter().rposition(|(_, t)| !is_value(t)).map_or(0, |i| i + 1);
    let values: Vec<&str> = tokens[first_value..].iter().map(|(_, t)| *t).collect();
    let label_end = tokens.get(first_value).map_or(line.len(), |(at, _)| *at);
    (line[..label_end].trim_end(), values)
}

/// The lines of the tables of 二, 三 or 四, rebuilt into rows.
#[derive(Default)]
struct TableLines {
    rows: Vec<Vec<Cell>>,
    /// Lines without numbers since the last row: a wrapped row label, or header fragments.
    pending: Vec<(String, u32)>,
    /// Values on lines of their own (pdftotext without -layout): they join the row label before them.
    open_row: Option<Vec<Cell>>,
    /// The table has row labels (not 四).
    labels: bool,
}

impl TableLines {
    fn line(&mut self, line: &str, number: u32) {
        let (label, values) = numbers_at_end(line);
        if values.is_empty() {
            self.close_open_row();
            self.pending.push((line.to_string(), number));
            return;
        }
        let value_cells = values.iter().map(|v| Cell { text: v.to_string(), at: SourcePos::Line { line: number } });
        if label.is_empty() {
            if let Some(row) = self.open_row.as_mut() {
                row.extend(value_cells);
                return;
            }
            let mut row = self.label_from_pending();
            let one_per_line = values.len() == 1 && !row.is_empty();
            row.extend(value_cells);
            if one_per_line {
                self.open_row = Some(row);
            } else {
                self.rows.push(row);
            }
            return;
        }
        self.close_open_row();
        self.pending.clear();
        // Cells of the label part are separated by runs of spaces (「（四）无法提供   1.本机关…」).
        let mut row: Vec<Cell> = label
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| Cell { text: compact(c), at: SourcePos::Line { line: number } })
            .collect();
        row.extend(value_cells);
        self.rows.push(row);
    }

    /// The row label among the pending lines: the last two or three joined when together they
    /// are a label exactly (a label wrapped over lines), else the last line that is one alone
    /// (header fragments may stand between a label and its values).
    fn label_from_pending(&mut self) -> Vec<Cell> {
        let pending = std::mem::take(&mut self.pending);
        if !self.labels {
            return Vec::new();
        }
        for take in (2..=pending.len().min(3)).rev() {
            let lines = &pending[pending.len() - take..];
            let text: String = lines.iter().map(|(l, _)| compact(l)).collect();
            if row_label(&text) == Some(false) {
                return vec![Cell { text, at: SourcePos::Line { line: lines[0].1 } }];
            }
        }
        pending
            .iter()
            .rev()
            .map(|(l, at)| (compact(l), *at))
            .find(|(l, _)| only_row_label(l))
            .map(|(text, at)| vec![Cell { text, at: SourcePos::Line { line: at } }])
            .unwrap_or_default()
    }

    fn close_open_row(&mut self) {
        if let Some(row) = self.open_row.take() {
            self.rows.push(row);
        }
    }

    fn finish(&mut self, out: &mut Vec<Block>) {
        self.close_open_row();
        self.pending.clear();
        if !self.rows.is_empty() {
            out.push(Block::Table(Table { rows: std::mem::take(&mut self.rows) }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_spacing_is_taken_out_of_chinese_text() {
        assert_eq!(compact("自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止"), "自2024年1月1日起至2024年12月31日止");
        assert_eq!(compact("只计这一情 形，不"), "只计这一情形，不");
        assert_eq!(compact("WPS 文字 (Jisupdf  Editor)"), "WPS文字(Jisupdf Editor)");
        assert!(is_page_number("                 -3-") && is_page_number("- 12 -") && is_page_number("第 2 页"));
        assert!(!is_page_number("-") && !is_page_number("95"));
    }

    #[test]
    fn rows_with_and_without_layout() {
        let layout = "二、主动公开政府信息情况\n规章               0          0       0\n三、收到和处理政府信息公开申请情况\n\
                      （二）部分公开（区分处理的，只计这一情 形，不\n计其他情形）\n   9    0   0   0   0   0   9\n\
                      （四）无法提供   1.本机关不掌握相关政府信息   31    0  0  0  0  0  31";
        let blocks = blocks(layout);
        let Block::Table(t) = &blocks[1] else { panic!("{blocks:?}") };
        assert_eq!(t.rows[0].iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["规章", "0", "0", "0"]);
        let Block::Table(t) = &blocks[3] else { panic!("{blocks:?}") };
        assert_eq!(t.rows[0][0].text, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        assert_eq!(t.rows[0].len(), 8);
        assert_eq!(t.rows[1][1].text, "1.本机关不掌握相关政府信息");
        let raw = "二、主动公开政府信息情况\n规章\n\n0\n\n0\n\n0\n\n行政规范性文件\n3\n0\n8\n";
        let blocks = super::blocks(raw);
        let Block::Table(t) = &blocks[1] else { panic!("{blocks:?}") };
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["行政规范性文件", "3", "0", "8"]);
        assert_eq!(t.rows[1][3].at, SourcePos::Line { line: 13 });
    }
}
