//! Error localization (Fellegi–Holt): the fewest filled cells whose change makes every linear
//! rule of the tables hold.
//!
//! The rules (A001–A004, P001) are those of [`linear::linear_rules`]; a rule takes part when all
//! its cells hold counts, as the rules themselves do. The broken rules are grouped into parts
//! that share no cell, and each part is searched on its own: sets of one cell, then two, then
//! three ([`MAX_CELLS`]). A set must touch every broken rule of its part (a cell outside a rule
//! cannot mend it), so candidates are drawn from the smallest broken rule first; once every
//! broken rule is touched, only cells sharing a rule with the set can help. For each candidate
//! set the small system of its rules is solved exactly ([`solve`]): new values whole numbers,
//! not negative, every rule it touches holding. All sets of the smallest size that works are
//! kept: one means the cells are identified, several mean the tables cannot tell (each is
//! listed, none is preferred).

mod linear;
mod solve;

pub use linear::{linear_rules, rules_of_cell, LinearRule, Relation};
pub use solve::MAX_CELLS;

use solve::{solve, Condition, Solution};

use crate::model::{CellId, Report};

/// At most this many partial sets are visited per part (a few hundred for three cells of table
/// 三); past it the part is left unexplained.
const BUDGET: usize = 50_000;
/// At most this many equally small sets are kept per part.
pub const MAX_LISTED: usize = 8;

/// What a cell's new value can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Exact(u64),
    /// From `min` to `max` (`None`: no upper bound): an inequality leaves room.
    Range { min: u64, max: Option<u64> },
    /// Several combinations of values work for this set of cells.
    Open,
}

/// One cell of a set: what it holds and what it could hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellChange {
    pub cell: CellId,
    pub current: u64,
    pub target: Target,
}

/// The broken rules of one part of the tables and the smallest sets of cells that mend them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The broken rules, as indices into [`linear_rules`].
    pub broken: Vec<usize>,
    /// Every smallest set found (at most [`MAX_LISTED`]), cells in table order; empty when no
    /// set of up to [`MAX_CELLS`] cells works or the search gave up.
    pub sets: Vec<Vec<CellChange>>,
    /// How many smallest sets there are (more than `sets.len()` when some were not kept).
    pub set_count: usize,
}

impl Explanation {
    /// The cells are identified: one smallest set, every value known.
    pub fn is_unique(&self) -> bool {
        self.set_count == 1
    }
}

/// The state of the linear rules in one report.
struct Status {
    /// Per rule: all its cells hold counts.
    active: Vec<bool>,
    /// Per rule: `Σ coefficient × value`.
    residual: Vec<i128>,
}

impl Status {
    fn broken(&self, rule: usize) -> bool {
        self.active[rule]
            && match linear_rules()[rule].relation {
                Relation::Equal => self.residual[rule] != 0,
                Relation::AtLeast => self.residual[rule] < 0,
            }
    }
}

fn status(report: &Report) -> Status {
    let rules = linear_rules();
    let mut status = Status { active: Vec::with_capacity(rules.len()), residual: Vec::with_capacity(rules.len()) };
    for rule in rules {
        let mut residual = 0i128;
        let mut active = true;
        for &(cell, coefficient) in &rule.terms {
            match report.count(cell) {
                Some(n) => residual += i128::from(coefficient) * i128::from(n),
                None => active = false,
            }
        }
        status.active.push(active);
        status.residual.push(residual);
    }
    status
}

/// The explanations of every part of the tables with a broken rule, in table order.
pub fn localize(report: &Report) -> Vec<Explanation> {
    let rules = linear_rules();
    let status = status(report);
    let broken: Vec<usize> = (0..rules.len()).filter(|&r| status.broken(r)).collect();
    if broken.is_empty() {
        return Vec::new();
    }
    parts(&status, &broken)
        .into_iter()
        .map(|broken| {
            let mut search = Search { report, status: &status, broken: &broken, tried: Vec::new(), found: Vec::new(), budget: BUDGET };
            let (sets, set_count) = search.run();
            Explanation { broken, sets, set_count }
        })
        .collect()
}

/// The values these cells would need for every linear rule they take part in to hold (the
/// others keep their values), if there are any: what the search tries for each candidate set.
pub fn solve_for(report: &Report, cells: &[CellId]) -> Option<Vec<CellChange>> {
    if cells.is_empty() || cells.len() > MAX_CELLS || cells.iter().any(|&c| report.count(c).is_none()) {
        return None;
    }
    let status = status(report);
    let search = Search { report, status: &status, broken: &[], tried: Vec::new(), found: Vec::new(), budget: 0 };
    search.try_set(cells)
}

/// The broken rules grouped by the parts of the tables they belong to (rules that take part
/// and share cells, transitively).
fn parts(status: &Status, broken: &[usize]) -> Vec<Vec<usize>> {
    let rules = linear_rules();
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for of_cell in CellId::all().map(rules_of_cell) {
        let mut active = of_cell.iter().copied().filter(|&r| status.active[r]);
        if let Some(first) = active.next() {
            for other in active {
                let (a, b) = (root(&mut parent, first), root(&mut parent, other));
                parent[a] = b;
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for &rule in broken {
        let r = root(&mut parent, rule);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, members)) => members.push(rule),
            None => groups.push((r, vec![rule])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

struct Search<'a> {
    report: &'a Report,
    status: &'a Status,
    broken: &'a [usize],
    /// The full-size sets solved so far, cells in table order.
    tried: Vec<Vec<CellId>>,
    found: Vec<Vec<CellChange>>,
    budget: usize,
}

impl Search<'_> {
    fn run(&mut self) -> (Vec<Vec<CellChange>>, usize) {
        // The smallest broken rule first: it has the fewest cells to choose from.
        let order = self.broken.to_vec();
        // No cell takes part in more than three rules.
        let most_rules_per_cell = 3;
        for size in 1..=MAX_CELLS {
            if order.len() > size * most_rules_per_cell {
                continue;
            }
            self.tried.clear();
            self.extend(&order, &mut Vec::new(), size);
            if self.budget == 0 {
                return (Vec::new(), 0);
            }
            if !self.found.is_empty() {
                let mut sets = std::mem::take(&mut self.found);
                sort_small(&mut sets, |a, b| a.iter().map(|c| c.cell).lt(b.iter().map(|c| c.cell)));
                let count = sets.len();
                sets.truncate(MAX_LISTED);
                return (sets, count);
            }
        }
        (Vec::new(), 0)
    }

    /// The rules a set that grows from `set` must still touch: the broken rules it does not
    /// touch, and the equalities that hold but that exactly one of its cells takes part in (a
    /// change of that cell alone would break them). Every cell of a smallest set changes, so
    /// both kinds need another cell.
    fn obligations(&self, order: &[usize], set: &[CellId]) -> Vec<usize> {
        let rules = linear_rules();
        let touches = |rule: usize| rules[rule].terms.iter().filter(|(c, _)| set.contains(c)).count();
        let mut needed: Vec<usize> = order.iter().copied().filter(|&r| touches(r) == 0).collect();
        for cell in set {
            for &r in rules_of_cell(*cell) {
                let holding_equality = self.status.active[r] && !self.status.broken(r) && rules[r].relation == Relation::Equal;
                if holding_equality && touches(r) == 1 && !needed.contains(&r) {
                    needed.push(r);
                }
            }
        }
        needed
    }

    fn extend(&mut self, order: &[usize], set: &mut Vec<CellId>, size: usize) {
        if self.budget == 0 {
            return;
        }
        self.budget -= 1;
        let needed = self.obligations(order, set);
        if set.len() == size {
            if needed.is_empty() {
                let mut key = set.clone();
                sort_small(&mut key, |a, b| a < b);
                if !self.tried.contains(&key) {
                    if let Some(changes) = self.try_set(&key) {
                        self.found.push(changes);
                    }
                    self.tried.push(key);
                }
            }
            return;
        }
        let slots = size - set.len();
        if needed.len() > slots * 3 {
            return;
        }
        let rules = linear_rules();
        let cells_of = |r: usize| rules[r].terms.iter().map(|(c, _)| *c);
        let candidates: Vec<CellId> = if needed.is_empty() {
            // All is touched but the set does not work: only a cell sharing a rule with it can help.
            let mut near: Vec<CellId> = Vec::new();
            for cell in set.iter() {
                for &r in rules_of_cell(*cell) {
                    if !self.status.active[r] {
                        continue;
                    }
                    for c in cells_of(r) {
                        if !near.contains(&c) {
                            near.push(c);
                        }
                    }
                }
            }
            near
        } else if slots == 1 {
            // The last cell must take part in every rule still needed.
            cells_of(needed[0]).filter(|c| needed[1..].iter().all(|&r| rules[r].terms.iter().any(|(d, _)| d == c))).collect()
        } else {
            let fewest = needed.iter().copied().min_by_key(|&r| rules[r].terms.len()).expect("not empty");
            cells_of(fewest).collect()
        };
        for cell in candidates {
            if set.contains(&cell) {
                continue;
            }
            set.push(cell);
            self.extend(order, set, size);
            set.pop();
        }
    }

    /// The new values of `set` that make every rule it touches hold, if any.
    fn try_set(&self, set: &[CellId]) -> Option<Vec<CellChange>> {
        let rules = linear_rules();
        let mut touched: Vec<usize> = Vec::new();
        for &r in set.iter().flat_map(|c| rules_of_cell(*c)) {
            if !touched.contains(&r) {
                touched.push(r);
            }
        }
        let conditions: Vec<Condition> = touched
            .into_iter()
            .filter(|&r| self.status.active[r])
            .map(|r| {
                let mut coefficients = [0i128; MAX_CELLS];
                for &(cell, coefficient) in &rules[r].terms {
                    if let Some(i) = set.iter().position(|c| *c == cell) {
                        coefficients[i] = i128::from(coefficient);
                    }
                }
                Condition { coefficients, rhs: -self.status.residual[r], equal: rules[r].relation == Relation::Equal }
            })
            .collect();
        let current: Vec<u64> = set.iter().map(|&c| self.report.count(c).unwrap_or(0)).collect();
        let targets: Vec<Target> = match solve(&current, &conditions) {
            Solution::None | Solution::Unknown => return None,
            Solution::Unique(values) => values.into_iter().map(Target::Exact).collect(),
            Solution::Range { min, max } => vec![Target::Range { min, max }],
            Solution::Many => vec![Target::Open; set.len()],
        };
        Some(
            set.iter()
                .zip(current)
                .zip(targets)
                .map(|((&cell, current), target)| CellChange { cell, current, target })
                .collect(),
        )
    }
}

/// Sorts a handful of items (at most a few dozen here) by insertion: one small function instead
/// of another copy of the standard library's sort in the page's WebAssembly.
pub(crate) fn sort_small<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_json;

    fn seed() -> Report {
        from_json(include_str!("../../../tests/fixtures/seed.json")).unwrap()
    }

    #[test]
    fn a_consistent_report_needs_no_explanation() {
        assert_eq!(localize(&seed()), Vec::new());
    }

    #[test]
    fn one_wrong_total_is_found_with_its_value() {
        let mut report = seed();
        let cell = CellId::known("s3.outcome_total.natural");
        let right = report.count(cell).unwrap();
        report.set_cell_text(cell, &(right + 7).to_string());
        let explanations = localize(&report);
        assert_eq!(explanations.len(), 1);
        let e = &explanations[0];
        assert_eq!(e.broken.iter().map(|&r| linear_rules()[r].code).collect::<Vec<_>>(), ["A001", "A002", "A003"]);
        assert!(e.is_unique());
        assert_eq!(e.sets, vec![vec![CellChange { cell, current: right + 7, target: Target::Exact(right) }]]);
    }

    #[test]
    fn a_single_sum_cannot_tell_which_cell() {
        let mut report = seed();
        // 行政复议: all 0 in the seed; 结果维持 becomes 1.
        let cell = CellId::known("s4.review.upheld");
        report.set_cell_text(cell, "1");
        let e = &localize(&report)[0];
        assert!(!e.is_unique());
        // 结果维持 back to 0, or 总计 up to 1: the other cells cannot go below 0.
        let total = CellId::known("s4.review.total");
        let expected = vec![
            vec![CellChange { cell, current: 1, target: Target::Exact(0) }],
            vec![CellChange { cell: total, current: 0, target: Target::Exact(1) }],
        ];
        assert_eq!((e.set_count, &e.sets), (2, &expected));
    }

    #[test]
    fn p001_gives_ranges() {
        let mut report = seed();
        for (id, n) in [("s2.regulation.issued", "12"), ("s2.regulation.repealed", "2"), ("s2.regulation.in_force", "6")] {
            report.set_cell_text(CellId::known(id), n);
        }
        let e = &localize(&report)[0];
        assert_eq!(e.set_count, 3);
        let in_force = e.sets.iter().flatten().find(|c| c.cell == CellId::known("s2.regulation.in_force")).unwrap();
        assert_eq!(in_force.target, Target::Range { min: 10, max: None });
    }
}
