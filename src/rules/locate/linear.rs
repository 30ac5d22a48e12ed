//! The linear rules of the tables as error localization reads them: the model's 42 equalities
//! (what A001–A004 check, `model::equalities`) and P001's two inequalities.

use std::sync::OnceLock;

use crate::model::labels::{S2_IN_FORCE, S2_ISSUED, S2_REPEALED};
use crate::model::{equalities, CellId, EqualityKind, S2Row};

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

/// The rule that checks each kind of equality.
fn code(kind: EqualityKind) -> &'static str {
    match kind {
        EqualityKind::RequestsBalance => "A001",
        EqualityKind::OutcomeTotal => "A002",
        EqualityKind::ApplicantTotal => "A003",
        EqualityKind::CaseTotal => "A004",
    }
}

/// The model's equalities (`model::equalities`: totals − parts = 0), then P001.
fn build() -> Vec<LinearRule> {
    let mut rules: Vec<LinearRule> = equalities()
        .iter()
        .map(|e| LinearRule {
            code: code(e.kind),
            anchor: e.totals[0],
            total: (e.totals.len() == 1).then(|| e.totals[0]),
            terms: e.totals.iter().map(|&c| (c, 1)).chain(e.parts.iter().map(|&c| (c, -1))).collect(),
            relation: Relation::Equal,
        })
        .collect();
    // P001: 现行有效 + 本年废止 ≥ 本年制发 (the same as 现行有效 ≥ 制发 − 废止 for counts).
    for row in [S2Row::REGULATION, S2Row::NORMATIVE] {
        let in_force = row.cell(S2_IN_FORCE);
        let terms = vec![(in_force, 1), (row.cell(S2_REPEALED), 1), (row.cell(S2_ISSUED), -1)];
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
            ["+1 s3.outcome_total.natural", "+1 s3.carried_out.natural", "-1 s3.new.natural", "-1 s3.carried_in.natural"]
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
