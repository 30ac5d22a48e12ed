//! Checking the same report again and again, as the page does on every keystroke.
//!
//! Reading the prose is what costs time (about a hundred microseconds for a township's
//! report), while a keystroke in a table changes no prose. [`Checker`] keeps the findings of the
//! rules that read only the prose ([`Inputs::Prose`]) and runs them again only when the prose,
//! headings, agency block, year or import notes changed. Its findings are exactly [`check`]'s.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use super::{Context, Finding, Inputs, RULES};
use crate::model::Report;

/// A rule engine that remembers the findings of prose rules between checks.
#[derive(Debug, Default)]
pub struct Checker {
    prose_key: Option<u64>,
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
        let key = prose_key(report);
        let prose_changed = self.prose_key != Some(key);
        self.prose_key = Some(key);
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
        all
    }
}

/// A hash of everything a prose rule may read.
fn prose_key(report: &Report) -> u64 {
    let mut hasher = DefaultHasher::new();
    report.year.hash(&mut hasher);
    report.headings.hash(&mut hasher);
    report.text.preamble.hash(&mut hasher);
    report.text.overview.hash(&mut hasher);
    report.text.problems.hash(&mut hasher);
    report.text.other.hash(&mut hasher);
    let agency = &report.agency;
    (&agency.name, agency.level.map(|l| l.key()), &agency.region, &agency.address).hash(&mut hasher);
    (&agency.postcode, &agency.phone, &agency.email).hash(&mut hasher);
    format!("{:?}", report.source).hash(&mut hasher);
    hasher.finish()
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
