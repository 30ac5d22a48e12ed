//! The linear rules of the tables, as data: what A001–A004 check (42 equalities) and P001 (two
//! inequalities). Error localization reads them here and nowhere else.

use std::sync::OnceLock;

use crate::model::labels::{S3_COLUMNS, S3_OUTCOME_ROWS, S3_ROWS, S4_COLUMNS, S4_GROUPS};
use crate::model::CellId;

/// `Σ coefficient × value` compared with 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Equal,
    AtLeast,
}

/// One linear rule: `Σ coefficient × cell  (= | ≥)  0`.
#[derive(Debug, Clone)]
pub struct LinearRule {
    pub code: &'static str,
    /// The first cell of the rule's finding: identifies the finding this rule produces.
    pub anchor: CellId,
    /// For a sum (A002–A004): the 总计 that the other cells add up to.
    pub total: Option<CellId>,
    pub terms: Vec<(CellId, i8)>,
    pub relation: Relation,
}

/// The rules, and for every cell the rules it takes part in: built once.
struct Tables {
    rules: Vec<LinearRule>,
    by_cell: Vec<Vec<usize>>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let rules = build();
        let mut by_cell = vec![Vec::new(); CellId::count()];
        for (i, rule) in rules.iter().enumerate() {
            for (cell, _) in &rule.terms {
                by_cell[cell.index()].push(i);
            }
        }
        Tables { rules, by_cell }
    })
}

/// Every linear rule of the tables, in catalog order.
pub fn linear_rules() -> &'static [LinearRule] {
    &tables().rules
}

/// The linear rules a cell takes part in, as indices into [`linear_rules`].
pub fn rules_of_cell(cell: CellId) -> &'static [usize] {
    &tables().by_cell[cell.index()]
}

fn s3(row: &str, column: &str) -> CellId {
    CellId::known(&format!("s3.{row}.{column}"))
}

fn sum(code: &'static str, total: CellId, parts: impl IntoIterator<Item = CellId>) -> LinearRule {
    let terms = std::iter::once((total, 1)).chain(parts.into_iter().map(|c| (c, -1))).collect();
    LinearRule { code, anchor: total, total: Some(total), terms, relation: Relation::Equal }
}

fn build() -> Vec<LinearRule> {
    let mut rules = Vec::new();
    // A001: 一 + 二 = （七）总计 + 四, in every column.
    for column in S3_COLUMNS.map(|c| c.key) {
        let outcome_total = s3("outcome_total", column);
        let terms = vec![
            (s3("new", column), 1),
            (s3("carried_in", column), 1),
            (outcome_total, -1),
            (s3("carried_out", column), -1),
        ];
        rules.push(LinearRule { code: "A001", anchor: outcome_total, total: None, terms, relation: Relation::Equal });
    }
    // A002: （七）总计 = the 21 outcome rows, in every column.
    for column in S3_COLUMNS.map(|c| c.key) {
        let parts = S3_ROWS[S3_OUTCOME_ROWS].iter().map(|row| s3(row.key, column));
        rules.push(sum("A002", s3("outcome_total", column), parts));
    }
    // A003: 总计 = the six applicant columns, in every row.
    let (total_column, applicants) = S3_COLUMNS.split_last().expect("三 has columns");
    for row in S3_ROWS.map(|r| r.key) {
        rules.push(sum("A003", s3(row, total_column.key), applicants.iter().map(|c| s3(row, c.key))));
    }
    // A004: 总计 = 维持 + 纠正 + 其他 + 尚未审结, in every group.
    let (total_column, results) = S4_COLUMNS.split_last().expect("四 has columns");
    for group in S4_GROUPS.map(|g| g.key) {
        let cell = |column: &str| CellId::known(&format!("s4.{group}.{column}"));
        rules.push(sum("A004", cell(total_column.key), results.iter().map(|c| cell(c.key))));
    }
    // P001: 现行有效 + 本年废止 ≥ 本年制发 (the same as 现行有效 ≥ 制发 − 废止 for counts).
    for row in ["regulation", "normative"] {
        let cell = |column: &str| CellId::known(&format!("s2.{row}.{column}"));
        let in_force = cell("in_force");
        let terms = vec![(in_force, 1), (cell("repealed"), 1), (cell("issued"), -1)];
        rules.push(LinearRule { code: "P001", anchor: in_force, total: None, terms, relation: Relation::AtLeast });
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_have_42_equalities_and_two_inequalities() {
        let rules = linear_rules();
        let count = |code: &str| rules.iter().filter(|r| r.code == code).count();
        assert_eq!([count("A001"), count("A002"), count("A003"), count("A004"), count("P001")], [7, 7, 25, 3, 2]);
        assert_eq!(rules.iter().filter(|r| r.relation == Relation::Equal).count(), 42);
        // Every cell of 三 takes part in at least two rules, no cell in more than three.
        for id in CellId::in_section(crate::model::Section::S3) {
            let n = rules.iter().filter(|r| r.terms.iter().any(|(c, _)| *c == id)).count();
            assert!((2..=3).contains(&n), "{id}: {n}");
        }
    }
}
