//! The rule catalog: each rule is one file with a stable code, a severity and its documentation.
//!
//! [`registry::RULES`] maps codes to rules; [`check`] runs them all. A new rule is a new file
//! plus one line in the registry: the engine does not change.

mod checker;
mod finding;
pub mod fix;
pub mod locate;
pub mod reference;
pub mod registry;
pub mod review;
mod suspect;

mod analysis;
mod a001;
mod a002;
mod a003;
mod a004;
mod i001;
mod p001;
mod p002;
mod s001;
mod s002;
mod s003;
mod s004;
mod s005;
pub mod sections;
mod t001;
mod t002;
mod t003;
mod t004;
mod t005;
mod t006;
mod t007;
pub mod text;
mod t008;
mod t009;
mod t010;
mod t011;
mod t012;
mod v001;
mod v002;
mod v003;
mod y001;
mod y002;
mod y003;

pub use analysis::{FieldAnalysis, Prose};
pub use checker::Checker;
pub use finding::{Finding, Severity, TextSpan};
pub use fix::{apply_fixes, undo_fixes, AppliedFix, Applicability, Fix};
pub use registry::{rule, CROSS_YEAR, RULES};
pub use suspect::{Suspect, SuspectCell};

use crate::model::{CellId, Report, TextField};

/// One rule of the catalog.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. `A001`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `requests-balance`.
    pub name: &'static str,
    pub severity: Severity,
    /// What the rule reads: the engine reuses the findings of prose rules while the prose is unchanged.
    pub inputs: Inputs,
    /// One line, in Chinese, for listings.
    pub summary: &'static str,
    /// Markdown documentation (what it checks, why it matters, examples): the rule's rustdoc.
    /// Empty when the crate is built without the `rule-docs` feature (the page's WebAssembly).
    pub doc: &'static str,
    pub check: fn(&Context, &mut Vec<Finding>),
}

/// The parts of a report a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inputs {
    /// The cells, and perhaps the year or the agency block — never the prose.
    Tables,
    /// The prose, headings, agency block, year or import notes — never a cell.
    Prose,
    /// Both: compares the prose with the tables.
    Both,
}

/// What a rule sees: the report, the analysis of each prose field, and helpers shared by rules.
pub struct Context<'a> {
    pub report: &'a Report,
    /// Last year's report of the same agency, when one was given (rules Y001–Y003); every
    /// other rule ignores it.
    pub previous: Option<&'a Report>,
    /// What the rules learn from each prose field, indexed by `TextField as usize`; worked out on
    /// first use and, in a [`Checker`], kept until that field changes.
    analyses: [&'a FieldAnalysis; 4],
}

impl<'a> Context<'a> {
    /// `analyses` must belong to the report's current prose (fresh ones always do).
    fn new(report: &'a Report, previous: Option<&'a Report>, analyses: [&'a FieldAnalysis; 4]) -> Self {
        Context { report, previous, analyses }
    }

    /// One prose field with its analysis.
    pub fn prose(&self, field: TextField) -> Prose<'a> {
        Prose::new(field, self.report.text.get(field), self.analyses[field as usize])
    }

    /// The prose fields that hold some text, in document order.
    pub fn prose_fields(&self) -> impl Iterator<Item = Prose<'a>> + '_ {
        TextField::ALL.into_iter().map(|field| self.prose(field)).filter(|prose| !prose.text.trim().is_empty())
    }

    /// The counts in these cells, or `None` when one of them holds no count (not filled in,
    /// or invalid: V001/V002 report those, so sums over them report nothing).
    pub fn counts<const N: usize>(&self, ids: [CellId; N]) -> Option<[u64; N]> {
        let mut values = [0; N];
        for (value, id) in values.iter_mut().zip(ids) {
            *value = self.report.count(id)?;
        }
        Some(values)
    }

    /// The sum of these cells, or `None` when one of them holds no count.
    pub fn sum(&self, ids: impl IntoIterator<Item = CellId>) -> Option<u128> {
        ids.into_iter().map(|id| self.report.count(id).map(u128::from)).sum()
    }
}

/// Declares a rule; its doc comment becomes [`Rule::doc`] (as ruff does with its violations).
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        code: $code:literal,
        name: $name:literal,
        severity: $severity:ident,
        inputs: $inputs:ident,
        summary: $summary:literal,
        check: $check:path $(,)?
    ) => {
        $(#[doc = $doc])*
        pub const RULE: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            name: $name,
            severity: $crate::rules::Severity::$severity,
            inputs: $crate::rules::Inputs::$inputs,
            summary: $summary,
            doc: if cfg!(feature = "rule-docs") { concat!($($doc, "\n"),*) } else { "" },
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

/// Checks a report against every rule, from scratch; findings come most severe first, then in
/// catalog order. [`Checker`] gives the same findings for a report checked again and again. The
/// findings of the sums name the cells most likely wrong, and reviewed findings say so.
pub fn check(report: &Report) -> Vec<Finding> {
    check_with_previous(report, None)
}

/// Checks a report, comparing it with last year's report of the same agency when given.
pub fn check_with_previous(report: &Report, previous: Option<&Report>) -> Vec<Finding> {
    check_selected(report, previous, |_| true)
}

/// Only the cross-year rules ([`CROSS_YEAR`]): what comparing with last year's report adds.
pub fn check_against_previous(report: &Report, previous: &Report) -> Vec<Finding> {
    check_selected(report, Some(previous), |rule| CROSS_YEAR.iter().any(|r| r.code == rule.code))
}

/// Checks a report from scratch against the rules `select` picks (a roll-up: the table rules),
/// in catalog order, most severe first.
pub fn check_selected(report: &Report, previous: Option<&Report>, select: impl Fn(&Rule) -> bool) -> Vec<Finding> {
    let analyses: [FieldAnalysis; 4] = Default::default();
    let context = Context::new(report, previous, analyses.each_ref());
    let mut findings = Vec::new();
    for rule in RULES.iter().filter(|rule| select(rule)) {
        (rule.check)(&context, &mut findings);
    }
    findings.sort_by_key(|f| f.severity);
    annotate(report, &mut findings);
    findings
}

/// What a finding learns from the others and from the report: suspects of the sums, fixes that
/// need the whole table, reviewed marks.
fn annotate(report: &Report, findings: &mut [Finding]) {
    suspect::annotate(report, findings);
    review::annotate(report, findings);
}
