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

pub use checker::Checker;
pub use finding::{Finding, Severity, TextSpan};
pub use fix::{apply_fixes, undo_fixes, AppliedFix, Applicability, Fix};
pub use registry::{rule, CROSS_YEAR, RULES};
pub use suspect::{Suspect, SuspectCell};

use crate::model::{CellId, Report};

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

/// What a rule sees: the report, and helpers shared by rules.
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

pub struct Context<'a> {
    pub report: &'a Report,
    /// Last year's report of the same agency, when one was given (rules Y001–Y003); every
    /// other rule ignores it.
    pub previous: Option<&'a Report>,
    /// Sentences, clauses and counts of each prose field, worked out once per check.
    prose: [text::ProseIndex<'a>; 4],
}

impl<'a> Context<'a> {
    pub fn new(report: &'a Report) -> Self {
        Self::with_previous(report, None)
    }

    /// A context that also sees last year's report.
    pub fn with_previous(report: &'a Report, previous: Option<&'a Report>) -> Self {
        let prose = crate::model::TextField::ALL.map(|field| text::ProseIndex::new(report.text.get(field)));
        Context { report, previous, prose }
    }

    /// The shared analysis of one prose field.
    pub fn prose(&self, field: crate::model::TextField) -> &text::ProseIndex<'a> {
        &self.prose[field as usize]
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

/// Only the cross-year rules ([`CROSS_YEAR`]): what comparing with last year's report adds.
pub fn check_against_previous(report: &Report, previous: &Report) -> Vec<Finding> {
    let context = Context::with_previous(report, Some(previous));
    let mut findings = Vec::new();
    for rule in CROSS_YEAR {
        (rule.check)(&context, &mut findings);
    }
    findings.sort_by_key(|f| f.severity);
    findings
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

/// Checks a report against every rule; findings come most severe first, then in catalog order.
/// The findings of the sums name the cells most likely wrong, and reviewed findings say so.
pub fn check(report: &Report) -> Vec<Finding> {
    check_with_previous(report, None)
}

/// Checks a report, comparing it with last year's report of the same agency when given.
pub fn check_with_previous(report: &Report, previous: Option<&Report>) -> Vec<Finding> {
    let context = Context::with_previous(report, previous);
    let mut findings = Vec::new();
    for rule in RULES {
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
