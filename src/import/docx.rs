//! The .docx container: a zip archive whose main part is WordprocessingML.
//!
//! Nothing in the archive is trusted: the number of entries is capped, every part is read
//! through a `take()` limit whatever its header claims, and encrypted entries are refused.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::document::Block;
use super::sniff::encrypted_error;
use super::{wordml, ImportError, MAX_DOCX_BYTES, MAX_ZIP_ENTRIES};

const MAIN_PART: &str = "word/document.xml";

/// Reads the paragraphs and tables of a .docx file.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    if bytes.len() > MAX_DOCX_BYTES {
        return Err(too_large());
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => encrypted_error(),
        _ => ImportError::new(
            "文件是 zip 格式，但已损坏或不完整（可能没有下载完整），无法作为 Word 文档读取。请在 Word 或 WPS 中重新保存为 .docx 后再导入",
        ),
    })?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(ImportError::new(format!(
            "文件中有 {} 个压缩条目，超过了 {MAX_ZIP_ENTRIES} 个的上限，不像是正常的 Word 文档，未读取",
            archive.len()
        )));
    }
    let mut budget = MAX_DOCX_BYTES;
    let main = main_part(&mut archive, &mut budget)?;
    let xml = match read_part(&mut archive, &main, &mut budget)? {
        Some(xml) => xml,
        None => return Err(not_a_word_document(&archive)),
    };
    wordml::blocks(&xml)
}

/// The main document part named by `_rels/.rels` (almost always `word/document.xml`).
fn main_part(archive: &mut ZipArchive<Cursor<&[u8]>>, budget: &mut usize) -> Result<String, ImportError> {
    let Some(rels) = read_part(archive, "_rels/.rels", budget)? else { return Ok(MAIN_PART.to_string()) };
    Ok(wordml::office_document_target(&rels).unwrap_or_else(|| MAIN_PART.to_string()))
}

/// Reads one part, within what is left of the budget. `None` when the part does not exist.
fn read_part(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str, budget: &mut usize) -> Result<Option<Vec<u8>>, ImportError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(ZipError::UnsupportedArchive(m)) if m == ZipError::PASSWORD_REQUIRED => return Err(encrypted_error()),
        Err(ZipError::UnsupportedArchive(_)) => {
            return Err(ImportError::new(format!(
                "Word 文档中的「{name}」使用了不支持的压缩或加密方式，无法读取。请在 Word 或 WPS 中重新保存为 .docx 后再导入"
            )))
        }
        Err(_) => return Err(damaged(name)),
    };
    if file.encrypted() {
        return Err(encrypted_error());
    }
    let mut out = Vec::new();
    let limit = *budget as u64 + 1;
    file.take(limit).read_to_end(&mut out).map_err(|_| damaged(name))?;
    if out.len() > *budget {
        return Err(too_large());
    }
    *budget -= out.len();
    Ok(Some(out))
}

fn damaged(name: &str) -> ImportError {
    ImportError::new(format!(
        "Word 文档已损坏：压缩包中的「{name}」无法解压。请在 Word 或 WPS 中打开并重新保存为 .docx 后再导入"
    ))
}

fn too_large() -> ImportError {
    ImportError::new(format!(
        "Word 文档解压后超过 {} MB 的上限（可能是异常文件或“压缩炸弹”），未读取。年度报告的 Word 文档解压后通常只有几百 KB",
        MAX_DOCX_BYTES / 1048576
    ))
}

fn not_a_word_document(archive: &ZipArchive<Cursor<&[u8]>>) -> ImportError {
    let names: Vec<&str> = archive.file_names().collect();
    let kind = if names.iter().any(|n| n.starts_with("xl/")) {
        "Excel 表格（.xlsx）"
    } else if names.iter().any(|n| n.starts_with("ppt/")) {
        "PowerPoint 演示文稿（.pptx）"
    } else if names.contains(&"content.xml") {
        "OpenDocument 文档（.odt，WPS/LibreOffice）"
    } else {
        "普通的 zip 压缩包"
    };
    ImportError::new(format!(
        "这是{kind}，不是 Word 文档：其中没有「{MAIN_PART}」。请导入报告的 Word 文档（.docx）；如是 .odt，请在 WPS 或 LibreOffice 中另存为 .docx"
    ))
}
