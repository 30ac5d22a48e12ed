//! `xxgk check`: findings per file, as text for people or as one JSON document for machines.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;
use xxgk_report::model::TextField;
use xxgk_report::{Finding, Severity};

use crate::input::read_report;
use crate::status::Status;

/// The outcome for one file.
#[derive(Serialize)]
#[serde(untagged)]
enum FileReport {
    Checked { file: String, counts: Counts, findings: Vec<Finding> },
    Failed { file: String, error: String },
}

#[derive(Default, Clone, Copy, Serialize)]
struct Counts {
    error: usize,
    warning: usize,
    info: usize,
}

impl Counts {
    fn of(findings: &[Finding]) -> Counts {
        let mut counts = Counts::default();
        for f in findings {
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
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} 个错误、{} 个警告、{} 条提示", self.error, self.warning, self.info)
    }
}

pub fn run(files: &[PathBuf], json: bool) -> io::Result<Status> {
    let mut status = Status::Clean;
    let mut reports = Vec::with_capacity(files.len());
    let mut out = io::stdout().lock();
    for path in files {
        let file = path.to_string_lossy().into_owned();
        let report = match read_report(path) {
            Ok(report) => {
                let findings = xxgk_report::check(&report);
                let counts = Counts::of(&findings);
                if counts.error > 0 {
                    status = status.max(Status::Errors);
                }
                FileReport::Checked { file, counts, findings }
            }
            Err(error) => {
                status = Status::Failed;
                FileReport::Failed { file, error }
            }
        };
        if !json {
            print_text(&mut out, &report, files.len() > 1)?;
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

fn print_text(out: &mut impl Write, report: &FileReport, several: bool) -> io::Result<()> {
    match report {
        FileReport::Failed { file, error } => {
            out.flush()?;
            eprintln!("xxgk：无法检查 {file}：{error}");
            return Ok(());
        }
        FileReport::Checked { file, counts, findings } => {
            writeln!(out, "{file}")?;
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
    writeln!(out, "  {} {} {}", f.severity.label(), f.code, f.name)?;
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
    Ok(())
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
