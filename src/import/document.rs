//! What both readers produce: the document as paragraphs and tables, in order.

/// A paragraph or a table of the source document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Table(Table),
}

/// A table as rows of cell texts. A merged cell appears once (in the first row it covers);
/// the cells it covers in later rows are empty strings, as word processors extract them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
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
