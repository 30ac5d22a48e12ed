//! Writing reports and findings out: CSV of findings, the report as Word (.docx) and as HTML.
//!
//! The Word and HTML exporters walk the same [`outline`] of the report, so both give the
//! title, the preamble, the six official headings, the prose and the three tables in one order.

pub mod csv;
pub mod docx;
pub mod html;
mod outline;

use std::fmt;

/// A report that could not be written out, with a Chinese message saying why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExportError {
    pub message: String,
}

impl ExportError {
    pub fn new(message: impl Into<String>) -> Self {
        ExportError {
            message: message.into(),
        }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExportError {}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::new(format!("生成文档时写入出错：{e}"))
    }
}
