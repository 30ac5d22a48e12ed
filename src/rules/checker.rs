//! Checking the same report again and again, as the page does on every keystroke.
//!
//! Reading the prose is what costs time (about a hundred microseconds for a township's
//! report), while a keystroke in a table changes no prose. [`Checker`] keeps the findings of the
//! rules that read only the prose ([`Inputs::Prose`]) and runs them again only when the prose,
//! headings, agency block, year or import notes changed. Its findings are exactly [`check`]'s.

use super::{annotate, Context, Finding, Inputs, RULES};
use crate::model::{Agency, Report, SourceInfo, Texts};

/// A rule engine that remembers the findings of prose rules between checks.
#[derive(Debug, Default)]
pub struct Checker {
    /// What the prose rules read, as of their last run.
    prose: Option<ProseInputs>,
    /// Findings of each rule in [`RULES`] order; those of prose rules are reused.
    by_rule: Vec<Vec<Finding>>,
}

impl Checker {
    pub fn new() -> Checker {
        Checker::default()
    }

    /// The findings of every rule, most severe first, then in catalog order: as [`check`].
    ///
    /// [`check`]: super::check
    pub fn check(&mut self, report: &Report) -> Vec<Finding> {
        let prose_changed = !self.prose.as_ref().is_some_and(|p| p.same_as(report));
        if prose_changed {
            self.prose = Some(ProseInputs::of(report));
        }
        self.by_rule.resize_with(RULES.len(), Vec::new);
        let context = Context::new(report);
        for (rule, findings) in RULES.iter().zip(&mut self.by_rule) {
            if rule.inputs == Inputs::Prose && !prose_changed {
                continue;
            }
            findings.clear();
            (rule.check)(&context, findings);
        }
        let mut all: Vec<Finding> = self.by_rule.iter().flatten().cloned().collect();
        all.sort_by_key(|f| f.severity);
        annotate(report, &mut all);
        all
    }
}

/// Everything a prose rule may read. Comparing it is cheaper than hashing it (a few kilobytes).
#[derive(Debug)]
struct ProseInputs {
    year: Option<i32>,
    headings: Option<Vec<String>>,
    text: Texts,
    agency: Agency,
    source: Option<SourceInfo>,
}

impl ProseInputs {
    fn of(report: &Report) -> ProseInputs {
        ProseInputs {
            year: report.year,
            headings: report.headings.clone(),
            text: report.text.clone(),
            agency: report.agency.clone(),
            source: report.source.clone(),
        }
    }

    fn same_as(&self, report: &Report) -> bool {
        self.year == report.year
            && self.text == report.text
            && self.headings == report.headings
            && self.agency == report.agency
            && self.source == report.source
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{from_json, CellId, TextField};

    #[test]
    fn incremental_findings_equal_a_full_check_after_every_kind_of_edit() {
        let mut report = from_json(include_str!("../../tests/fixtures/seed.json")).unwrap();
        let mut checker = Checker::new();
        assert_eq!(checker.check(&report), super::super::check(&report));
        report.set_cell_text(CellId::known("s3.new.natural"), "3");
        assert_eq!(checker.check(&report), super::super::check(&report));
        report.text.get_mut(TextField::Overview).push_str("本年度共收到申请5件。为建设美丽新郑努力。");
        assert_eq!(checker.check(&report), super::super::check(&report));
        report.set_cell_text(CellId::known("s3.new.total"), "abc");
        assert_eq!(checker.check(&report), super::super::check(&report));
        report.agency.region.clear();
        report.agency.name = "郑州市新郑市人民政府".into();
        assert_eq!(checker.check(&report), super::super::check(&report));
        report.headings = None;
        assert_eq!(checker.check(&report), super::super::check(&report));
    }
}
