//! `xxgk check`: files and folders checked on all cores, results in input order as they come —
//! as text for people, JSON for programs, CSV or an Excel workbook for the supervising office.
//! A batch then pairs each agency's consecutive years (rules Y001–Y003) and looks for text
//! copied between agencies.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::progress::Bar as ProgressBar;
use serde::Serialize;
use xxgk_report::batch::copies::{self, CopiedPassage, CopyIndex, Fingerprint};
use xxgk_report::batch::pairs::{self, Entry, Pair};
use xxgk_report::batch::workbook::FindingsWorkbook;
use xxgk_report::batch::{self, check_file, Counts, FileResult, Outcome, ReportSummary};
use xxgk_report::model::TextField;
use xxgk_report::{Finding, Report};

use crate::args::{CheckFormat, CheckOptions};
use crate::files::{self, Input};
use crate::input::{file_name, read_bytes, read_report};
use crate::status::Status;
use crate::{pool, progress};

/// What a worker hands back for one file.
struct Processed {
    result: FileResult,
    fingerprint: Option<Fingerprint>,
}

fn process(input: &Input, previous: Option<&Report>, fingerprint: bool) -> Processed {
    let file = input.path.to_string_lossy().into_owned();
    if let Some(error) = &input.error {
        return Processed { result: FileResult::failed(file, error.clone()), fingerprint: None };
    }
    let checked = read_bytes(&input.path).and_then(|bytes| check_file(&bytes, &file_name(&input.path), previous));
    match checked {
        Ok(checked) => {
            let fingerprint = fingerprint.then(|| Fingerprint::of(&checked.report));
            Processed { result: FileResult::checked(file, checked.summary, checked.findings), fingerprint }
        }
        Err(error) => Processed { result: FileResult::failed(file, error), fingerprint: None },
    }
}

pub fn run(options: &CheckOptions) -> io::Result<Status> {
    if options.fix.active() {
        return crate::fix::run(options);
    }
    let found = files::find(&options.inputs);
    if found.skipped > 0 {
        eprintln!("xxgk：文件夹中有 {} 个文件不是报告（按扩展名判断），已跳过", found.skipped);
    }
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
    let inputs = found.inputs;
    let several = inputs.len() > 1;
    let find_copies = several && !options.no_copies;
    let jobs = options.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));

    let bar = progress::bar(inputs.len(), options.no_progress);
    let mut sink = Sink::open(options, &bar)?;
    let mut tally = Tally::default();
    let mut entries: Vec<Entry> = Vec::with_capacity(inputs.len());
    let mut summaries: Vec<Option<ReportSummary>> = Vec::with_capacity(inputs.len());
    let mut index = CopyIndex::new();
    let mut indexed: Vec<usize> = Vec::new();
    pool::ordered(
        &inputs,
        jobs,
        |input| process(input, previous.as_ref(), find_copies),
        |i, processed: Processed| -> io::Result<()> {
            bar.inc(1);
            tally.add(&processed.result);
            sink.file(&processed.result)?;
            match processed.result.outcome {
                Outcome::Checked { summary, .. } => {
                    if let Some(previous_report) = &previous {
                        warn_if_not_consecutive(&summary, previous_report);
                    }
                    entries.push(Entry::new(&summary.agency, summary.year));
                    if let Some(fingerprint) = processed.fingerprint {
                        index.add(&summary.agency, fingerprint);
                        indexed.push(i);
                    }
                    summaries.push(Some(summary));
                }
                Outcome::Failed { .. } => {
                    entries.push(Entry::new("", None));
                    summaries.push(None);
                }
            }
            Ok(())
        },
    )?;
    bar.finish_and_clear();

    if several {
        let pairing = pairs::pair(&entries);
        cross_year(&pairing, &inputs, &mut summaries, jobs, &mut sink, &mut tally)?;
        duplicates(&pairing, &inputs, &mut sink)?;
    }
    if find_copies {
        let matches = index.find();
        tally.copies = matches.len();
        let mut cache = ReportCache::default();
        for m in &matches {
            let (a, b) = (indexed[m.a], indexed[m.b]);
            let (Some(report_a), Some(report_b)) = (cache.get(&inputs[a].path), cache.get(&inputs[b].path)) else { continue };
            let copy = copies::describe(m, (&display(&inputs[a].path), &report_a), (&display(&inputs[b].path), &report_b));
            sink.copy(&copy)?;
        }
    }
    sink.finish(&tally, several)?;
    Ok(tally.status())
}

fn warn_if_not_consecutive(current: &ReportSummary, previous: &Report) {
    if let (Some(year), Some(last)) = (current.year, previous.year) {
        if last + 1 != year {
            eprintln!("xxgk：{}", pairs::years_apart(last, year));
        }
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The pairs of one agency's consecutive years, each checked with the cross-year rules.
fn cross_year(
    pairing: &pairs::Pairing,
    inputs: &[Input],
    summaries: &mut [Option<ReportSummary>],
    jobs: usize,
    sink: &mut Sink,
    tally: &mut Tally,
) -> io::Result<()> {
    let compare = |pair: &Pair| -> Result<Vec<Finding>, String> {
        let previous = read_report(&inputs[pair.previous].path)?;
        let current = read_report(&inputs[pair.current].path)?;
        Ok(xxgk_report::rules::check_against_previous(&current, &previous))
    };
    pool::ordered(&pairing.pairs, jobs, compare, |i, findings| -> io::Result<()> {
        let pair = pairing.pairs[i];
        let findings = findings.unwrap_or_default();
        let previous_file = display(&inputs[pair.previous].path);
        let current_file = display(&inputs[pair.current].path);
        let (Some(previous), Some(current)) = (summaries[pair.previous].clone(), summaries[pair.current].as_mut()) else {
            return Ok(());
        };
        current.add_findings(&findings);
        current.previous = Some(previous_file.clone());
        let counts = Counts::of(&findings);
        tally.total.add(counts);
        tally.pairs += 1;
        let current = current.clone();
        sink.pair(pair.current, (&previous_file, &previous), (&current_file, &current), &findings)
    })
}

fn duplicates(pairing: &pairs::Pairing, inputs: &[Input], sink: &mut Sink) -> io::Result<()> {
    for group in &pairing.duplicates {
        let files: Vec<String> = group.iter().map(|&i| display(&inputs[i].path)).collect();
        sink.note(&pairs::duplicate_note(&files.iter().map(String::as_str).collect::<Vec<_>>()))?;
    }
    Ok(())
}

/// Reports read again to quote a copied passage; a report in several matches is read once.
#[derive(Default)]
struct ReportCache {
    reports: std::collections::HashMap<PathBuf, Option<std::rc::Rc<Report>>>,
}

impl ReportCache {
    fn get(&mut self, path: &Path) -> Option<std::rc::Rc<Report>> {
        const MAX: usize = 256;
        if self.reports.len() > MAX {
            self.reports.clear();
        }
        self.reports.entry(path.to_path_buf()).or_insert_with(|| read_report(path).ok().map(std::rc::Rc::new)).clone()
    }
}

/// Counts over the whole batch.
#[derive(Default)]
struct Tally {
    files: usize,
    failed: usize,
    with_errors: usize,
    total: Counts,
    pairs: usize,
    copies: usize,
}

impl Tally {
    fn add(&mut self, result: &FileResult) {
        self.files += 1;
        match result.counts() {
            Some(counts) => {
                self.total.add(counts);
                if counts.error > 0 {
                    self.with_errors += 1;
                }
            }
            None => self.failed += 1,
        }
    }

    fn status(&self) -> Status {
        if self.failed > 0 {
            Status::Failed
        } else if self.with_errors > 0 {
            Status::Errors
        } else {
            Status::Clean
        }
    }
}

/// Where the results go, in the format asked for.
enum Sink<'a> {
    Text { out: Box<dyn Write>, bar: &'a ProgressBar, to_terminal: bool },
    Json { out: Box<dyn Write>, first: bool },
    Csv { out: Box<dyn Write> },
    Xlsx { book: Box<FindingsWorkbook>, path: PathBuf },
}

/// An entry of the JSON array after the files: a pair of consecutive years.
#[derive(Serialize)]
struct PairEntry<'a> {
    pair: PairFiles<'a>,
    counts: Counts,
    findings: &'a [Finding],
}

#[derive(Serialize)]
struct PairFiles<'a> {
    agency: &'a str,
    previous: &'a str,
    previous_year: Option<i32>,
    current: &'a str,
    current_year: Option<i32>,
}

#[derive(Serialize)]
struct CopyEntry<'a> {
    copied_text: &'a CopiedPassage,
}

#[derive(Serialize)]
struct NoteEntry<'a> {
    note: &'a str,
}

impl<'a> Sink<'a> {
    fn open(options: &CheckOptions, bar: &'a ProgressBar) -> io::Result<Sink<'a>> {
        if options.format == CheckFormat::Xlsx {
            let book = FindingsWorkbook::new().map_err(io::Error::other)?;
            let path = options.output.clone().expect("the parser requires -o for xlsx");
            return Ok(Sink::Xlsx { book: Box::new(book), path });
        }
        let to_terminal = options.output.is_none() && io::stdout().is_terminal();
        let mut out: Box<dyn Write> = match &options.output {
            Some(path) => Box::new(BufWriter::new(File::create(path).map_err(|e| {
                io::Error::new(e.kind(), format!("无法写入 {}（{e}）", path.display()))
            })?)),
            None => Box::new(BufWriter::new(io::stdout())),
        };
        Ok(match options.format {
            CheckFormat::Text => Sink::Text { out, bar, to_terminal },
            CheckFormat::Json => {
                out.write_all(b"[")?;
                Sink::Json { out, first: true }
            }
            _ => {
                out.write_all(batch::csv::HEADER.as_bytes())?;
                Sink::Csv { out }
            }
        })
    }

    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        match self {
            Sink::Text { out, bar, to_terminal } => {
                let mut text = Vec::new();
                match &result.outcome {
                    Outcome::Failed { error } => {
                        out.flush()?;
                        bar.suspend(|| eprintln!("xxgk：无法检查 {}：{error}", result.file));
                        return Ok(());
                    }
                    Outcome::Checked { summary, findings } => {
                        writeln!(text, "{}", result.file)?;
                        for finding in findings {
                            print_finding(&mut text, finding, "  ")?;
                        }
                        let verdict = if findings.is_empty() { "，未发现问题" } else { "" };
                        writeln!(text, "{}：{}{verdict}", result.file, summary.counts)?;
                        writeln!(text)?;
                    }
                }
                if *to_terminal {
                    bar.suspend(|| out.write_all(&text).and_then(|()| out.flush()))
                } else {
                    out.write_all(&text)
                }
            }
            Sink::Json { out, first } => json_entry(out, first, result),
            Sink::Csv { out } => out.write_all(batch::csv::lines(result).as_bytes()),
            Sink::Xlsx { book, .. } => book.add(result).map_err(io::Error::other),
        }
    }

    fn pair(
        &mut self,
        index: usize,
        previous: (&str, &ReportSummary),
        current: (&str, &ReportSummary),
        findings: &[Finding],
    ) -> io::Result<()> {
        let counts = Counts::of(findings);
        match self {
            Sink::Text { out, .. } => {
                let year = |y: Option<i32>| y.map_or("?".to_string(), |y| y.to_string());
                writeln!(
                    out,
                    "跨年度对比 {}：{} 年 {} → {} 年 {}",
                    current.1.agency,
                    year(previous.1.year),
                    previous.0,
                    year(current.1.year),
                    current.0
                )?;
                for f in findings {
                    print_finding(out, f, "  ")?;
                }
                writeln!(out, "{} 与上一年度报告对比：{counts}\n", current.0)
            }
            Sink::Json { out, first } => {
                let entry = PairEntry {
                    pair: PairFiles {
                        agency: &current.1.agency,
                        previous: previous.0,
                        previous_year: previous.1.year,
                        current: current.0,
                        current_year: current.1.year,
                    },
                    counts,
                    findings,
                };
                json_entry(out, first, &entry)
            }
            Sink::Csv { out } => {
                let result = FileResult::checked(current.0, current.1.clone(), findings.to_vec());
                if findings.is_empty() {
                    return Ok(());
                }
                out.write_all(batch::csv::lines(&result).as_bytes())
            }
            Sink::Xlsx { book, .. } => {
                book.update_summary(index, current.0, current.1).map_err(io::Error::other)?;
                book.add_findings(current.0, current.1, findings).map_err(io::Error::other)?;
                book.add_pair(previous, current, findings.len()).map_err(io::Error::other)
            }
        }
    }

    fn copy(&mut self, copy: &CopiedPassage) -> io::Result<()> {
        match self {
            Sink::Text { out, .. } => {
                let percent = |share: f64| (share * 100.0).round();
                writeln!(
                    out,
                    "雷同文字：{}（{}）{} 与 {}（{}）{}：相同文字 {} 字，分别约占该部分的 {}% 和 {}%",
                    copy.a.file,
                    copy.a.agency,
                    copy.a.field.label(),
                    copy.b.file,
                    copy.b.agency,
                    copy.b.field.label(),
                    copy.letters,
                    percent(copy.a.share),
                    percent(copy.b.share),
                )?;
                writeln!(out, "  「{}」\n", batch::csv::quote(&copy.passage, 120))
            }
            Sink::Json { out, first } => json_entry(out, first, &CopyEntry { copied_text: copy }),
            Sink::Csv { out } => out.write_all(batch::csv::copy_lines(copy).as_bytes()),
            Sink::Xlsx { book, .. } => book.add_copy(copy).map_err(io::Error::other),
        }
    }

    fn note(&mut self, note: &str) -> io::Result<()> {
        match self {
            Sink::Json { out, first } => json_entry(out, first, &NoteEntry { note }),
            Sink::Text { out, .. } => writeln!(out, "{note}\n"),
            _ => {
                eprintln!("xxgk：{note}");
                Ok(())
            }
        }
    }

    fn finish(self, tally: &Tally, several: bool) -> io::Result<()> {
        match self {
            Sink::Text { mut out, .. } => {
                if several {
                    write!(out, "共 {} 个文件：{}", tally.files, tally.total)?;
                    if tally.failed > 0 {
                        write!(out, "；{} 个文件无法检查", tally.failed)?;
                    }
                    if tally.pairs > 0 {
                        write!(out, "；{} 对相邻年度的报告", tally.pairs)?;
                    }
                    if tally.copies > 0 {
                        write!(out, "；{} 处不同机关之间雷同的文字", tally.copies)?;
                    }
                    writeln!(out)?;
                }
                out.flush()
            }
            Sink::Json { mut out, .. } => {
                out.write_all(b"\n]\n")?;
                out.flush()
            }
            Sink::Csv { mut out } => out.flush(),
            Sink::Xlsx { book, path } => {
                let bytes = book.finish().map_err(io::Error::other)?;
                std::fs::write(&path, bytes).map_err(|e| io::Error::new(e.kind(), format!("无法写入 {}（{e}）", path.display())))?;
                eprintln!("xxgk：已写入 {}（{} 个文件：{}）", path.display(), tally.files, tally.total);
                Ok(())
            }
        }
    }
}

fn json_entry(out: &mut Box<dyn Write>, first: &mut bool, value: &impl Serialize) -> io::Result<()> {
    out.write_all(if *first { b"\n" } else { b",\n" })?;
    *first = false;
    serde_json::to_writer_pretty(&mut *out, value)?;
    Ok(())
}

pub fn print_finding(out: &mut impl Write, f: &Finding, indent: &str) -> io::Result<()> {
    let label = if f.reviewed.is_some() { "已核实" } else { f.severity.label() };
    writeln!(out, "{indent}{label} {} {}", f.code, f.name)?;
    writeln!(out, "{indent}  {}", f.message)?;
    if !f.cells.is_empty() {
        let cells: Vec<&str> = f.cells.iter().map(|c| c.as_str()).collect();
        writeln!(out, "{indent}  单元格：{}", cells.join(" "))?;
    }
    if let Some(field) = &f.field {
        let place = match TextField::from_key(field) {
            Some(text_field) => format!("{}（{field}）", text_field.label()),
            None => field.clone(),
        };
        match &f.span {
            Some(span) => {
                writeln!(out, "{indent}  位置：{place}「{}」", span.snippet)?;
                writeln!(out, "{indent}  原文：…{}…", span.context)?;
            }
            None => writeln!(out, "{indent}  位置：{place}")?,
        }
    }
    crate::fix::print_finding_notes(out, f, indent)
}
