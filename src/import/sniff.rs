//! Telling the format of a file by its first bytes, and refusing the ones we cannot read.

use serde::Serialize;

use super::ImportError;

/// A format the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Docx,
    Text,
    Json,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Docx => "Word 文档（.docx）",
            Format::Text => "文本文件",
            Format::Json => "JSON 文件",
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Decides the format by content; the extension only sharpens the message for broken files.
pub fn detect(bytes: &[u8], file_name: &str) -> Result<Format, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::new("文件是空的（0 字节），没有可导入的内容"));
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC) {
        return Ok(Format::Docx);
    }
    if bytes.starts_with(OLE2_MAGIC) {
        return Err(ole2_error(bytes));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::new(
            "这是 PDF 文件，不是 Word 文档，无法读取其中的表格。请导入报告的 Word 文档（.docx）；\
             如只有 PDF，可复制其中的文字，保存为 UTF-8 编码的文本文件（.txt）后导入",
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ImportError::new(
            "这是 RTF 格式的文档（扩展名可能是 .doc），无法直接读取。请在 Word 或 WPS 中打开，「另存为」Word 文档（*.docx）后再导入",
        ));
    }
    let extension = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let first = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        return Ok(Format::Json);
    }
    if matches!(extension.as_str(), "docx" | "doc" | "wps" | "docm") && std::str::from_utf8(&bytes[..bytes.len().min(4096)]).is_err() {
        return Err(ImportError::new(format!(
            "文件扩展名为 .{extension}，但内容不是 Word 文档（不是 .docx 的 zip 格式），可能已损坏或被改了扩展名。\
             请在 Word 或 WPS 中打开原文件，「另存为」Word 文档（*.docx）后再导入"
        )));
    }
    Ok(Format::Text)
}

/// An OLE2 compound file: an old binary .doc (or .wps, .xls), or a password-protected .docx.
fn ole2_error(bytes: &[u8]) -> ImportError {
    let encryption_info: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
    if bytes.windows(encryption_info.len()).any(|w| w == encryption_info.as_slice()) {
        return encrypted_error();
    }
    ImportError::new(
        "这是旧版 Word 97-2003 文档（.doc）或 WPS 旧格式文档，无法直接读取。请在 Word 或 WPS 中打开，\
         「另存为」Word 文档（*.docx）后再导入",
    )
}

pub fn encrypted_error() -> ImportError {
    ImportError::new(
        "文档设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中打开，取消文档密码\
         （Word：文件 → 信息 → 保护文档 → 用密码进行加密，清空密码），保存为 .docx 后再导入",
    )
}
