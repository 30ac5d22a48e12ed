//! A table of the report (二, 三 or 四) as a Word table in the official layout.
//!
//! The layout grids leave out the positions covered by a rowspan, as HTML does; Word instead
//! wants a cell there marked `vMerge continue` with the same `gridSpan`, so the grid is first
//! expanded into [`Placed`] cells.

use std::io;

use super::page::{CELL_PADDING, TEXT_WIDTH};
use super::xml::Xml;
use crate::export::outline::{column_widths, header_rows, xml_safe};
use crate::export::ExportError;
use crate::model::{GridCell, Report, Scope, TableLayout};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Merge {
    None,
    Restart,
    Continue,
}

/// A cell at its place in the Word grid.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed<'a> {
    /// `None` for the positions covered by a merge from above.
    pub cell: Option<&'a GridCell>,
    pub column: usize,
    pub span: usize,
    pub merge: Merge,
}

/// Expands the layout into rows of placed cells, each row covering every grid column.
pub(super) fn placed_rows(layout: &TableLayout) -> Result<Vec<Vec<Placed<'_>>>, ExportError> {
    let broken = |row: usize| {
        ExportError::new(format!(
            "表格「{}」的版式有误（第 {} 行）",
            layout.caption,
            row + 1
        ))
    };
    // For each grid column where a merged cell starts: (rows still covered, its span).
    let mut covering: Vec<Option<(usize, usize)>> = vec![None; layout.columns];
    let mut rows = Vec::with_capacity(layout.rows.len());
    for (r, row) in layout.rows.iter().enumerate() {
        let mut cells = row.iter();
        let mut placed = Vec::with_capacity(layout.columns);
        let mut column = 0;
        while column < layout.columns {
            if let Some((left, span)) = covering[column] {
                placed.push(Placed {
                    cell: None,
                    column,
                    span,
                    merge: Merge::Continue,
                });
                covering[column] = (left > 1).then_some((left - 1, span));
                column += span;
                continue;
            }
            let cell = cells.next().ok_or_else(|| broken(r))?;
            let (span, rowspan) = match cell {
                GridCell::Label {
                    colspan, rowspan, ..
                } => (*colspan, *rowspan),
                GridCell::Input { colspan, .. } => (*colspan, 1),
            };
            let merge = if rowspan > 1 {
                covering[column] = Some((rowspan - 1, span));
                Merge::Restart
            } else {
                Merge::None
            };
            placed.push(Placed {
                cell: Some(cell),
                column,
                span,
                merge,
            });
            column += span;
        }
        if column != layout.columns || cells.next().is_some() {
            return Err(broken(r));
        }
        rows.push(placed);
    }
    Ok(rows)
}

/// Paragraph style of the table text: 五号 for 二, 小五 for the wide tables 三 and 四.
fn text_style(layout: &TableLayout) -> &'static str {
    if layout.columns > 4 {
        "TableTextSmall"
    } else {
        "TableText"
    }
}

pub(super) fn write_table(
    xml: &mut Xml,
    layout: &TableLayout,
    report: &Report,
) -> Result<(), ExportError> {
    let rows = placed_rows(layout)?;
    let widths = column_widths(layout, TEXT_WIDTH);
    let header = header_rows(layout);
    let style = text_style(layout);
    xml.open("w:tbl", &[])?;
    table_properties(xml)?;
    xml.open("w:tblGrid", &[])?;
    for width in &widths {
        xml.empty("w:gridCol", &[("w:w", &width.to_string())])?;
    }
    xml.close("w:tblGrid")?;
    for (r, row) in rows.iter().enumerate() {
        xml.open("w:tr", &[])?;
        xml.open("w:trPr", &[])?;
        xml.empty("w:cantSplit", &[])?;
        if r < header {
            xml.empty("w:tblHeader", &[])?;
        }
        xml.close("w:trPr")?;
        for placed in row {
            let width: u32 = widths[placed.column..placed.column + placed.span]
                .iter()
                .sum();
            write_cell(xml, placed, width, style, report)?;
        }
        xml.close("w:tr")?;
    }
    xml.close("w:tbl")?;
    Ok(())
}

fn table_properties(xml: &mut Xml) -> io::Result<()> {
    xml.open("w:tblPr", &[])?;
    xml.empty(
        "w:tblW",
        &[("w:w", &TEXT_WIDTH.to_string()), ("w:type", "dxa")],
    )?;
    xml.val("w:jc", "center")?;
    xml.open("w:tblBorders", &[])?;
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        xml.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", "6"),
                ("w:space", "0"),
                ("w:color", "000000"),
            ],
        )?;
    }
    xml.close("w:tblBorders")?;
    xml.val("w:tblLayout", "fixed")?;
    xml.open("w:tblCellMar", &[])?;
    let padding = CELL_PADDING.to_string();
    xml.empty("w:left", &[("w:w", &padding), ("w:type", "dxa")])?;
    xml.empty("w:right", &[("w:w", &padding), ("w:type", "dxa")])?;
    xml.close("w:tblCellMar")?;
    xml.empty(
        "w:tblLook",
        &[
            ("w:val", "0000"),
            ("w:firstRow", "0"),
            ("w:lastRow", "0"),
            ("w:firstColumn", "0"),
            ("w:lastColumn", "0"),
            ("w:noHBand", "1"),
            ("w:noVBand", "1"),
        ],
    )?;
    xml.close("w:tblPr")
}

fn write_cell(
    xml: &mut Xml,
    placed: &Placed,
    width: u32,
    style: &str,
    report: &Report,
) -> io::Result<()> {
    let (text, align) = match placed.cell {
        None => (String::new(), "center"),
        Some(GridCell::Label { text, scope, .. }) => {
            let align = match scope {
                Scope::Row | Scope::None => "left",
                _ => "center",
            };
            (text.to_string(), align)
        }
        // Not filled stays empty (never 0); a placeholder such as 「/」 is written as typed.
        Some(GridCell::Input { cell, .. }) => (report.cell(*cell).display(), "center"),
    };
    xml.open("w:tc", &[])?;
    xml.open("w:tcPr", &[])?;
    xml.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")])?;
    if placed.span > 1 {
        xml.val("w:gridSpan", &placed.span.to_string())?;
    }
    match placed.merge {
        Merge::None => {}
        Merge::Restart => xml.val("w:vMerge", "restart")?,
        Merge::Continue => xml.empty("w:vMerge", &[])?,
    }
    xml.val("w:vAlign", "center")?;
    xml.close("w:tcPr")?;
    // Every cell ends with a paragraph, the covered ones too.
    xml.open("w:p", &[])?;
    xml.open("w:pPr", &[])?;
    xml.val("w:pStyle", style)?;
    xml.val("w:jc", align)?;
    xml.close("w:pPr")?;
    if !text.is_empty() {
        xml.open("w:r", &[])?;
        xml.text_element("w:t", &[("xml:space", "preserve")], &xml_safe(&text))?;
        xml.close("w:r")?;
    }
    xml.close("w:p")?;
    xml.close("w:tc")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::layouts;

    #[test]
    fn widths_fill_the_type_area() {
        for layout in layouts() {
            let widths = column_widths(layout, TEXT_WIDTH);
            assert_eq!(widths.len(), layout.columns, "{}", layout.id);
            assert_eq!(widths.iter().sum::<u32>(), TEXT_WIDTH, "{}", layout.id);
            // Room for at least two characters of 小五 (9 pt = 180 twips) in every column.
            assert!(
                widths.iter().all(|w| *w >= 2 * 180 + 2 * CELL_PADDING),
                "{} {widths:?}",
                layout.id
            );
        }
    }

    #[test]
    fn merged_cells_continue_over_the_same_columns() {
        for layout in layouts() {
            let rows = placed_rows(layout).unwrap();
            for (r, row) in rows.iter().enumerate() {
                assert_eq!(
                    row.iter().map(|p| p.span).sum::<usize>(),
                    layout.columns,
                    "{} row {r}",
                    layout.id
                );
                for p in row.iter().filter(|p| p.merge == Merge::Continue) {
                    let above = rows[r - 1]
                        .iter()
                        .find(|q| q.column == p.column)
                        .expect("a cell above");
                    assert_eq!(above.span, p.span, "{} row {r}", layout.id);
                    assert_ne!(above.merge, Merge::None, "{} row {r}", layout.id);
                }
            }
        }
    }

    #[test]
    fn table_3_groups_its_rows() {
        let s3 = &layouts()[1];
        let rows = placed_rows(s3).unwrap();
        // The corner note spans three columns and three rows.
        assert_eq!((rows[0][0].span, rows[0][0].merge), (3, Merge::Restart));
        assert_eq!((rows[2][0].span, rows[2][0].merge), (3, Merge::Continue));
        // 「三、本年度办理结果」 starts at row 5 and covers the 22 rows of results.
        assert_eq!(rows[5][0].merge, Merge::Restart);
        let covered = rows[6..27]
            .iter()
            .filter(|r| r[0].merge == Merge::Continue)
            .count();
        assert_eq!(covered, 21);
        assert_eq!(
            rows[27][0].merge,
            Merge::None,
            "四、结转下年度继续办理 stands alone"
        );
    }
}
