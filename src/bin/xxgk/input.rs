//! Reading a report from a file, with a Chinese message when it cannot be read.

use std::io::ErrorKind;
use std::path::Path;

use xxgk_report::Report;

/// The bytes of a file; the error says what went wrong, in Chinese.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        return Err("这是一个文件夹，不是文件".to_string());
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        ErrorKind::NotFound => "文件不存在".to_string(),
        ErrorKind::PermissionDenied => "没有读取这个文件的权限".to_string(),
        _ => format!("读取文件失败（{e}）"),
    })
}

/// The file name the importer takes as a hint.
pub fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Reads and imports one file; the error says what went wrong, in Chinese.
pub fn read_report(path: &Path) -> Result<Report, String> {
    let bytes = read_bytes(path)?;
    xxgk_report::import::import(&bytes, &file_name(path)).map_err(|e| e.message)
}
