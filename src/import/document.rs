//! What every reader produces: the document as paragraphs and tables, in order, each piece
//! with the place it was read ([`SourcePos`]).

pub use crate::model::SourcePos;

/// A paragraph or a table of the source document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A paragraph outside tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub at: SourcePos,
}

/// A table as rows of cells. A merged cell appears once (in the first row it covers); the
/// cells it covers in later rows are empty, as word processors extract them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a table: its text (paragraphs joined by line breaks) and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub at: SourcePos,
}

impl Block {
    pub fn paragraph(text: impl Into<String>, at: SourcePos) -> Block {
        Block::Paragraph(Paragraph { text: text.into(), at })
    }
}

impl Table {
    /// A table of a .docx, .doc or HTML document (the `table`-th one) from its rows of texts:
    /// each cell's position is its table, row and place in the row.
    pub fn numbered(table: u32, rows: Vec<Vec<String>>) -> Table {
        let rows = rows
            .into_iter()
            .zip(1..)
            .map(|(row, r)| {
                row.into_iter()
                    .zip(1..)
                    .map(|(text, column)| Cell { text, at: SourcePos::Cell { table, row: r, column } })
                    .collect()
            })
            .collect();
        Table { rows }
    }
}

/// Removes the `[bookmark: _GoBack]` markers that some text extractors leave behind.
pub fn strip_bookmarks(text: &str) -> String {
    const MARK: &str = "[bookmark:";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(MARK) {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Trims a paragraph, including the full-width spaces Word users indent with.
pub fn trim_paragraph(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmarks_leave_no_residue() {
        assert_eq!(strip_bookmarks("[bookmark: _GoBack]2024年"), "2024年");
        assert_eq!(strip_bookmarks("a[bookmark: x]b[bookmark: y]c"), "abc");
        assert_eq!(strip_bookmarks("[bookmark: unclosed"), "[bookmark: unclosed");
        assert_eq!(trim_paragraph("\u{3000}\u{3000}正文。 "), "正文。");
    }
}
