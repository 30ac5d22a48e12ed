//! Pointing at the wrong cell: the findings of the sums carry the cells that error
//! localization ([`super::locate`]) identifies, with the values that mend them, and fixes.

use serde::Serialize;

use super::fix::{Applicability, Fix};
use super::locate::{self, linear_rules, CellChange, Explanation, Target};
use super::Finding;
use crate::model::{CellId, Report};

/// The cells most likely wrong, for the findings of one part of the tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suspect {
    /// Every smallest set of cells whose change makes all the broken sums of this part hold
    /// (at most eight listed), cells in table order.
    pub sets: Vec<Vec<SuspectCell>>,
    /// How many such sets there are: 1 when the cells are identified, more when the tables
    /// cannot tell which (then none is preferred).
    pub set_count: usize,
    /// The rules the change makes hold at once, e.g. A001, A002, A003.
    pub rules: Vec<&'static str>,
    /// In Chinese: 「最可能是（七）总计（自然人）填写有误：改为 3375，则 A001、A002、A003 同时成立」.
    pub message: String,
}

/// One cell of a set: its value now and what it should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SuspectCell {
    pub cell: CellId,
    pub current: u64,
    /// The one value that works, when there is one.
    pub value: Option<u64>,
    /// For an inequality (P001), the range of values that work instead (`max` null: no upper
    /// bound); all three are null when several combinations of values work.
    pub min: Option<u64>,
    pub max: Option<u64>,
}

impl From<&CellChange> for SuspectCell {
    fn from(c: &CellChange) -> Self {
        let (value, min, max) = match c.target {
            Target::Exact(v) => (Some(v), None, None),
            Target::Range { min, max } => (None, Some(min), max),
            Target::Open => (None, None, None),
        };
        SuspectCell { cell: c.cell, current: c.current, value, min, max }
    }
}

/// Adds the suspects and their fixes to the findings of the sums, and to a not-filled 总计
/// whose parts are all filled the fix that fills it.
pub(super) fn annotate(report: &Report, findings: &mut [Finding]) {
    for explanation in locate::localize(report) {
        if explanation.sets.is_empty() {
            continue;
        }
        let suspect = suspect(&explanation);
        let fixes = fixes(report, &explanation);
        for &r in &explanation.broken {
            let rule = &linear_rules()[r];
            for f in findings.iter_mut().filter(|f| f.code == rule.code && f.cells.first() == Some(&rule.anchor)) {
                f.suspect = Some(suspect.clone());
                f.fixes.extend(fixes.iter().cloned());
            }
        }
    }
    for f in findings.iter_mut().filter(|f| f.code == "V002") {
        let Some(&cell) = f.cells.first() else { continue };
        f.fixes.extend(fill_total(report, cell));
    }
}

fn suspect(e: &Explanation) -> Suspect {
    let mut rules: Vec<&'static str> = e.broken.iter().map(|&r| linear_rules()[r].code).collect();
    rules.dedup();
    let hold = if rules.len() > 1 { format!("{} 同时成立", rules.join("、")) } else { format!("{} 成立", rules[0]) };
    let message = if e.is_unique() {
        let set = &e.sets[0];
        let labels = join_all(set.iter().map(|c| c.cell.short_label()).collect(), "和");
        let what = match set.as_slice() {
            [one] => target_text(one.target),
            _ if set.iter().all(|c| matches!(c.target, Target::Exact(_))) => {
                let values: Vec<String> = set.iter().map(|c| target_value(c.target)).collect();
                format!("分别改为 {}", join_all(values, " 和 "))
            }
            _ if set.iter().all(|c| c.target == Target::Open) => "改动这几格（数值不能唯一确定）".to_string(),
            _ => change_list(set),
        };
        format!("最可能是{labels}填写有误：{what}，则 {hold}")
    } else {
        let size = e.sets[0].len();
        let which = if size == 1 { "哪一格" } else { "哪几格" };
        let ways: Vec<String> = e.sets.iter().map(|set| change_list(set)).collect();
        let more = if e.set_count > e.sets.len() { format!("……（共 {} 种）", e.set_count) } else { String::new() };
        format!(
            "只需改动 {size} 格即可使 {hold}，但有 {} 种改法，无法确定是{which}：{}{more}",
            e.set_count,
            ways.join("；或")
        )
    };
    Suspect { sets: e.sets.iter().map(|s| s.iter().map(SuspectCell::from).collect()).collect(), set_count: e.set_count, rules, message }
}

/// 「甲」, 「甲和乙」, 「甲、乙和丙」 (`and`: 「和」, or 「 和 」 between numbers).
fn join_all(mut items: Vec<String>, and: &str) -> String {
    match items.len() {
        0 | 1 => items.pop().unwrap_or_default(),
        _ => {
            let last = items.pop().unwrap_or_default();
            format!("{}{and}{last}", items.join("、"))
        }
    }
}

fn change_list(set: &[CellChange]) -> String {
    set.iter().map(|c| format!("{}{}", c.cell.short_label(), target_text(c.target))).collect::<Vec<_>>().join("，")
}

fn target_value(target: Target) -> String {
    match target {
        Target::Exact(v) => v.to_string(),
        _ => String::new(),
    }
}

fn target_text(target: Target) -> String {
    match target {
        Target::Exact(v) => format!("改为 {v}"),
        Target::Range { min, max: None } => format!("改为不少于 {min}"),
        Target::Range { min: 0, max: Some(max) } => format!("改为不多于 {max}"),
        Target::Range { min, max: Some(max) } => format!("改为 {min} 至 {max} 之间的数"),
        Target::Open => "改动".to_string(),
    }
}

/// One fix per smallest set whose values are all known: to review when it is the only one,
/// one choice among several otherwise.
fn fixes(report: &Report, e: &Explanation) -> Vec<Fix> {
    let applicability = if e.is_unique() { Applicability::Review } else { Applicability::Alternative };
    e.sets
        .iter()
        .filter_map(|set| {
            let values: Option<Vec<(CellId, String)>> = set
                .iter()
                .map(|c| match c.target {
                    Target::Exact(v) => Some((c.cell, v.to_string())),
                    _ => None,
                })
                .collect();
            values.map(|values| Fix::set_cells(report, &values, applicability))
        })
        .collect()
}

/// For a 总计 not filled in whose parts are: their sum, when it makes every other rule the
/// cell takes part in hold as well (a sum that breaks another one is no fix: some other number
/// is wrong, and the person must look).
fn fill_total(report: &Report, cell: CellId) -> Option<Fix> {
    let rules = locate::rules_of_cell(cell);
    let (code, sum) = rules.iter().map(|&r| &linear_rules()[r]).filter(|rule| rule.total == Some(cell)).find_map(|rule| {
        let parts = rule.terms.iter().filter(|(c, _)| *c != cell);
        let sum = parts.map(|(c, _)| report.count(*c)).try_fold(0u64, |acc, n| acc.checked_add(n?))?;
        Some((rule.code, sum))
    })?;
    let holds = |r: &usize| {
        let rule = &linear_rules()[*r];
        let mut residual = 0i128;
        for &(c, coefficient) in &rule.terms {
            let value = if c == cell { Some(sum) } else { report.count(c) };
            let Some(value) = value else { return true };
            residual += i128::from(coefficient) * i128::from(value);
        }
        match rule.relation {
            locate::Relation::Equal => residual == 0,
            locate::Relation::AtLeast => residual >= 0,
        }
    };
    if !rules.iter().all(holds) {
        return None;
    }
    let mut fix = Fix::set_cells(report, &[(cell, sum.to_string())], Applicability::Review);
    fix.title = format!("{}填入各项之和 {sum}（{code}）", cell.short_label());
    Some(fix)
}
