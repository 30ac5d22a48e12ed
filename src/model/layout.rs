//! The official layout of each table as a grid of label and input cells with their spans.
//!
//! The page, the Word and the HTML exporters all render from these grids, so the merged
//! headers and nested row labels of the format are described once, here.

use std::sync::OnceLock;

use serde::Serialize;

use super::cells::{CellId, S2_ROWS};
use super::labels::{self, Axis};

/// One table of the report, laid out as the format prints it.
#[derive(Debug, Clone, Serialize)]
pub struct TableLayout {
    /// `s2`, `s3` or `s4`.
    pub id: &'static str,
    /// The section the table belongs to, 2 to 4.
    pub section: u8,
    /// A caption for the table (the section heading).
    pub caption: String,
    /// Number of grid columns.
    pub columns: usize,
    /// The rows of the grid; cells covered by another cell's span are left out, as in HTML.
    pub rows: Vec<Vec<GridCell>>,
}

/// How a header cell relates to the cells it labels (HTML `scope`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Col,
    Colgroup,
    Row,
    Rowgroup,
    /// Not a header: the note in the top-left corner of table 三.
    None,
}

/// One cell of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum GridCell {
    Label { text: &'static str, colspan: usize, rowspan: usize, scope: Scope },
    Input {
        cell: CellId,
        colspan: usize,
        /// What a screen reader says for the input: 「不予公开 属于国家秘密 自然人」.
        name: String,
    },
}

impl GridCell {
    fn label(text: &'static str, colspan: usize, rowspan: usize, scope: Scope) -> GridCell {
        GridCell::Label { text, colspan, rowspan, scope }
    }

    fn input(cell: CellId, colspan: usize) -> GridCell {
        GridCell::Input { cell, colspan, name: accessible_name(cell) }
    }
}

/// The three tables: 二, 三 and 四.
pub fn layouts() -> &'static [TableLayout] {
    static LAYOUTS: OnceLock<Vec<TableLayout>> = OnceLock::new();
    LAYOUTS.get_or_init(|| vec![section_2(), section_3(), section_4()])
}

fn heading(section: usize) -> String {
    format!("{}、{}", labels::SECTION_NUMERALS[section - 1], labels::SECTION_TITLES[section - 1])
}

fn section_2() -> TableLayout {
    use GridCell as G;
    let items: [(&'static str, &[usize]); 4] = [
        (labels::S2_ITEM_1, &[0, 1]),
        (labels::S2_ITEM_5, &[2]),
        (labels::S2_ITEM_6, &[3, 4]),
        (labels::S2_ITEM_8, &[5]),
    ];
    let mut rows = Vec::new();
    for (item, row_indexes) in items {
        rows.push(vec![G::label(item, 4, 1, Scope::Colgroup)]);
        let columns = S2_ROWS[row_indexes[0]].1;
        let span = 3 / columns.len();
        let mut header = vec![G::label(labels::S2_CONTENT_HEADER, 1, 1, Scope::Col)];
        header.extend(columns.iter().map(|c| G::label(c.label, span, 1, Scope::Col)));
        rows.push(header);
        for &r in row_indexes {
            let (row, columns) = S2_ROWS[r];
            let mut line = vec![G::label(row.label, 1, 1, Scope::Row)];
            for column in columns {
                let id = CellId::known(&format!("s2.{}.{}", row.key, column.key));
                line.push(G::input(id, span));
            }
            rows.push(line);
        }
    }
    TableLayout { id: "s2", section: 2, caption: heading(2), columns: 4, rows }
}

fn section_3() -> TableLayout {
    use GridCell as G;
    const LABEL_COLUMNS: usize = 3;
    let data_columns = labels::S3_COLUMNS.len();
    let legal_persons = labels::S3_COLUMNS.iter().filter(|c| !c.groups.is_empty()).count();

    let mut rows = vec![
        vec![
            G::label(labels::S3_CORNER_NOTE, LABEL_COLUMNS, 3, Scope::None),
            G::label(labels::S3_APPLICANTS, data_columns, 1, Scope::Colgroup),
        ],
        Vec::new(),
        Vec::new(),
    ];
    for column in labels::S3_COLUMNS {
        if column.groups.is_empty() {
            rows[1].push(G::label(column.label, 1, 2, Scope::Col));
        } else {
            if rows[2].is_empty() {
                rows[1].push(G::label(column.groups[0], legal_persons, 1, Scope::Colgroup));
            }
            rows[2].push(G::label(column.label, 1, 1, Scope::Col));
        }
    }

    let paths: Vec<Vec<&'static str>> = labels::S3_ROWS.iter().map(row_path).collect();
    for (r, row) in labels::S3_ROWS.iter().enumerate() {
        let path = &paths[r];
        let mut line = Vec::new();
        for (depth, text) in path.iter().enumerate() {
            let is_leaf = depth + 1 == path.len();
            let continues_above = !is_leaf && r > 0 && paths[r - 1].get(..=depth) == Some(&path[..=depth]);
            if continues_above {
                continue;
            }
            let (colspan, rowspan, scope) = if is_leaf {
                (LABEL_COLUMNS - depth, 1, Scope::Row)
            } else {
                let span = paths[r..].iter().take_while(|p| p.get(..=depth) == Some(&path[..=depth])).count();
                (1, span, Scope::Rowgroup)
            };
            line.push(G::label(text, colspan, rowspan, scope));
        }
        for c in 0..data_columns {
            line.push(G::input(CellId::s3(r, c), 1));
        }
        let _ = row;
        rows.push(line);
    }
    TableLayout { id: "s3", section: 3, caption: heading(3), columns: LABEL_COLUMNS + data_columns, rows }
}

fn row_path(row: &Axis) -> Vec<&'static str> {
    let mut path = row.groups.to_vec();
    path.push(row.label);
    path
}

fn section_4() -> TableLayout {
    use GridCell as G;
    let width = labels::S4_COLUMNS.len();
    let suits = labels::S4_GROUPS.iter().filter(|g| !g.groups.is_empty()).count();
    let mut top = vec![G::label(labels::S4_REVIEW_GROUP, width, 1, Scope::Colgroup)];
    top.push(G::label(labels::S4_SUIT_GROUP, width * suits, 1, Scope::Colgroup));
    let mut middle: Vec<GridCell> =
        labels::S4_COLUMNS.iter().map(|c| G::label(c.label, 1, 2, Scope::Col)).collect();
    let mut bottom = Vec::new();
    for group in labels::S4_GROUPS.iter().filter(|g| !g.groups.is_empty()) {
        middle.push(G::label(group.label, width, 1, Scope::Colgroup));
        bottom.extend(labels::S4_COLUMNS.iter().map(|c| G::label(c.label, 1, 1, Scope::Col)));
    }
    let values = (0..labels::S4_GROUPS.len())
        .flat_map(|g| (0..width).map(move |c| G::input(CellId::s4(g, c), 1)))
        .collect();
    TableLayout {
        id: "s4",
        section: 4,
        caption: heading(4),
        columns: width * labels::S4_GROUPS.len(),
        rows: vec![top, middle, bottom, values],
    }
}

/// Removes the numbering in front of a label: 「（三）」, 「1.」, 「一、」.
pub fn strip_numbering(label: &str) -> &str {
    let rest = label.trim_start();
    if let Some(after) = rest.strip_prefix('（') {
        if let Some((num, tail)) = after.split_once('）') {
            if num.chars().all(|c| "一二三四五六七八九十".contains(c)) {
                return tail;
            }
        }
    }
    let numbering_end = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = numbering_end {
        let tail = &rest[end..];
        for sep in ['.', '、', '．'] {
            if let Some(t) = tail.strip_prefix(sep) {
                return t;
            }
        }
    }
    rest
}

/// The name a screen reader gives an input: its row labels and column label, unnumbered.
pub fn accessible_name(cell: CellId) -> String {
    let def = cell.def();
    let mut parts: Vec<&str> = Vec::new();
    let groups = def.row.groups.iter().filter(|g| **g != labels::S3_RESULTS);
    parts.extend(groups.map(|g| strip_numbering(g)));
    parts.push(strip_numbering(def.row.label));
    let mut name = parts.join(" ");
    if let Some(cut) = name.find('（') {
        // 「部分公开（区分处理的，…）」: the note in brackets is not part of the name.
        if name.ends_with('）') {
            name.truncate(cut);
        }
    }
    format!("{name} {}", def.column.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered_width(layout: &TableLayout) -> Vec<usize> {
        // Expand spans to check that every grid row is exactly `columns` wide.
        let mut pending = vec![0usize; layout.columns];
        let mut widths = Vec::new();
        for row in &layout.rows {
            let mut width = pending.iter().filter(|&&p| p > 0).count();
            for p in pending.iter_mut() {
                *p = p.saturating_sub(1);
            }
            let mut col = 0;
            for cell in row {
                while col < layout.columns && pending[col] > 0 {
                    col += 1;
                }
                let (colspan, rowspan) = match cell {
                    GridCell::Label { colspan, rowspan, .. } => (*colspan, *rowspan),
                    GridCell::Input { colspan, .. } => (*colspan, 1),
                };
                for waiting in pending.iter_mut().take((col + colspan).min(layout.columns)).skip(col) {
                    *waiting = rowspan - 1;
                }
                col += colspan;
                width += colspan;
            }
            widths.push(width);
        }
        widths
    }

    #[test]
    fn every_row_of_every_table_fills_the_grid() {
        for layout in layouts() {
            for (i, w) in covered_width(layout).into_iter().enumerate() {
                assert_eq!(w, layout.columns, "{} row {i}", layout.id);
            }
        }
    }

    #[test]
    fn every_cell_appears_once() {
        let mut seen: Vec<CellId> = layouts()
            .iter()
            .flat_map(|l| l.rows.iter().flatten())
            .filter_map(|c| match c {
                GridCell::Input { cell, .. } => Some(*cell),
                _ => None,
            })
            .collect();
        assert_eq!(seen.len(), CellId::count());
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), CellId::count());
    }

    #[test]
    fn table_3_nests_its_row_labels() {
        let s3 = &layouts()[1];
        assert_eq!(s3.rows.len(), 3 + 25);
        assert_eq!(
            s3.rows[5][0],
            GridCell::Label { text: labels::S3_RESULTS, colspan: 1, rowspan: 22, scope: Scope::Rowgroup }
        );
        assert_eq!(s3.rows[7][0], GridCell::Label { text: "（三）不予公开", colspan: 1, rowspan: 8, scope: Scope::Rowgroup });
    }

    #[test]
    fn accessible_names_read_naturally() {
        assert_eq!(accessible_name(CellId::known("s3.denied.state_secret.natural")), "不予公开 属于国家秘密 自然人");
        assert_eq!(accessible_name(CellId::known("s3.partial.total")), "部分公开 总计");
        assert_eq!(accessible_name(CellId::known("s3.new.business")), "本年新收政府信息公开申请数量 商业企业");
        assert_eq!(accessible_name(CellId::known("s2.regulation.issued")), "规章 本年制发件数");
        assert_eq!(accessible_name(CellId::known("s4.review.upheld")), "行政复议 结果维持");
        assert_eq!(accessible_name(CellId::known("s4.suit_direct.total")), "行政诉讼 未经复议直接起诉 总计");
    }
}
