//! `xxgk convert`: a report in another format. Each target format is one line of [`FORMATS`].

use std::io::{self, Write};
use std::path::Path;

use xxgk_report::export::{docx, html};
use xxgk_report::model::to_json;
use xxgk_report::Report;

use crate::input::read_report;
use crate::status::Status;

type Writer = fn(&Report) -> Result<Vec<u8>, String>;

/// A format `--to` accepts. `write: None` is a format announced but not yet available.
pub struct Format {
    pub name: &'static str,
    /// Binary output is never written to a terminal: it needs `-o`.
    pub binary: bool,
    /// The file extension when the output is named after the report.
    pub extension: &'static str,
    pub write: Option<Writer>,
}

pub const FORMATS: &[Format] = &[
    Format { name: "json", extension: "json", binary: false, write: Some(|r| Ok((to_json(r) + "\n").into_bytes())) },
    Format { name: "docx", extension: "docx", binary: true, write: Some(|r| docx::to_docx(r).map_err(|e| e.to_string())) },
    Format { name: "html", extension: "html", binary: false, write: Some(|r| Ok(html::html_page(r).into_bytes())) },
    Format {
        name: "html-fragment",
        extension: "html",
        binary: false,
        write: Some(|r| Ok(html::html_fragment(r).into_bytes())),
    },
];

pub fn run(file: &Path, to: &str, output: Option<&Path>) -> io::Result<Status> {
    let Some(format) = FORMATS.iter().find(|f| f.name.eq_ignore_ascii_case(to)) else {
        let names: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
        eprintln!("xxgk：未知的目标格式「{to}」，可选：{}", names.join("、"));
        return Ok(Status::Failed);
    };
    let Some(write) = format.write else {
        eprintln!("xxgk：暂不支持转换为 {}", format.name);
        return Ok(Status::Failed);
    };
    let report = match read_report(file) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("xxgk：无法读取 {}：{error}", file.display());
            return Ok(Status::Failed);
        }
    };
    let bytes = match write(&report) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("xxgk：无法转换为 {}：{error}", format.name);
            return Ok(Status::Failed);
        }
    };
    // Binary output never goes to a terminal: without -o it is named after the report.
    let named = format.binary.then(|| format!("{}.{}", report.file_stem(), format.extension));
    match output.or(named.as_deref().map(Path::new)) {
        Some(path) => {
            if let Err(e) = std::fs::write(path, bytes) {
                eprintln!("xxgk：无法写入 {}（{e}）", path.display());
                return Ok(Status::Failed);
            }
            if named.is_some() {
                eprintln!("xxgk：已写入 {}", path.display());
            }
        }
        None => io::stdout().lock().write_all(&bytes)?,
    }
    Ok(Status::Clean)
}
