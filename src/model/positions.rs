//! Rows and columns of the tables by name: `S3Row::OUTCOME_TOTAL.cell(S3Column::TOTAL)` is
//! 「（七）总计」 in the 总计 column.
//!
//! Each named position is looked up by its key in the lists of [`super::labels`] when the code
//! is compiled (a misspelt key does not build), so no row or column is counted by hand anywhere.

use super::cells::{CellId, S2_ROWS};
use super::labels::{self, Axis};

/// Where `key` stands in `axes`; a compile error in a constant when it is missing.
const fn position(axes: &[Axis], key: &str) -> usize {
    let mut i = 0;
    while i < axes.len() {
        if same(axes[i].key, key) {
            return i;
        }
        i += 1;
    }
    panic!("no row or column has this key");
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A row of table 三: its place in [`labels::S3_ROWS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct S3Row(usize);

impl S3Row {
    pub const NEW: S3Row = S3Row::named("new");
    pub const CARRIED_IN: S3Row = S3Row::named("carried_in");
    pub const GRANTED: S3Row = S3Row::named("granted");
    pub const PARTIAL: S3Row = S3Row::named("partial");
    pub const OUTCOME_TOTAL: S3Row = S3Row::named("outcome_total");
    pub const CARRIED_OUT: S3Row = S3Row::named("carried_out");

    /// The row with this key (`"denied.state_secret"`), checked when the code is compiled.
    pub const fn named(key: &str) -> S3Row {
        S3Row(position(&labels::S3_ROWS, key))
    }

    /// Every row, top to bottom.
    pub fn all() -> impl Iterator<Item = S3Row> {
        (0..labels::S3_ROWS.len()).map(S3Row)
    }

    /// The 21 outcome rows that 「（七）总计」 adds up, from 「（一）予以公开」 to 「（六）其他处理」's 「3.其他」.
    pub fn outcomes() -> impl Iterator<Item = S3Row> {
        (S3Row::GRANTED.0..S3Row::OUTCOME_TOTAL.0).map(S3Row)
    }

    /// The rows of one outcome: the row with key `key`, or the rows under it (`"denied"`: the
    /// eight rows of 「（三）不予公开」).
    pub fn outcome(key: &'static str) -> impl Iterator<Item = S3Row> {
        S3Row::outcomes().filter(move |row| {
            let k = row.axis().key;
            k == key || k.strip_prefix(key).is_some_and(|rest| rest.starts_with('.'))
        })
    }

    pub const fn index(self) -> usize {
        self.0
    }

    pub fn axis(self) -> &'static Axis {
        &labels::S3_ROWS[self.0]
    }

    pub fn cell(self, column: S3Column) -> CellId {
        CellId::s3(self.0, column.0)
    }
}

/// A column of table 三 (an applicant, or 总计): its place in [`labels::S3_COLUMNS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct S3Column(usize);

impl S3Column {
    pub const TOTAL: S3Column = S3Column(position(&labels::S3_COLUMNS, "total"));

    /// Every column, left to right.
    pub fn all() -> impl Iterator<Item = S3Column> {
        (0..labels::S3_COLUMNS.len()).map(S3Column)
    }

    /// The six applicant columns that 「总计」 adds up.
    pub fn applicants() -> impl Iterator<Item = S3Column> {
        S3Column::all().filter(|&c| c != S3Column::TOTAL)
    }

    pub fn axis(self) -> &'static Axis {
        &labels::S3_COLUMNS[self.0]
    }
}

/// A group of table 四 (行政复议, and the two kinds of 行政诉讼): its place in [`labels::S4_GROUPS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct S4Group(usize);

impl S4Group {
    pub const REVIEW: S4Group = S4Group(position(&labels::S4_GROUPS, "review"));
    pub const SUIT_DIRECT: S4Group = S4Group(position(&labels::S4_GROUPS, "suit_direct"));
    pub const SUIT_AFTER_REVIEW: S4Group = S4Group(position(&labels::S4_GROUPS, "suit_after_review"));

    pub fn all() -> impl Iterator<Item = S4Group> {
        (0..labels::S4_GROUPS.len()).map(S4Group)
    }

    pub fn axis(self) -> &'static Axis {
        &labels::S4_GROUPS[self.0]
    }

    pub fn cell(self, column: S4Column) -> CellId {
        CellId::s4(self.0, column.0)
    }
}

/// A column of table 四 (a result, or 总计): its place in [`labels::S4_COLUMNS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct S4Column(usize);

impl S4Column {
    pub const TOTAL: S4Column = S4Column(position(&labels::S4_COLUMNS, "total"));

    pub fn all() -> impl Iterator<Item = S4Column> {
        (0..labels::S4_COLUMNS.len()).map(S4Column)
    }

    /// The four results that 「总计」 adds up.
    pub fn results() -> impl Iterator<Item = S4Column> {
        S4Column::all().filter(|&c| c != S4Column::TOTAL)
    }
}

/// A row of section 二's table: its place in [`S2_ROWS`]. Its columns are those of the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct S2Row(usize);

impl S2Row {
    pub const REGULATION: S2Row = S2Row::named(labels::S2_REGULATION.key);
    pub const NORMATIVE: S2Row = S2Row::named(labels::S2_NORMATIVE.key);

    const fn named(key: &str) -> S2Row {
        let mut i = 0;
        while i < S2_ROWS.len() {
            if same(S2_ROWS[i].0.key, key) {
                return S2Row(i);
            }
            i += 1;
        }
        panic!("no row of section 二 has this key");
    }

    pub fn axis(self) -> &'static Axis {
        &S2_ROWS[self.0].0
    }

    /// The cell of this row in `column` (one of [`labels::S2_ISSUED`] …); panics when the row
    /// has no such column, which only a mistake in the code does.
    pub fn cell(self, column: Axis) -> CellId {
        let columns = S2_ROWS[self.0].1;
        let at = columns.iter().position(|c| c.key == column.key).expect("a column of this row of section 二");
        CellId::s2(self.0, at)
    }
}

impl CellId {
    /// The row and column of a cell of table 三.
    pub fn in_s3(self) -> Option<(S3Row, S3Column)> {
        let first = CellId::s3(0, 0).index();
        let width = labels::S3_COLUMNS.len();
        let offset = self.index().checked_sub(first)?;
        (offset < labels::S3_ROWS.len() * width).then(|| (S3Row(offset / width), S3Column(offset % width)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_positions_are_the_cells_of_their_ids() {
        assert_eq!(S3Row::OUTCOME_TOTAL.cell(S3Column::TOTAL).as_str(), "s3.outcome_total.total");
        assert_eq!(S3Row::NEW.cell(S3Column::applicants().next().unwrap()).as_str(), "s3.new.natural");
        assert_eq!(S3Row::CARRIED_OUT.axis().label, "四、结转下年度继续办理");
        assert_eq!(S3Row::outcomes().count(), 21);
        let denied: Vec<&str> = S3Row::outcome("denied").map(|r| r.axis().key).collect();
        assert_eq!(denied.len(), 8);
        assert!(denied.iter().all(|k| k.starts_with("denied.")));
        assert_eq!(S3Row::outcome("granted").count(), 1);
        assert_eq!(S3Row::outcome("other").count(), 3);
        assert_eq!(S4Group::SUIT_AFTER_REVIEW.cell(S4Column::TOTAL).as_str(), "s4.suit_after_review.total");
        assert_eq!(S4Column::results().count(), 4);
        assert_eq!(S2Row::NORMATIVE.cell(labels::S2_IN_FORCE).as_str(), "s2.normative.in_force");
        assert_eq!(S2Row::REGULATION.cell(labels::S2_ISSUED).as_str(), "s2.regulation.issued");
    }

    #[test]
    fn every_cell_of_table_3_knows_its_row_and_column() {
        for row in S3Row::all() {
            for column in S3Column::all() {
                assert_eq!(row.cell(column).in_s3(), Some((row, column)));
            }
        }
        assert_eq!(CellId::known("s2.fee.amount").in_s3(), None);
        assert_eq!(CellId::known("s4.review.total").in_s3(), None);
    }
}
