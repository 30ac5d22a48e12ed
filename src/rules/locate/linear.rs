//! The linear rules of the tables, as data: what A001–A004 check (42 equalities) and P001 (two
//! inequalities). Error localization reads them here and nowhere else.

use std::sync::OnceLock;

use crate::model::cells::S2_ROWS;
use crate::model::labels::{
    Axis, S2_IN_FORCE, S2_ISSUED, S2_NORMATIVE, S2_REGULATION, S2_REPEALED, S3_COLUMNS, S3_OUTCOME_ROWS, S3_ROWS, S4_COLUMNS,
    S4_GROUPS,
};
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

/// The position of the row or column with this key (the labels name them; no index is written here).
fn position(axes: &[Axis], key: &str) -> usize {
    axes.iter().position(|a| a.key == key).expect("a key of the format")
}

fn sum(code: &'static str, total: CellId, parts: impl IntoIterator<Item = CellId>) -> LinearRule {
    let terms = std::iter::once((total, 1)).chain(parts.into_iter().map(|c| (c, -1))).collect();
    LinearRule { code, anchor: total, total: Some(total), terms, relation: Relation::Equal }
}

fn build() -> Vec<LinearRule> {
    let mut rules = Vec::new();
    let row = |key| position(&S3_ROWS, key);
    let (new, carried_in, outcome_total, carried_out) = (row("new"), row("carried_in"), row("outcome_total"), row("carried_out"));
    let total_column = S3_COLUMNS.len() - 1;
    // A001: 一 + 二 = （七）总计 + 四, in every column.
    for column in 0..S3_COLUMNS.len() {
        let cell = |row| CellId::s3(row, column);
        let terms = vec![(cell(new), 1), (cell(carried_in), 1), (cell(outcome_total), -1), (cell(carried_out), -1)];
        rules.push(LinearRule { code: "A001", anchor: cell(outcome_total), total: None, terms, relation: Relation::Equal });
    }
    // A002: （七）总计 = the 21 outcome rows, in every column.
    for column in 0..S3_COLUMNS.len() {
        rules.push(sum("A002", CellId::s3(outcome_total, column), S3_OUTCOME_ROWS.map(|row| CellId::s3(row, column))));
    }
    // A003: 总计 = the six applicant columns, in every row.
    for row in 0..S3_ROWS.len() {
        rules.push(sum("A003", CellId::s3(row, total_column), (0..total_column).map(|column| CellId::s3(row, column))));
    }
    // A004: 总计 = 维持 + 纠正 + 其他 + 尚未审结, in every group.
    let s4_total = S4_COLUMNS.len() - 1;
    for group in 0..S4_GROUPS.len() {
        rules.push(sum("A004", CellId::s4(group, s4_total), (0..s4_total).map(|column| CellId::s4(group, column))));
    }
    // P001: 现行有效 + 本年废止 ≥ 本年制发 (the same as 现行有效 ≥ 制发 − 废止 for counts).
    for key in [S2_REGULATION.key, S2_NORMATIVE.key] {
        let (row, columns) = S2_ROWS.iter().enumerate().find(|(_, (r, _))| r.key == key).map(|(i, (_, c))| (i, *c)).expect("a row of 二");
        let cell = |axis: Axis| CellId::s2(row, position(columns, axis.key));
        let in_force = cell(S2_IN_FORCE);
        let terms = vec![(in_force, 1), (cell(S2_REPEALED), 1), (cell(S2_ISSUED), -1)];
        rules.push(LinearRule { code: "P001", anchor: in_force, total: None, terms, relation: Relation::AtLeast });
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_name_the_cells_of_the_format() {
        let ids = |r: &LinearRule| r.terms.iter().map(|(c, k)| format!("{k:+} {c}")).collect::<Vec<_>>();
        let rules = linear_rules();
        assert_eq!(
            ids(&rules[0]),
            ["+1 s3.new.natural", "+1 s3.carried_in.natural", "-1 s3.outcome_total.natural", "-1 s3.carried_out.natural"]
        );
        let p001 = rules.iter().find(|r| r.code == "P001").unwrap();
        assert_eq!(ids(p001), ["+1 s2.regulation.in_force", "+1 s2.regulation.repealed", "-1 s2.regulation.issued"]);
        let a004 = rules.iter().find(|r| r.code == "A004").unwrap();
        assert_eq!(a004.total.map(|c| c.as_str()), Some("s4.review.total"));
    }

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
