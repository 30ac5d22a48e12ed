//! The report as the sequence of blocks that a document shows, in the order of the format.

use crate::model::{layouts, Report, ReportDate, TableLayout, TextField};

/// One block of the exported document.
#[derive(Debug, Clone)]
pub(crate) enum Block<'a> {
    /// 「<机关名称><年份>年政府信息公开工作年度报告」.
    Title(String),
    /// A section heading: 「一、总体情况」 ….
    Heading(String),
    /// A line of prose that reads as a sub-heading: 「（一）存在的不足」, 「（1） 组织推动……」.
    SubHeading(&'a str),
    /// One line of prose as typed (may be empty).
    Paragraph(&'a str),
    Table(&'static TableLayout),
    /// The end of a 公文 without a seal (GB/T 9704-2012, 7.3.5.2): the agency's name
    /// (发文机关署名) one line below the text, and the 成文日期 under it.
    Signature(Signature<'a>),
}

/// 发文机关署名 and 成文日期 (GB/T 9704-2012, 7.3.5.2): the name two characters from the right
/// margin, the date on the next line with its first character two characters right of the
/// name's first character; when the date is the longer line, the date two characters from the
/// right margin and the name moved left to match. Widths in half characters (a digit is half as
/// wide as a Chinese character).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Signature<'a> {
    pub name: &'a str,
    pub date: String,
    pub name_width: usize,
    pub date_width: usize,
}

impl<'a> Signature<'a> {
    /// Two characters, in half characters.
    pub const INDENT: usize = 4;

    fn new(name: &'a str, date: ReportDate) -> Signature<'a> {
        let date = date.to_string();
        Signature { name, name_width: half_widths(name), date_width: half_widths(&date), date }
    }

    /// Whether the date's line, shifted two characters right, reaches further than the name.
    pub fn date_is_longer(&self) -> bool {
        self.date_width + Self::INDENT > self.name_width
    }
}

/// Width in half characters: ASCII is half as wide as a Chinese character.
fn half_widths(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

impl PartialEq for Block<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Block::Title(a), Block::Title(b)) | (Block::Heading(a), Block::Heading(b)) => a == b,
            (Block::SubHeading(a), Block::SubHeading(b))
            | (Block::Paragraph(a), Block::Paragraph(b)) => a == b,
            (Block::Table(a), Block::Table(b)) => a.id == b.id,
            (Block::Signature(a), Block::Signature(b)) => a == b,
            _ => false,
        }
    }
}

/// The blocks of the report: title, preamble, then the six sections under their official headings.
pub(crate) fn blocks(report: &Report) -> Vec<Block<'_>> {
    let headings = Report::official_headings();
    let tables = layouts();
    let mut out = vec![Block::Title(report.title())];
    push_prose(&mut out, report.text.get(TextField::Preamble));
    for (index, heading) in headings.into_iter().enumerate() {
        let section = index + 1;
        out.push(Block::Heading(heading));
        match section {
            1 => push_prose(&mut out, report.text.get(TextField::Overview)),
            5 => push_prose(&mut out, report.text.get(TextField::Problems)),
            6 => push_prose(&mut out, report.text.get(TextField::Other)),
            _ => out.extend(
                tables
                    .iter()
                    .filter(|t| usize::from(t.section) == section)
                    .map(Block::Table),
            ),
        }
    }
    // Both or nothing: a 公文 ends with the agency's name above the date (the page gives the
    // day of the export when the clerk set none; a report without a date gets no signature).
    if let Some(date) = report.date {
        out.push(Block::Signature(Signature::new(report.agency.name.trim(), date)));
    }
    out
}

/// The lines of a prose field, one block each; an empty field gives none.
pub(crate) fn prose_lines(text: &str) -> impl Iterator<Item = &str> {
    let text = if text.trim().is_empty() { "" } else { text };
    text.split_terminator('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
}

fn push_prose<'a>(out: &mut Vec<Block<'a>>, text: &'a str) {
    for line in prose_lines(text) {
        out.push(if is_sub_heading(line) {
            Block::SubHeading(line)
        } else {
            Block::Paragraph(line)
        });
    }
}

/// A short line opening with a bracketed number, 「（一）」 or 「（1）」, stands as a sub-heading.
pub(crate) fn is_sub_heading(line: &str) -> bool {
    const MAX_CHARS: usize = 40;
    let line = line.trim_start();
    let Some(rest) = line.strip_prefix(['（', '(']) else {
        return false;
    };
    let Some(close) = rest.find(['）', ')']) else {
        return false;
    };
    let number = &rest[..close];
    let numeric = !number.is_empty()
        && number.chars().all(|c| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
        });
    numeric && line.chars().count() <= MAX_CHARS
}

/// Removes characters that XML 1.0 does not allow (control characters other than tab).
pub(crate) fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\u{fffe}' || c == '\u{ffff}'
    };
    if text.chars().any(bad) {
        text.chars().filter(|&c| !bad(c)).collect::<String>().into()
    } else {
        text.into()
    }
}

/// The rows at the top of a table that label the columns (repeated on each page).
pub(crate) fn header_rows(layout: &TableLayout) -> usize {
    layout
        .rows
        .iter()
        .position(|row| {
            row.iter()
                .any(|c| matches!(c, crate::model::GridCell::Input { .. }))
        })
        .unwrap_or(0)
}

/// Widths of the grid columns, adding up to `total` (twips of the type area, or 10000ths).
///
/// Narrow label columns for the nested groups of 三 and a wide one for its row labels; the
/// data columns share the rest.
pub(crate) fn column_widths(layout: &TableLayout, total: u32) -> Vec<u32> {
    // Out of the 8845 twips (156 mm) of the type area.
    const TYPE_AREA: u32 = 8845;
    let fixed: &[u32] = match layout.id {
        "s2" => &[2445],
        "s3" => &[567, 1020, 2600],
        _ => &[],
    };
    let mut widths: Vec<u32> = fixed.iter().map(|w| w * total / TYPE_AREA).collect();
    let rest = layout.columns.saturating_sub(widths.len()) as u32;
    let remaining = total.saturating_sub(widths.iter().sum::<u32>());
    if let Some(each) = remaining.checked_div(rest) {
        widths.extend((0..rest).map(|i| if i + 1 == rest { remaining - each * (rest - 1) } else { each }));
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_headings_are_short_numbered_lines() {
        assert!(is_sub_heading("（一）存在的不足"));
        assert!(is_sub_heading("（1） 组织推动全省政府信息公开工作。"));
        assert!(is_sub_heading("(2)积极推动"));
        assert!(!is_sub_heading("一是思想认识有待提升。"));
        assert!(!is_sub_heading("（一）很长的一段话，".repeat(5).as_str()));
        assert!(!is_sub_heading("（注）说明"));
    }

    #[test]
    fn blocks_follow_the_format() {
        let mut report = Report::empty();
        report.text.overview = "第一行\n（一）小标题\n\n第三行".into();
        let blocks = blocks(&report);
        let headings: Vec<_> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(headings, Report::official_headings());
        assert_eq!(blocks[2], Block::Paragraph("第一行"));
        assert_eq!(blocks[3], Block::SubHeading("（一）小标题"));
        assert_eq!(blocks[4], Block::Paragraph(""));
        assert_eq!(
            blocks
                .iter()
                .filter(|b| matches!(b, Block::Table(_)))
                .count(),
            3
        );
        // No preamble: the title is followed directly by 一、.
        assert!(matches!(blocks[1], Block::Heading(_)));
    }

    #[test]
    fn the_signature_ends_a_dated_report() {
        let mut report = Report::empty();
        report.agency.name = "通榆县边昭镇人民政府".into();
        assert!(!blocks(&report).iter().any(|b| matches!(b, Block::Signature(_))), "no date: no signature");
        report.date = ReportDate::new(2025, 1, 15);
        let Some(Block::Signature(s)) = blocks(&report).pop() else { panic!("the last block") };
        assert_eq!((s.name, s.date.as_str()), ("通榆县边昭镇人民政府", "2025年1月15日"));
        assert_eq!((s.name_width, s.date_width), (20, 13));
        assert!(!s.date_is_longer());
        report.agency.name = "民政局".into();
        let Some(Block::Signature(s)) = blocks(&report).pop() else { panic!() };
        assert!(s.date_is_longer());
    }

    #[test]
    fn xml_safe_drops_control_characters() {
        assert_eq!(xml_safe("a\u{1}b\u{b}c\td"), "abc\td");
        assert!(matches!(
            xml_safe("普通文本"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
