//! Cell IDs: the stable names of every number in the report (`s3.new.natural`, …).
//!
//! A [`CellId`] is a small index into one static catalog, built once from the labels in
//! [`super::labels`]. Its string form is the ID of FORMAT.md §2–§4.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use super::labels::{self, Axis};

/// Which table section a cell belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Section {
    #[serde(rename = "二")]
    S2,
    #[serde(rename = "三")]
    S3,
    #[serde(rename = "四")]
    S4,
}

/// What a cell holds: a count of items or an amount of money in 万元.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    Count,
    Amount,
}

/// One cell of the catalog.
#[derive(Debug, Clone)]
pub struct CellDef {
    pub id: String,
    pub section: Section,
    /// The row (信息内容 in 二, the request row in 三, the group in 四).
    pub row: Axis,
    /// The column.
    pub column: Axis,
    pub kind: CellKind,
    /// Full label as written in messages: 「三、本年度办理结果（七）总计（自然人）」.
    pub label: String,
}

/// Index of a cell in the catalog. Cheap to copy; serialises as its string ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellId(u16);

impl CellId {
    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn def(self) -> &'static CellDef {
        &catalog().cells[self.index()]
    }

    pub fn as_str(self) -> &'static str {
        &self.def().id
    }

    pub fn label(self) -> &'static str {
        &self.def().label
    }

    /// The label without the table's number and the group every row of 三's results shares:
    /// 「（七）总计（自然人）」, 「（三）不予公开1.属于国家秘密（自然人）」, 「行政复议（总计）」.
    pub fn short_label(self) -> String {
        let def = self.def();
        let groups: String = def.row.groups.iter().filter(|g| **g != labels::S3_RESULTS).copied().collect();
        format!("{groups}{}（{}）", def.row.label, def.column.label)
    }

    pub fn kind(self) -> CellKind {
        self.def().kind
    }

    /// Looks up a cell by its string ID.
    pub fn parse(id: &str) -> Option<CellId> {
        catalog().by_id.get(id).copied()
    }

    /// Every cell, in the order of the official tables.
    pub fn all() -> impl ExactSizeIterator<Item = CellId> {
        (0..catalog().cells.len() as u16).map(CellId)
    }

    pub fn count() -> usize {
        catalog().cells.len()
    }

    /// `s2.<row>.<column>` by position in [`S2_ROWS`] and that row's columns.
    pub fn s2(row: usize, column: usize) -> CellId {
        debug_assert!(column < S2_ROWS[row].1.len());
        let before: usize = S2_ROWS[..row].iter().map(|(_, columns)| columns.len()).sum();
        CellId((before + column) as u16)
    }

    /// The cells of one table section, in table order.
    pub fn in_section(section: Section) -> impl ExactSizeIterator<Item = CellId> {
        let catalog = catalog();
        let range = match section {
            Section::S2 => 0..catalog.s3_start,
            Section::S3 => catalog.s3_start..catalog.s4_start,
            Section::S4 => catalog.s4_start..catalog.cells.len(),
        };
        range.map(|i| CellId(i as u16))
    }

    /// `s3.<row>.<column>` by position in [`labels::S3_ROWS`] and [`labels::S3_COLUMNS`].
    pub fn s3(row: usize, column: usize) -> CellId {
        CellId((catalog().s3_start + row * labels::S3_COLUMNS.len() + column) as u16)
    }

    /// `s4.<group>.<column>` by position in [`labels::S4_GROUPS`] and [`labels::S4_COLUMNS`].
    pub fn s4(group: usize, column: usize) -> CellId {
        CellId((catalog().s4_start + group * labels::S4_COLUMNS.len() + column) as u16)
    }

    /// Looks up a cell by its ID, panicking on a typo: for IDs written in the code.
    pub fn known(id: &str) -> CellId {
        Self::parse(id).unwrap_or_else(|| panic!("unknown cell ID in code: {id}"))
    }
}

impl fmt::Display for CellId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for CellId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CellId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        CellId::parse(&id).ok_or_else(|| serde::de::Error::custom(format!("没有这个单元格：\"{id}\"")))
    }
}

/// Rows of section 二 with their columns: (row, columns).
pub const S2_ROWS: [(Axis, &[Axis]); 6] = [
    (labels::S2_REGULATION, &[labels::S2_ISSUED, labels::S2_REPEALED, labels::S2_IN_FORCE]),
    (labels::S2_NORMATIVE, &[labels::S2_ISSUED, labels::S2_REPEALED, labels::S2_IN_FORCE]),
    (labels::S2_LICENSE, &[labels::S2_DECISIONS]),
    (labels::S2_PENALTY, &[labels::S2_DECISIONS]),
    (labels::S2_COERCION, &[labels::S2_DECISIONS]),
    (labels::S2_FEE, &[labels::S2_AMOUNT]),
];

struct Catalog {
    cells: Vec<CellDef>,
    by_id: HashMap<String, CellId>,
    s3_start: usize,
    s4_start: usize,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(build_catalog)
}

fn build_catalog() -> Catalog {
    let mut cells = Vec::with_capacity(200);
    for (row, columns) in S2_ROWS {
        for column in columns {
            let kind = if row.key == labels::S2_FEE.key { CellKind::Amount } else { CellKind::Count };
            cells.push(CellDef {
                id: format!("s2.{}.{}", row.key, column.key),
                section: Section::S2,
                row,
                column: *column,
                kind,
                label: format!("二、{}（{}）", row.label, column.label),
            });
        }
    }
    let s3_start = cells.len();
    for row in labels::S3_ROWS {
        for column in labels::S3_COLUMNS {
            cells.push(CellDef {
                id: format!("s3.{}.{}", row.key, column.key),
                section: Section::S3,
                row,
                column,
                kind: CellKind::Count,
                label: format!("{}{}（{}）", row_path(&row), row.label, column.label),
            });
        }
    }
    let s4_start = cells.len();
    for group in labels::S4_GROUPS {
        for column in labels::S4_COLUMNS {
            cells.push(CellDef {
                id: format!("s4.{}.{}", group.key, column.key),
                section: Section::S4,
                row: group,
                column,
                kind: CellKind::Count,
                label: format!("四、{}{}（{}）", group.groups.join(""), group.label, column.label),
            });
        }
    }
    let by_id = cells.iter().enumerate().map(|(i, c)| (c.id.clone(), CellId(i as u16))).collect();
    Catalog { cells, by_id, s3_start, s4_start }
}

fn row_path(row: &Axis) -> String {
    row.groups.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_has_the_200_cells_of_the_format() {
        assert_eq!(CellId::count(), 200);
        assert_eq!(CellId::s3(0, 0).as_str(), "s3.new.natural");
        assert_eq!(CellId::s3(23, 6).as_str(), "s3.outcome_total.total");
        assert_eq!(CellId::s4(2, 4).as_str(), "s4.suit_after_review.total");
        assert_eq!(CellId::parse("s3.denied.state_secret.total"), Some(CellId::s3(4, 6)));
        assert_eq!(CellId::parse("s2.fee.amount").map(CellId::kind), Some(CellKind::Amount));
        assert_eq!(CellId::s2(1, 2).as_str(), "s2.normative.in_force");
        assert_eq!(CellId::s2(5, 0).as_str(), "s2.fee.amount");
        for section in [Section::S2, Section::S3, Section::S4] {
            assert!(CellId::in_section(section).all(|id| id.def().section == section));
        }
        let sizes = [Section::S2, Section::S3, Section::S4].map(|s| CellId::in_section(s).len());
        assert_eq!(sizes, [10, 175, 15]);
    }

    #[test]
    fn labels_name_the_row_and_column() {
        assert_eq!(CellId::s3(23, 0).label(), "三、本年度办理结果（七）总计（自然人）");
        assert_eq!(CellId::s3(0, 1).label(), "一、本年新收政府信息公开申请数量（商业企业）");
        assert_eq!(
            CellId::known("s3.denied.state_secret.natural").label(),
            "三、本年度办理结果（三）不予公开1.属于国家秘密（自然人）"
        );
        assert_eq!(CellId::known("s4.suit_direct.upheld").label(), "四、行政诉讼未经复议直接起诉（结果维持）");
        assert_eq!(CellId::s3(23, 0).short_label(), "（七）总计（自然人）");
        assert_eq!(CellId::known("s3.denied.state_secret.total").short_label(), "（三）不予公开1.属于国家秘密（总计）");
        assert_eq!(CellId::known("s4.review.total").short_label(), "行政复议（总计）");
        assert_eq!(CellId::known("s2.regulation.in_force").short_label(), "规章（现行有效件数）");
    }
}
