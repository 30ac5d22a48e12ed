//! `xxgk convert`: a report in another format. Each target format is one line of [`FORMATS`].

use std::io::{self, Write};
use std::path::Path;

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
    pub write: Option<Writer>,
}

pub const FORMATS: &[Format] = &[
    Format { name: "json", binary: false, write: Some(|r| Ok((to_json(r) + "\n").into_bytes())) },
    // Some(|r| xxgk_report::export::docx::to_docx(r).map_err(|e| e.to_string()))
    Format { name: "docx", binary: true, write: None },
    // Some(|r| Ok(xxgk_report::export::html::to_html(r).into_bytes()))
    Format { name: "html", binary: false, write: None },
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
    if format.binary && output.is_none() {
        eprintln!("xxgk：{} 是二进制格式，请用 -o 指定输出文件", format.name);
        return Ok(Status::Failed);
    }
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
    match output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, bytes) {
                eprintln!("xxgk：无法写入 {}（{e}）", path.display());
                return Ok(Status::Failed);
            }
        }
        None => io::stdout().lock().write_all(&bytes)?,
    }
    Ok(Status::Clean)
}
