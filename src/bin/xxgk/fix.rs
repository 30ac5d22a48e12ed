//! `xxgk check --fix | --diff [--unsafe-fixes]`: the fixes the findings carry, applied by the
//! core and written next to the input (never over it unless `--in-place`), or shown as a diff.
//! Also how a finding's suspect, fixes and review mark are printed by every `check`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use xxgk_report::batch::Counts;
use xxgk_report::export::docx;
use xxgk_report::model::{to_json, Edit};
use xxgk_report::rules::{apply_fixes, AppliedFix, Applicability};
use xxgk_report::{Finding, Report};

use crate::args::{CheckFormat, CheckOptions};
use crate::check::print_finding;
use crate::files;
use crate::input::read_report;
use crate::status::Status;

/// What `check` does with fixes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixOptions {
    pub mode: FixMode,
    /// `--unsafe-fixes`: also the fixes a person should review (never the alternatives).
    pub unsafe_fixes: bool,
    /// `--in-place`: write the fixed report over the input.
    pub in_place: bool,
    /// `--to json|docx`: the format of the fixed report (default: .docx for a .docx, else JSON).
    pub to: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FixMode {
    #[default]
    Off,
    /// `--fix`: apply and write.
    Apply,
    /// `--diff`: show what would change, write nothing.
    Diff,
}

impl FixOptions {
    pub fn active(&self) -> bool {
        self.mode != FixMode::Off
    }

    fn widest(&self) -> Applicability {
        if self.unsafe_fixes {
            Applicability::Review
        } else {
            Applicability::Safe
        }
    }

    /// The command-line mistakes of these options, in Chinese.
    pub fn check(&self) -> Result<(), String> {
        if self.mode == FixMode::Off && (self.unsafe_fixes || self.in_place || self.to.is_some()) {
            return Err("--unsafe-fixes、--in-place 和 --to 需与 --fix 或 --diff 一起使用".into());
        }
        if self.in_place && self.to.is_some() {
            return Err("--in-place 按原文件的格式写回，不能与 --to 一起使用".into());
        }
        if let Some(to) = &self.to {
            if !["json", "docx"].contains(&to.to_ascii_lowercase().as_str()) {
                return Err(format!("--to 只能是 json 或 docx，不是「{to}」"));
            }
        }
        Ok(())
    }
}

/// What fixing one file did, for the JSON output.
#[derive(Debug, Serialize)]
pub struct FixOutcome {
    /// The fixes made, in the order made (from the end of each text backwards).
    pub applied: Vec<AppliedFix>,
    /// The file written, if any (`--fix` with at least one change).
    pub written: Option<String>,
}

/// One file in the JSON output of `--fix` / `--diff`.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry {
    Fixed { file: String, counts: Counts, findings: Vec<Finding>, fixes: FixOutcome },
    Failed { file: String, error: String },
}

/// `xxgk check --fix | --diff`: each file in turn (folders searched as `check` does). The
/// findings listed and counted are those left after the fixes (with `--diff`, those of the
/// file as it is).
pub fn run(options: &CheckOptions) -> io::Result<Status> {
    let found = files::find(&options.inputs);
    if found.inputs.is_empty() {
        eprintln!("xxgk：没有找到要检查的报告文件");
        return Ok(Status::Failed);
    }
    let previous = match &options.previous {
        Some(path) => match read_report(path) {
            Ok(report) => Some(report),
            Err(error) => {
                eprintln!("xxgk：无法读取上一年度报告 {}：{error}", path.display());
                return Ok(Status::Failed);
            }
        },
        None => None,
    };
    let json = options.format == CheckFormat::Json;
    let mut out: Box<dyn Write> = match &options.output {
        Some(path) => Box::new(io::BufWriter::new(std::fs::File::create(path).map_err(|e| {
            io::Error::new(e.kind(), format!("无法写入 {}（{e}）", path.display()))
        })?)),
        None => Box::new(io::BufWriter::new(io::stdout())),
    };
    let mut status = Status::Clean;
    let mut entries = Vec::new();
    for input in &found.inputs {
        let file = input.path.to_string_lossy().into_owned();
        let read = match &input.error {
            Some(error) => Err(error.clone()),
            None => read_report(&input.path),
        };
        let done = match read {
            Ok(report) => fix_file(&input.path, report, &options.fix, json, &mut out)?,
            Err(error) => Err(error),
        };
        let (report, outcome) = match done {
            Ok(done) => done,
            Err(error) => {
                status = Status::Failed;
                out.flush()?;
                eprintln!("xxgk：无法修正 {file}：{error}");
                entries.push(Entry::Failed { file, error });
                continue;
            }
        };
        let findings = xxgk_report::rules::check_with_previous(&report, previous.as_ref());
        let counts = Counts::of(&findings);
        if counts.error > 0 {
            status = status.max(Status::Errors);
        }
        if !json && options.fix.mode == FixMode::Apply {
            for finding in &findings {
                print_finding(&mut out, finding, "  ")?;
            }
            writeln!(out, "{file}：{counts}\n")?;
        }
        entries.push(Entry::Fixed { file, counts, findings, fixes: outcome });
    }
    if json {
        serde_json::to_writer_pretty(&mut out, &entries)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(status)
}

/// Fixes one report and, with `--fix`, writes it; prints the changes (or the diff). Returns the
/// report to check (fixed with `--fix`, as it was with `--diff`), or why it could not be written.
fn fix_file(
    path: &Path,
    report: Report,
    options: &FixOptions,
    json: bool,
    out: &mut impl Write,
) -> io::Result<Result<(Report, FixOutcome), String>> {
    let original = report.clone();
    let mut fixed = report;
    let findings = xxgk_report::check(&fixed);
    let applied = apply_fixes(&mut fixed, &findings, options.widest());
    if options.mode == FixMode::Diff {
        if !json {
            print_diff(out, path, &original, &applied)?;
        }
        return Ok(Ok((original, FixOutcome { applied, written: None })));
    }
    if !json {
        writeln!(out, "{}", path.to_string_lossy())?;
    }
    if applied.is_empty() {
        if !json {
            let hint = if options.unsafe_fixes { "" } else { "（需复核的修正请加 --unsafe-fixes）" };
            writeln!(out, "  没有可自动修正的问题{hint}")?;
        }
        return Ok(Ok((fixed, FixOutcome { applied, written: None })));
    }
    let (target, format) = match output_path(path, options) {
        Ok(target) => target,
        Err(e) => return Ok(Err(e)),
    };
    let bytes = match format {
        Format::Json => Ok((to_json(&fixed) + "\n").into_bytes()),
        Format::Docx => docx::to_docx(&fixed).map_err(|e| e.to_string()),
    };
    let written = bytes.and_then(|bytes| std::fs::write(&target, bytes).map_err(|e| format!("无法写入 {}（{e}）", target.display())));
    if let Err(e) = written {
        return Ok(Err(e));
    }
    let written = target.to_string_lossy().into_owned();
    if !json {
        writeln!(out, "  已修正 {} 处：", applied.len())?;
        // Made from the end of each text backwards: listed in reading order.
        for a in applied.iter().rev() {
            writeln!(out, "    {} {}（{}）", a.code, a.fix.title, a.fix.applicability.label())?;
        }
        writeln!(out, "  已写入 {written}")?;
    }
    Ok(Ok((fixed, FixOutcome { applied, written: Some(written) })))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Docx,
}

/// `报告.docx` → `报告（已修正）.docx`; text and other inputs → `…（已修正）.json`.
fn output_path(input: &Path, options: &FixOptions) -> Result<(PathBuf, Format), String> {
    let extension = input.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let input_format = match extension.as_str() {
        "docx" => Some(Format::Docx),
        "json" => Some(Format::Json),
        _ => None,
    };
    if options.in_place {
        return match input_format {
            Some(format) => Ok((input.to_path_buf(), format)),
            None => Err("只有 .json 和 .docx 文件可以原地修正（--in-place）；去掉 --in-place 时修正结果写入同一文件夹下的 JSON 文件".into()),
        };
    }
    let format = match options.to.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("docx") => Format::Docx,
        Some(_) => Format::Json,
        None => input_format.unwrap_or(Format::Json),
    };
    let stem = input.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = format!("{stem}（已修正）.{}", if format == Format::Docx { "docx" } else { "json" });
    Ok((input.with_file_name(name), format))
}

/// A diff of every change, in the manner of `diff -u`: the place, then the old and new text.
fn print_diff(out: &mut impl Write, path: &Path, original: &Report, applied: &[AppliedFix]) -> io::Result<()> {
    let name = path.to_string_lossy();
    if applied.is_empty() {
        return writeln!(out, "{name}：没有可自动修正的问题");
    }
    writeln!(out, "--- {name}")?;
    writeln!(out, "+++ {name}（修正后）")?;
    for a in applied.iter().rev() {
        writeln!(out, "@@ {} {}（{}）@@", a.code, a.fix.title, a.fix.applicability.label())?;
        for edit in &a.fix.edits {
            match edit {
                Edit::Cell { cell, before, after } => {
                    writeln!(out, "  {}（{cell}）", cell.label())?;
                    writeln!(out, "-{before}")?;
                    writeln!(out, "+{after}")?;
                }
                Edit::Text { field, start, end, before, after } => {
                    let text = original.text_at(field).unwrap_or_default();
                    let (head, tail) = around(text, *start, *end);
                    writeln!(out, "  {}（{field}）", edit.place())?;
                    writeln!(out, "-{head}{before}{tail}")?;
                    writeln!(out, "+{head}{after}{tail}")?;
                }
            }
        }
    }
    writeln!(out, "{name}：{} 处可修正（未写入；用 --fix 写入）", applied.len())
}

/// Up to twenty characters before `start` and after `end`, on one line.
fn around(text: &str, start: usize, end: usize) -> (String, String) {
    const CONTEXT: usize = 20;
    let chars: Vec<char> = text.chars().collect();
    let line = |s: &[char]| s.iter().collect::<String>().replace('\n', " ");
    let head_start = start.saturating_sub(CONTEXT);
    let head = line(&chars[head_start..start.min(chars.len())]);
    let tail = line(&chars[end.min(chars.len())..(end + CONTEXT).min(chars.len())]);
    let head = if head_start > 0 { format!("…{head}") } else { head };
    let tail = if end + CONTEXT < chars.len() { format!("{tail}…") } else { tail };
    (head, tail)
}

/// The lines a finding gets beyond its message: the suspect cells and the fixes on offer, or
/// the reason it was marked reviewed.
pub fn print_finding_notes(out: &mut impl Write, f: &Finding, indent: &str) -> io::Result<()> {
    if let Some(reason) = &f.reviewed {
        return writeln!(out, "{indent}  已核实：{reason}");
    }
    if let Some(suspect) = &f.suspect {
        writeln!(out, "{indent}  定位：{}", suspect.message)?;
    }
    for fix in &f.fixes {
        writeln!(out, "{indent}  修正（{}）：{}", fix.applicability.label(), fix.title)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_report_goes_next_to_the_input() {
        let options = FixOptions { mode: FixMode::Apply, ..FixOptions::default() };
        let at = |name: &str, options: &FixOptions| output_path(Path::new(name), options).map(|(p, _)| p.to_string_lossy().into_owned());
        assert_eq!(at("a/报告.docx", &options).unwrap(), "a/报告（已修正）.docx");
        assert_eq!(at("a/报告.txt", &options).unwrap(), "a/报告（已修正）.json");
        let to_docx = FixOptions { to: Some("docx".into()), ..options.clone() };
        assert_eq!(at("报告.json", &to_docx).unwrap(), "报告（已修正）.docx");
        let in_place = FixOptions { in_place: true, ..options.clone() };
        assert_eq!(at("a/报告.json", &in_place).unwrap(), "a/报告.json");
        assert!(at("a/报告.txt", &in_place).is_err());
    }
}
