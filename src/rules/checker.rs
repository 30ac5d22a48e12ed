//! Checking the same report again and again, as the page does on every keystroke.
//!
//! Reading the prose is what costs time (tens of microseconds for a township's report), while a
//! keystroke changes one cell or one field. [`Checker`] keeps, between checks:
//! - the findings of the rules that read only the prose ([`Inputs::Prose`]), run again only
//!   when the prose, headings, agency block, year or import notes changed;
//! - each prose field's [`FieldAnalysis`], started afresh only for a field whose text changed,
//!   so the rules that compare prose with the tables (T007, T009) re-read nothing on a table
//!   keystroke, and a keystroke in one field re-reads only that field.
//!
//! Its findings are exactly [`check`]'s, and it hands them out by reference: nothing is copied
//! per check.
//!
//! [`check`]: super::check

use super::{Context, FieldAnalysis, Finding, Inputs, Severity, RULES};
use crate::model::{Agency, Report, SourceInfo, TextField};

/// A rule engine that remembers, between checks, what it learnt from the prose.
#[derive(Debug, Default)]
pub struct Checker {
    /// Each prose field's text as of the last check, with its analysis (`TextField as usize`).
    fields: [(String, FieldAnalysis); 4],
    /// The other inputs of the prose rules as of the last check; `None` before the first.
    others: Option<OtherProseInputs>,
    /// Findings of each rule in [`RULES`] order; those of prose rules are reused.
    by_rule: Vec<Vec<Finding>>,
}

impl Checker {
    pub fn new() -> Checker {
        Checker::default()
    }

    /// Checks `report` and returns every finding, most severe first, then in catalog order:
    /// the same findings as [`check`](super::check), borrowed from the checker.
    pub fn check(&mut self, report: &Report) -> Findings<'_> {
        let mut prose_changed = !self.others.as_ref().is_some_and(|o| o.same_as(report));
        if prose_changed {
            self.others = Some(OtherProseInputs::of(report));
        }
        for field in TextField::ALL {
            let (seen, analysis) = &mut self.fields[field as usize];
            let text = report.text.get(field);
            if seen != text {
                seen.clear();
                seen.push_str(text);
                *analysis = FieldAnalysis::default();
                prose_changed = true;
            }
        }
        self.by_rule.resize_with(RULES.len(), Vec::new);
        let context = Context::new(report, self.fields.each_ref().map(|(_, analysis)| analysis));
        run_rules(&context, &mut self.by_rule, prose_changed);
        Findings { by_rule: &self.by_rule }
    }

    /// The findings of the last check (none before the first).
    pub fn findings(&self) -> Findings<'_> {
        Findings { by_rule: &self.by_rule }
    }
}

/// Runs every rule into its own list; the prose rules only when `prose_changed`.
pub(super) fn run_rules(context: &Context, by_rule: &mut [Vec<Finding>], prose_changed: bool) {
    for (rule, findings) in RULES.iter().zip(by_rule) {
        if rule.inputs == Inputs::Prose && !prose_changed {
            continue;
        }
        findings.clear();
        (rule.check)(context, findings);
    }
}

/// The findings of one check, in the order of [`check`](super::check), borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Findings<'a> {
    by_rule: &'a [Vec<Finding>],
}

impl<'a> Findings<'a> {
    pub fn len(self) -> usize {
        self.by_rule.iter().map(Vec::len).sum()
    }

    pub fn is_empty(self) -> bool {
        self.by_rule.iter().all(Vec::is_empty)
    }

    /// How many findings have this severity.
    pub fn count(self, severity: Severity) -> usize {
        self.by_rule.iter().flatten().filter(|f| f.severity == severity).count()
    }

    /// Most severe first, then in catalog order.
    pub fn iter(self) -> FindingsIter<'a> {
        FindingsIter { by_rule: self.by_rule, severity: 0, rule: 0, next: 0 }
    }

    pub fn to_vec(self) -> Vec<Finding> {
        self.iter().cloned().collect()
    }
}

impl<'a> IntoIterator for Findings<'a> {
    type Item = &'a Finding;
    type IntoIter = FindingsIter<'a>;

    fn into_iter(self) -> FindingsIter<'a> {
        self.iter()
    }
}

/// Walks the rules' lists once per severity: the order of a stable sort by severity.
#[derive(Debug, Clone)]
pub struct FindingsIter<'a> {
    by_rule: &'a [Vec<Finding>],
    /// Index into [`Severity::ALL`].
    severity: usize,
    rule: usize,
    next: usize,
}

impl<'a> Iterator for FindingsIter<'a> {
    type Item = &'a Finding;

    fn next(&mut self) -> Option<&'a Finding> {
        while let Some(&severity) = Severity::ALL.get(self.severity) {
            let Some(findings) = self.by_rule.get(self.rule) else {
                (self.severity, self.rule, self.next) = (self.severity + 1, 0, 0);
                continue;
            };
            let Some(finding) = findings.get(self.next) else {
                (self.rule, self.next) = (self.rule + 1, 0);
                continue;
            };
            self.next += 1;
            if finding.severity == severity {
                return Some(finding);
            }
        }
        None
    }
}

/// What the prose rules read besides the prose itself. Comparing it is cheaper than hashing it.
#[derive(Debug)]
struct OtherProseInputs {
    year: Option<i32>,
    headings: Option<Vec<String>>,
    agency: Agency,
    source: Option<SourceInfo>,
}

impl OtherProseInputs {
    fn of(report: &Report) -> OtherProseInputs {
        OtherProseInputs {
            year: report.year,
            headings: report.headings.clone(),
            agency: report.agency.clone(),
            source: report.source.clone(),
        }
    }

    fn same_as(&self, report: &Report) -> bool {
        self.year == report.year
            && self.headings == report.headings
            && self.agency == report.agency
            && self.source == report.source
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{from_json, CellId};
    use crate::rules::check;

    fn same(checker: &mut Checker, report: &Report) {
        assert_eq!(checker.check(report).to_vec(), check(report));
        assert_eq!(checker.findings().len(), check(report).len());
    }

    #[test]
    fn incremental_findings_equal_a_full_check_after_every_kind_of_edit() {
        let mut report = from_json(include_str!("../../tests/fixtures/seed.json")).unwrap();
        let mut checker = Checker::new();
        same(&mut checker, &report);
        report.set_cell_text(CellId::known("s3.new.natural"), "3");
        same(&mut checker, &report);
        report.text.get_mut(TextField::Overview).push_str("本年度共收到申请5件。为建设美丽新郑努力。");
        same(&mut checker, &report);
        report.set_cell_text(CellId::known("s3.new.total"), "abc");
        same(&mut checker, &report);
        report.text.get_mut(TextField::Other).clear();
        same(&mut checker, &report);
        report.agency.region.clear();
        report.agency.name = "郑州市新郑市人民政府".into();
        same(&mut checker, &report);
        report.headings = None;
        same(&mut checker, &report);
        // Back to a text seen before: analysed again, same findings.
        let overview = report.text.get_mut(TextField::Overview);
        *overview = overview.chars().take(30).collect();
        same(&mut checker, &report);
        report.year = Some(2019);
        same(&mut checker, &report);
    }

    #[test]
    fn the_order_is_most_severe_first_then_the_catalog() {
        let mut report = from_json(include_str!("../../tests/fixtures/seed.json")).unwrap();
        report.set_cell_text(CellId::known("s3.new.natural"), "/");
        report.set_cell_text(CellId::known("s3.granted.total"), "1");
        let mut checker = Checker::new();
        let findings = checker.check(&report);
        let severities: Vec<Severity> = findings.iter().map(|f| f.severity).collect();
        assert!(severities.windows(2).all(|w| w[0] <= w[1]), "{severities:?}");
        assert_eq!(findings.len(), findings.iter().count());
        assert_eq!(findings.count(Severity::Error), findings.iter().filter(|f| f.severity == Severity::Error).count());
    }

    /// Counts have no cap: every sum and every comparison with the prose must hold at u64::MAX.
    #[test]
    fn the_largest_counts_check_without_overflow() {
        let mut report = from_json(include_str!("../../tests/fixtures/seed.json")).unwrap();
        for id in CellId::all() {
            report.set_cell_text(id, &u64::MAX.to_string());
        }
        report.text.overview.push_str("共收到申请18446744073709551615件，其中予以公开18446744073709551615件，不予公开3件。");
        let findings = check(&report);
        assert!(findings.iter().any(|f| f.code == "A002"), "the sums are compared exactly");
        assert_eq!(Checker::new().check(&report).to_vec(), findings);
    }
}
