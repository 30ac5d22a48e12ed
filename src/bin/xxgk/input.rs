//! Reading a report from a file, with a Chinese message when it cannot be read.

use std::io::{ErrorKind, Read};
use std::path::Path;

use xxgk_report::Report;

/// The bytes of a file; the error says what went wrong, in Chinese. A file larger than any
/// reader accepts is refused before it is read into memory.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        return Err("这是一个文件夹，不是文件".to_string());
    }
    let failed = |e: std::io::Error| match e.kind() {
        ErrorKind::NotFound => "文件不存在".to_string(),
        ErrorKind::PermissionDenied => "没有读取这个文件的权限".to_string(),
        _ => format!("读取文件失败（{e}）"),
    };
    let limit = xxgk_report::import::MAX_FILE_BYTES as u64;
    let size = std::fs::metadata(path).map_err(failed)?.len();
    if size > limit {
        return Err(format!(
            "文件过大（{:.1} MB），超过了 {} MB 的上限，未读取。年度报告的文件通常不到 1 MB，请确认选择的文件是否正确",
            size as f64 / 1048576.0,
            limit / 1048576
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes)).map_err(failed)?;
    Ok(bytes)
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
