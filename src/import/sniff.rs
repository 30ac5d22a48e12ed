//! Telling the format of a file by its first bytes, and refusing the ones we cannot read.

use serde::Serialize;

use super::ImportError;

/// A format the importer knows, told by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Docx,
    /// Word 97–2003 (an OLE2 compound file).
    Doc,
    /// A WPS 文字 file (.wps): an OLE2 compound file, named .wps.
    Wps,
    /// A web page or a fragment of one (also what the clipboard holds as `text/html`).
    Html,
    Pdf,
    Text,
    Json,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Docx => "Word 文档（.docx）",
            Format::Doc => "Word 97-2003 文档（.doc）",
            Format::Wps => "WPS 文字文档（.wps）",
            Format::Html => "网页（HTML）",
            Format::Pdf => "PDF 文件",
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
    let extension = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if bytes.starts_with(OLE2_MAGIC) {
        return Ok(if extension == "wps" { Format::Wps } else { Format::Doc });
    }
    // Readers accept the header anywhere in the first 1,024 bytes (PDF 32000-1, note in 7.5.2).
    if bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ImportError::new(
            "这是 RTF 格式的文档（扩展名可能是 .doc），无法直接读取。请在 Word 或 WPS 中打开，「另存为」Word 文档（*.docx）后再导入",
        ));
    }
    if let Some(error) = not_a_document(bytes) {
        return Err(error);
    }
    let first = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        return Ok(Format::Json);
    }
    if looks_like_html(bytes) {
        return Ok(Format::Html);
    }
    if matches!(extension.as_str(), "docx" | "doc" | "wps" | "docm") && std::str::from_utf8(&bytes[..bytes.len().min(4096)]).is_err() {
        return Err(ImportError::new(format!(
            "文件扩展名为 .{extension}，但内容不是 Word 文档（不是 .docx 的 zip 格式），可能已损坏或被改了扩展名。\
             请在 Word 或 WPS 中打开原文件，「另存为」Word 文档（*.docx）后再导入"
        )));
    }
    Ok(Format::Text)
}

/// Pictures, archives and programs, by their signatures: called what they are.
fn not_a_document(bytes: &[u8]) -> Option<ImportError> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "图片（PNG）"),
        (b"\xFF\xD8\xFF", "图片（JPEG）"),
        (b"GIF87a", "图片（GIF）"),
        (b"GIF89a", "图片（GIF）"),
        (b"II*\0", "图片（TIFF）"),
        (b"MM\0*", "图片（TIFF）"),
        (b"\x1F\x8B", "gzip 压缩文件"),
        (b"7z\xBC\xAF\x27\x1C", "7z 压缩文件"),
        (b"Rar!\x1A\x07", "RAR 压缩文件"),
        (b"\x7FELF", "程序文件"),
    ];
    let kind = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind).or_else(|| {
        let riff = bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP");
        let bmp = bytes.starts_with(b"BM") && bytes.len() > 14 && bytes[6..10] == [0, 0, 0, 0];
        let exe = bytes.starts_with(b"MZ") && bytes[..bytes.len().min(512)].contains(&0);
        if riff || bmp {
            Some("图片")
        } else if exe {
            Some("程序文件")
        } else {
            None
        }
    })?;
    Some(ImportError::new(format!(
        "这是{kind}，不是年度报告文件。请导入报告的 Word 文档（.docx、.doc）、网页（.html）、PDF、文本（.txt）或 JSON 文件；\
         扫描的图片无法读取（不识别图片中的文字）"
    )))
}

/// Tags that open a web page or a fragment copied from one.
const HTML_OPENINGS: &[&str] = &[
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<style", "<link", "<script", "<table", "<div",
    "<p>", "<p ", "<span", "<font", "<br", "<h1", "<h2", "<h3", "<center", "<section", "<article", "<o:p",
];

/// Whether the bytes are HTML: they open with a tag (after a byte-order mark, whitespace and
/// comments), or their first kilobytes hold the tags of a page. Charset-independent: the
/// markup is ASCII in UTF-8, GBK and GB18030 alike; UTF-16 pages are looked at through their
/// low bytes.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = if bytes.starts_with(&[0xFF, 0xFE]) {
        bytes[2..].chunks(2).take(2048).map(|c| c[0]).collect()
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        bytes[2..].chunks(2).take(2048).map(|c| *c.get(1).unwrap_or(&0)).collect()
    } else {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().take(4096).copied().collect()
    };
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let mut rest = head.trim_start();
    while let Some(comment) = rest.strip_prefix("<!--") {
        rest = comment.split_once("-->").map_or("", |(_, after)| after).trim_start();
    }
    if let Some(xml) = rest.strip_prefix("<?xml") {
        rest = xml.split_once("?>").map_or("", |(_, after)| after).trim_start();
    }
    HTML_OPENINGS.iter().any(|tag| rest.starts_with(tag))
        || ["<html", "<body", "<table", "<p>", "<p ", "<div", "<br"].iter().filter(|tag| head.contains(*tag)).count() >= 2
}

pub fn encrypted_error() -> ImportError {
    ImportError::new(
        "文档设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中打开，取消文档密码\
         （Word：文件 → 信息 → 保护文档 → 用密码进行加密，清空密码），保存为 .docx 后再导入",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(bytes: &[u8], name: &str) -> Format {
        detect(bytes, name).unwrap()
    }

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(format(b"%PDF-1.7\n", "a.txt"), Format::Pdf);
        assert_eq!(format(b"\r\n  junk %PDF-1.4\n", "a"), Format::Pdf);
        let ole = [OLE2_MAGIC, &[0u8; 8]].concat();
        assert_eq!(format(&ole, "报告.doc"), Format::Doc);
        assert_eq!(format(&ole, "报告.WPS"), Format::Wps);
        assert_eq!(format(b"<!DOCTYPE html><html>", "a.txt"), Format::Html);
        assert_eq!(format(b"\xEF\xBB\xBF\r\n<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">", "a"), Format::Html);
        assert_eq!(format(b"<!-- saved from url=(0052)http://x/ -->\n<HTML><HEAD>", "a.shtml"), Format::Html);
        // A GBK page: the markup is ASCII, the text is not.
        assert_eq!(format(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\xC4\xEA", "a"), Format::Html);
        // What the clipboard holds as text/html, and a fragment that starts with text.
        assert_eq!(format(b"<meta charset='utf-8'><p style=\"margin:0\">", ""), Format::Html);
        assert_eq!(format("一、总体情况<br><table><tr><td>".as_bytes(), ""), Format::Html);
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("<html><body>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(format(&utf16, "a.htm"), Format::Html);
        assert_eq!(format("一、总体情况\n\t规章\n".as_bytes(), "a.html"), Format::Text);
        assert_eq!(format("不少于 3<5 件".as_bytes(), ""), Format::Text);
        assert_eq!(format(b" {\"format\": 1}", "a.html"), Format::Json);
        let png = detect(b"\x89PNG\r\n\x1a\n\0\0", "报告.txt").unwrap_err().message;
        assert!(png.contains("图片（PNG）"), "{png}");
    }
}
