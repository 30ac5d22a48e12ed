//! One row per report: who, which year, which tables, how many findings of each severity.

use serde::Serialize;

use crate::import::{self, ImportSummary};
use crate::model::{Level, Report, TableEdition};
use crate::rules::{self, Finding, Severity};

/// Findings counted by severity.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    /// Findings marked 「已核实」 (reviewed): counted here instead of by their severity.
    #[serde(skip_serializing_if = "is_zero")]
    pub reviewed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Counts {
    pub fn of(findings: &[Finding]) -> Counts {
        let mut counts = Counts::default();
        for f in findings {
            counts.count_finding(f);
        }
        counts
    }

    /// Counts a finding by its severity, or as reviewed.
    pub fn count_finding(&mut self, finding: &Finding) {
        if finding.reviewed.is_some() {
            self.reviewed += 1;
        } else {
            self.count(finding.severity);
        }
    }

    pub fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.error += other.error;
        self.warning += other.warning;
        self.info += other.info;
        self.reviewed += other.reviewed;
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} 个错误、{} 个警告、{} 条提示", self.error, self.warning, self.info)?;
        if self.reviewed > 0 {
            write!(f, "（另有 {} 条已核实）", self.reviewed)?;
        }
        Ok(())
    }
}

/// What a reviewer scans first about one checked report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportSummary {
    /// The agency's name as the report gives it (empty when none was found).
    pub agency: String,
    pub level: Option<Level>,
    pub year: Option<i32>,
    /// The edition of the statistical tables: `2021` or `2019`.
    pub edition: TableEdition,
    pub counts: Counts,
    /// The distinct rule codes found, in catalog order.
    pub codes: Vec<&'static str>,
    /// What the import could not do, in Chinese (empty for a clean import).
    pub import_problems: Vec<String>,
    /// The file of last year's report this one was compared with (rules Y001–Y003).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
}

impl ReportSummary {
    pub fn new(report: &Report, import: Option<&ImportSummary>, findings: &[Finding]) -> ReportSummary {
        let mut codes: Vec<&'static str> = findings.iter().map(|f| f.code).collect();
        let order = |code: &str| rules::RULES.iter().position(|r| r.code == code);
        codes.sort_by_key(|c| order(c));
        codes.dedup();
        ReportSummary {
            agency: report.agency.name.clone(),
            level: report.agency.level,
            year: report.year,
            edition: report.source.as_ref().map(|s| s.tables).unwrap_or_default(),
            counts: Counts::of(findings),
            codes,
            import_problems: import.map(import_problems).unwrap_or_default(),
            previous: None,
        }
    }

    /// Adds findings found later (the cross-year rules, once the pair is known).
    pub fn add_findings(&mut self, findings: &[Finding]) {
        for f in findings {
            self.counts.count_finding(f);
            if !self.codes.contains(&f.code) {
                self.codes.push(f.code);
            }
        }
        let order = |code: &str| rules::RULES.iter().position(|r| r.code == code);
        self.codes.sort_by_key(|c| order(c));
    }
}

/// The import's shortcomings, one short Chinese phrase each.
fn import_problems(summary: &ImportSummary) -> Vec<String> {
    let mut problems = Vec::new();
    if summary.cells_not_found > 0 && summary.format != import::Format::Json {
        problems.push(format!("{} 个单元格在文件中没有找到", summary.cells_not_found));
    }
    if !summary.unplaced.is_empty() {
        problems.push(format!("{} 处内容无法对应到报告中", summary.unplaced.len()));
    }
    if summary.edition == TableEdition::Y2019 {
        problems.push("表格为 2019 年旧版格式".to_string());
    }
    problems
}

/// A report read from a file and checked.
#[derive(Debug, Clone)]
pub struct Checked {
    pub report: Report,
    pub summary: ReportSummary,
    pub findings: Vec<Finding>,
}

/// Reads one file (any format [`import::import`] reads) and checks it, with last year's report
/// if there is one. The error is the importer's Chinese message.
pub fn check_file(bytes: &[u8], file_name: &str, previous: Option<&Report>) -> Result<Checked, String> {
    let (report, import) = import::import_with_summary(bytes, file_name).map_err(|e| e.message)?;
    let findings = rules::check_with_previous(&report, previous);
    let summary = ReportSummary::new(&report, Some(&import), &findings);
    Ok(Checked { report, summary, findings })
}

/// The outcome for one file of a batch, as the outputs show it.
#[derive(Debug, Clone, Serialize)]
pub struct FileResult {
    pub file: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Outcome {
    Checked {
        #[serde(flatten)]
        summary: ReportSummary,
        findings: Vec<Finding>,
    },
    /// The file could not be read: the message says why.
    Failed { error: String },
}

impl FileResult {
    pub fn checked(file: impl Into<String>, summary: ReportSummary, findings: Vec<Finding>) -> FileResult {
        FileResult { file: file.into(), outcome: Outcome::Checked { summary, findings } }
    }

    pub fn failed(file: impl Into<String>, error: impl Into<String>) -> FileResult {
        FileResult { file: file.into(), outcome: Outcome::Failed { error: error.into() } }
    }

    pub fn counts(&self) -> Option<Counts> {
        match &self.outcome {
            Outcome::Checked { summary, .. } => Some(summary.counts),
            Outcome::Failed { .. } => None,
        }
    }
}
