//! The tables' linear equalities (勾稽关系): the sums the format requires, each defined once.
//!
//! Rules A001–A004 check exactly these, the page's 「自动计算合计」 fills totals from them, and
//! error localization can search over them: every equality says that the cells of one side add
//! up to the cells of the other.

use std::sync::OnceLock;

use super::cells::CellId;
use super::positions::{S3Column, S3Row, S4Column, S4Group};

/// Which of the format's sums an equality is; one rule checks each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EqualityKind {
    /// Table 三, each column: 新收 + 上年结转 = （七）总计 + 结转下年度继续办理 (A001).
    RequestsBalance,
    /// Table 三, each column: （七）总计 = the 21 outcome rows (A002).
    OutcomeTotal,
    /// Table 三, each row: 总计 = the six applicant columns (A003).
    ApplicantTotal,
    /// Table 四, each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (A004).
    CaseTotal,
}

/// The sum of `totals` must equal the sum of `parts`. Every cell appears at most once, with
/// coefficient one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equality {
    pub kind: EqualityKind,
    /// The side written as a total: one 总计 cell, or for [`EqualityKind::RequestsBalance`]
    /// 「（七）总计」 then 「四、结转下年度继续办理」.
    pub totals: Vec<CellId>,
    /// The cells that add up to it, in table order.
    pub parts: Vec<CellId>,
}

impl Equality {
    /// Every cell of the equality: the totals first, then the parts.
    pub fn cells(&self) -> impl Iterator<Item = CellId> + '_ {
        self.totals.iter().chain(&self.parts).copied()
    }
}

/// Every equality of the three tables, grouped by kind in the order of rules A001–A004, then
/// in table order.
pub fn equalities() -> &'static [Equality] {
    static EQUALITIES: OnceLock<Vec<Equality>> = OnceLock::new();
    EQUALITIES.get_or_init(build)
}

/// The equalities of one kind, in table order.
pub fn equalities_of(kind: EqualityKind) -> impl Iterator<Item = &'static Equality> {
    equalities().iter().filter(move |e| e.kind == kind)
}

fn build() -> Vec<Equality> {
    let mut all = Vec::new();
    for column in S3Column::all() {
        all.push(Equality {
            kind: EqualityKind::RequestsBalance,
            totals: vec![S3Row::OUTCOME_TOTAL.cell(column), S3Row::CARRIED_OUT.cell(column)],
            parts: vec![S3Row::NEW.cell(column), S3Row::CARRIED_IN.cell(column)],
        });
    }
    for column in S3Column::all() {
        all.push(Equality {
            kind: EqualityKind::OutcomeTotal,
            totals: vec![S3Row::OUTCOME_TOTAL.cell(column)],
            parts: S3Row::outcomes().map(|row| row.cell(column)).collect(),
        });
    }
    for row in S3Row::all() {
        all.push(Equality {
            kind: EqualityKind::ApplicantTotal,
            totals: vec![row.cell(S3Column::TOTAL)],
            parts: S3Column::applicants().map(|column| row.cell(column)).collect(),
        });
    }
    for group in S4Group::all() {
        all.push(Equality {
            kind: EqualityKind::CaseTotal,
            totals: vec![group.cell(S4Column::TOTAL)],
            parts: S4Column::results().map(|column| group.cell(column)).collect(),
        });
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_have_42_equalities_over_their_cells() {
        let count = |kind| equalities_of(kind).count();
        assert_eq!(count(EqualityKind::RequestsBalance), 7);
        assert_eq!(count(EqualityKind::OutcomeTotal), 7);
        assert_eq!(count(EqualityKind::ApplicantTotal), 25);
        assert_eq!(count(EqualityKind::CaseTotal), 3);
        let first = &equalities()[0];
        let ids: Vec<&str> = first.cells().map(CellId::as_str).collect();
        assert_eq!(ids, ["s3.outcome_total.natural", "s3.carried_out.natural", "s3.new.natural", "s3.carried_in.natural"]);
        for equality in equalities() {
            let mut cells: Vec<CellId> = equality.cells().collect();
            let n = cells.len();
            cells.sort();
            cells.dedup();
            assert_eq!(cells.len(), n, "a cell appears twice in {equality:?}");
        }
        // Every cell of 三 and 四 takes part in at least two equalities (a row and a column, or
        // a group's total), except 四's results, which appear only in their group's.
        let in_equalities = |id: CellId| equalities().iter().filter(|e| e.cells().any(|c| c == id)).count();
        assert_eq!(in_equalities(CellId::known("s3.outcome_total.total")), 3);
        assert_eq!(in_equalities(CellId::known("s3.granted.natural")), 2);
        assert_eq!(in_equalities(CellId::known("s4.review.upheld")), 1);
        assert_eq!(in_equalities(CellId::known("s2.fee.amount")), 0);
    }
}
