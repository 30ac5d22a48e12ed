//! `xxgk sum`: the roll-up (汇总) of many reports' tables, written as a workbook that shows
//! every source's contribution, or as a report (JSON, Word) the page opens to write the prose.

use std::io::{self, Write};
use std::path::Path;

use xxgk_report::batch::rollup::Rollup;
use xxgk_report::export::docx;
use xxgk_report::model::to_json;
use xxgk_report::{Report, Severity};

use crate::args::SumOptions;
use crate::check::print_finding;
use crate::files;
use crate::input::read_report;
use crate::status::Status;
use crate::{pool, progress};

pub fn run(options: &SumOptions) -> io::Result<Status> {
    let found = files::find(&options.inputs);
    if found.skipped > 0 {
        eprintln!("xxgk：文件夹中有 {} 个文件不是报告（按扩展名判断），已跳过", found.skipped);
    }
    let jobs = options.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let bar = progress::bar(found.inputs.len(), options.no_progress);
    let mut rollup = Rollup::new();
    let mut failed = false;
    let read = |input: &files::Input| -> Result<Report, String> {
        match &input.error {
            Some(error) => Err(error.clone()),
            None => read_report(&input.path),
        }
    };
    let outcome = pool::ordered(&found.inputs, jobs, read, |i, report| -> Result<(), String> {
        bar.inc(1);
        let file = found.inputs[i].path.to_string_lossy().into_owned();
        match report {
            Ok(report) => rollup.add(&file, &report),
            Err(error) => {
                bar.suspend(|| eprintln!("xxgk：无法读取 {file}：{error}"));
                failed = true;
                Ok(())
            }
        }
    });
    bar.finish_and_clear();
    if let Err(message) = outcome {
        eprintln!("xxgk：无法汇总：{message}");
        return Ok(Status::Failed);
    }
    if failed {
        eprintln!("xxgk：有文件无法读取，未汇总。请先处理这些文件，或将它们移出要汇总的文件夹");
        return Ok(Status::Failed);
    }
    if rollup.is_empty() {
        eprintln!("xxgk：没有可汇总的报告");
        return Ok(Status::Failed);
    }
    let sources = rollup.len();
    let sum = match rollup.finish(options.agency.as_deref().unwrap_or("")) {
        Ok(sum) => sum,
        Err(message) => {
            eprintln!("xxgk：无法汇总：{message}");
            return Ok(Status::Failed);
        }
    };

    let mut err = io::stderr().lock();
    let year = sum.report.year.map(|y| y.to_string()).unwrap_or_default();
    writeln!(err, "xxgk：汇总了 {sources} 份 {year} 年的报告")?;
    for problem in sum.problems() {
        writeln!(err, "  警告 汇总 {problem}")?;
    }
    for finding in &sum.findings {
        print_finding(&mut err, finding, "  ")?;
    }

    let bytes = match options.output.as_deref() {
        None => Ok((to_json(&sum.report) + "\n").into_bytes()),
        Some(path) => match extension(path).as_str() {
            "xlsx" => sum.workbook(),
            "json" => Ok((to_json(&sum.report) + "\n").into_bytes()),
            "docx" => docx::to_docx(&sum.report).map_err(|e| e.message),
            other => Err(format!("不支持的输出格式「.{other}」：汇总结果可写为 .xlsx、.json 或 .docx")),
        },
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("xxgk：{message}");
            return Ok(Status::Failed);
        }
    };
    match options.output.as_deref() {
        Some(path) => {
            if let Err(e) = std::fs::write(path, bytes) {
                eprintln!("xxgk：无法写入 {}（{e}）", path.display());
                return Ok(Status::Failed);
            }
            writeln!(err, "xxgk：已写入 {}", path.display())?;
        }
        None => io::stdout().lock().write_all(&bytes)?,
    }
    let errors = sum.findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if errors { Status::Errors } else { Status::Clean })
}

fn extension(path: &Path) -> String {
    path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default()
}
