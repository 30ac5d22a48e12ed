//! `xxgk check`: findings per file, as text for people or as one JSON document for machines.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;
use xxgk_report::model::TextField;
use xxgk_report::{Finding, Severity};

use crate::fix::{self, FixOptions, FixOutcome};
use crate::input::read_report;
use crate::status::Status;

/// The outcome for one file.
#[derive(Serialize)]
#[serde(untagged)]
enum FileReport {
    Checked {
        file: String,
        counts: Counts,
        findings: Vec<Finding>,
        #[serde(skip_serializing_if = "Option::is_none")]
        fixes: Option<FixOutcome>,
    },
    Failed { file: String, error: String },
}

#[derive(Default, Clone, Copy, Serialize)]
struct Counts {
    error: usize,
    warning: usize,
    info: usize,
    /// Findings marked 「已核实」, counted apart from the others.
    reviewed: usize,
}

impl Counts {
    fn of(findings: &[Finding]) -> Counts {
        let mut counts = Counts::default();
        for f in findings {
            if f.reviewed.is_some() {
                counts.reviewed += 1;
                continue;
            }
            match f.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        counts
    }

    fn add(&mut self, other: Counts) {
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

pub fn run(files: &[PathBuf], json: bool, fix: &FixOptions) -> io::Result<Status> {
    let mut status = Status::Clean;
    let mut reports = Vec::with_capacity(files.len());
    let mut out = io::stdout().lock();
    for path in files {
        let file = path.to_string_lossy().into_owned();
        let read = read_report(path);
        if !json && read.is_ok() && fix.mode == fix::FixMode::Apply {
            writeln!(out, "{file}")?;
        }
        let read = match read {
            Ok(report) if fix.active() => match fix::run(path, report, fix, json, &mut out)? {
                (report, Ok(outcome)) => Ok((report, Some(outcome))),
                (_, Err(error)) => Err(error),
            },
            other => other.map(|report| (report, None)),
        };
        let report = match read {
            Ok((report, fixes)) => {
                let findings = xxgk_report::check(&report);
                let counts = Counts::of(&findings);
                if counts.error > 0 {
                    status = status.max(Status::Errors);
                }
                FileReport::Checked { file, counts, findings, fixes }
            }
            Err(error) => {
                status = Status::Failed;
                FileReport::Failed { file, error }
            }
        };
        if !json && fix.mode == fix::FixMode::Diff {
            if let FileReport::Failed { file, error } = &report {
                eprintln!("xxgk：无法检查 {file}：{error}");
            }
        } else if !json {
            print_text(&mut out, &report, files.len() > 1, fix.active())?;
        }
        reports.push(report);
    }
    if json {
        serde_json::to_writer_pretty(&mut out, &reports)?;
        writeln!(out)?;
    } else if files.len() > 1 {
        print_total(&mut out, &reports)?;
    }
    out.flush()?;
    Ok(status)
}

fn print_text(out: &mut impl Write, report: &FileReport, several: bool, named: bool) -> io::Result<()> {
    match report {
        FileReport::Failed { file, error } => {
            out.flush()?;
            eprintln!("xxgk：无法检查 {file}：{error}");
            return Ok(());
        }
        FileReport::Checked { file, counts, findings, .. } => {
            if !named {
                writeln!(out, "{file}")?;
            }
            for finding in findings {
                print_finding(out, finding)?;
            }
            let verdict = if findings.is_empty() { "，未发现问题" } else { "" };
            writeln!(out, "{file}：{counts}{verdict}")?;
        }
    }
    if several {
        writeln!(out)?;
    }
    Ok(())
}

fn print_finding(out: &mut impl Write, f: &Finding) -> io::Result<()> {
    let label = if f.reviewed.is_some() { "已核实" } else { f.severity.label() };
    writeln!(out, "  {label} {} {}", f.code, f.name)?;
    writeln!(out, "    {}", f.message)?;
    if !f.cells.is_empty() {
        let cells: Vec<&str> = f.cells.iter().map(|c| c.as_str()).collect();
        writeln!(out, "    单元格：{}", cells.join(" "))?;
    }
    if let Some(field) = &f.field {
        let place = match TextField::from_key(field) {
            Some(text_field) => format!("{}（{field}）", text_field.label()),
            None => field.clone(),
        };
        match &f.span {
            Some(span) => {
                writeln!(out, "    位置：{place}「{}」", span.snippet)?;
                writeln!(out, "    原文：…{}…", span.context)?;
            }
            None => writeln!(out, "    位置：{place}")?,
        }
    }
    fix::print_finding_notes(out, f)
}

fn print_total(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    let mut total = Counts::default();
    let mut failed = 0;
    for report in reports {
        match report {
            FileReport::Checked { counts, .. } => total.add(*counts),
            FileReport::Failed { .. } => failed += 1,
        }
    }
    write!(out, "共 {} 个文件：{total}", reports.len())?;
    if failed > 0 {
        write!(out, "；{failed} 个文件无法检查")?;
    }
    writeln!(out)
}
