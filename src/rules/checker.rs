//! Checking the same report again and again, as the page does on every keystroke.
//!
//! Reading the prose is what costs time (tens of microseconds for a township's report), while a
//! keystroke changes one cell or one field. [`Checker`] keeps, between checks:
//! - the findings of the rules that read only the prose ([`Inputs::Prose`]), run again only
//!   when the prose, headings, agency block, year or import notes changed;
//! - each prose field's [`FieldAnalysis`], started afresh only for a field whose text changed,
//!   so the rules that compare prose with the tables (T007, T009) re-read nothing on a table
//!   keystroke; after a keystroke in one field the prose rules run again, and only that field's
//!   analysis is worked out anew.
//!
//! Its findings are exactly [`check`]'s, or, once it was given last year's report
//! ([`Checker::set_previous`]), exactly [`check_with_previous`]'s (the cross-year rules read the
//! tables too, so they run on every check), handed out as a borrowed slice. Per check it copies
//! only the kept findings of the prose rules (a handful); the others are made afresh and moved.
//!
//! [`check`]: super::check
//! [`check_with_previous`]: super::check_with_previous

use super::{annotate, Context, FieldAnalysis, Finding, Inputs, RULES};
use crate::model::{Agency, Report, SourceInfo, TextField};

/// A rule engine that remembers, between checks, what it learnt from the prose.
#[derive(Debug, Default)]
pub struct Checker {
    /// Each prose field's text as of the last check, with its analysis (`TextField as usize`).
    fields: [(String, FieldAnalysis); 4],
    /// The other inputs of the prose rules as of the last check; `None` before the first.
    others: Option<OtherProseInputs>,
    /// The findings of each prose rule as of its last run, in [`RULES`] order (empty for the others).
    prose_findings: Vec<Vec<Finding>>,
    /// The findings of the last check, in the order of [`check`](super::check).
    findings: Vec<Finding>,
    /// Last year's report of the same agency, for the cross-year rules (Y001–Y003).
    previous: Option<Report>,
}

impl Checker {
    pub fn new() -> Checker {
        Checker::default()
    }

    /// Compares every later check with last year's report (`None`: with none).
    pub fn set_previous(&mut self, previous: Option<Report>) {
        self.previous = previous;
    }

    /// Forgets what the checks so far learnt from the prose, so that the next one reads it afresh
    /// (after the place-name table arrives, `text::places::install`); keeps last year's report.
    pub fn forget_prose(&mut self) {
        let previous = self.previous.take();
        *self = Checker { previous, ..Checker::default() };
    }

    /// Last year's report, when one was given.
    pub fn previous(&self) -> Option<&Report> {
        self.previous.as_ref()
    }

    /// Checks `report` and returns every finding, most severe first, then in catalog order:
    /// the same findings as [`check`](super::check).
    pub fn check(&mut self, report: &Report) -> &[Finding] {
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
        self.prose_findings.resize_with(RULES.len(), Vec::new);
        let context = Context::new(report, self.previous.as_ref(), self.fields.each_ref().map(|(_, analysis)| analysis));
        self.findings.clear();
        for (rule, kept) in RULES.iter().zip(&mut self.prose_findings) {
            if rule.inputs != Inputs::Prose {
                (rule.check)(&context, &mut self.findings);
                continue;
            }
            if prose_changed {
                kept.clear();
                (rule.check)(&context, kept);
            }
            self.findings.extend(kept.iter().cloned());
        }
        // Stable: within a severity, catalog order.
        self.findings.sort_by_key(|f| f.severity);
        annotate(report, &mut self.findings);
        &self.findings
    }

    /// The findings of the last check (none before the first).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
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
    use crate::rules::{check, Severity};

    fn same(checker: &mut Checker, report: &Report) {
        assert_eq!(checker.check(report), check(report));
        assert_eq!(checker.findings(), check(report));
    }

    #[test]
    fn forgetting_the_prose_keeps_last_years_report() {
        let report = from_json(include_str!("../../tests/fixtures/seed.json")).unwrap();
        let mut checker = Checker::new();
        checker.set_previous(Some(report.clone()));
        let before = checker.check(&report).to_vec();
        checker.forget_prose();
        assert!(checker.previous().is_some() && checker.findings().is_empty());
        assert_eq!(checker.check(&report), before);
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
    fn with_last_years_report_the_findings_are_those_of_check_with_previous() {
        use crate::rules::check_with_previous;
        let mut report = from_json(include_str!("../../tests/fixtures/batch/hongze-2024.json")).unwrap();
        let mut last = report.clone();
        last.year = Some(2023);
        last.set_cell_text(CellId::known("s3.carried_out.natural"), "5");
        let mut checker = Checker::new();
        same(&mut checker, &report);
        checker.set_previous(Some(last.clone()));
        assert!(checker.check(&report).iter().any(|f| f.code == "Y001"));
        assert_eq!(checker.check(&report), check_with_previous(&report, Some(&last)));
        report.set_cell_text(CellId::known("s3.carried_in.natural"), "5");
        assert_eq!(checker.check(&report), check_with_previous(&report, Some(&last)));
        report.text.get_mut(TextField::Overview).push_str("本年度共收到申请5件。");
        assert_eq!(checker.check(&report), check_with_previous(&report, Some(&last)));
        checker.set_previous(None);
        same(&mut checker, &report);
    }

    #[test]
    fn the_order_is_most_severe_first_then_the_catalog() {
        let mut report = from_json(include_str!("../../tests/fixtures/seed.json")).unwrap();
        report.set_cell_text(CellId::known("s3.new.natural"), "/");
        report.set_cell_text(CellId::known("s3.granted.total"), "1");
        let mut checker = Checker::new();
        let keys: Vec<(Severity, usize)> = checker
            .check(&report)
            .iter()
            .map(|f| (f.severity, RULES.iter().position(|r| r.code == f.code).unwrap()))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
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
        assert_eq!(Checker::new().check(&report), findings);
    }
}
