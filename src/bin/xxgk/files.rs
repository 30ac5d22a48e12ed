//! The files a command works on: the files named, and every report-like file in the folders
//! named (recursively, in name order, so that a batch always comes out in the same order).
//! Which files of a folder are reports is [`import::is_report_file_name`]'s rule (the page's
//! batch view follows it too); a file named on the command line is always taken.

use std::path::{Path, PathBuf};

use xxgk_report::import;

/// One file to read, or a folder that could not be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// The folder could not be read: why, in Chinese.
    pub error: Option<String>,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Found {
    pub inputs: Vec<Input>,
    /// Files in the folders that are not reports by their name (images, spreadsheets, Word's
    /// `~$` lock files, hidden files).
    pub skipped: usize,
}

pub fn find(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found);
        } else {
            found.inputs.push(Input { path: path.clone(), error: None });
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Found) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let error = match e.kind() {
                std::io::ErrorKind::PermissionDenied => "没有读取这个文件夹的权限".to_string(),
                _ => format!("无法读取文件夹（{e}）"),
            };
            found.inputs.push(Input { path: dir.to_path_buf(), error: Some(error) });
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let name = child.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') || name.starts_with("~$") {
            if !child.is_dir() {
                found.skipped += 1;
            }
            continue;
        }
        if child.is_dir() {
            walk(&child, found);
        } else if import::is_report_file_name(&name) {
            found.inputs.push(Input { path: child, error: None });
        } else {
            found.skipped += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_name_order_and_other_files_skipped() {
        let dir = std::env::temp_dir().join(format!("xxgk-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/c")).unwrap();
        for name in ["b/c/3.pdf", "b/2.DOCX", "a.txt", "图.png", "~$a.docx", ".hidden.json", "无扩展名"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let found = find(&[dir.clone(), dir.join("missing.json")]);
        let names: Vec<String> =
            found.inputs.iter().map(|i| i.path.strip_prefix(&dir).unwrap_or(&i.path).to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["a.txt", "b/2.DOCX", "b/c/3.pdf", "无扩展名", "missing.json"]);
        assert_eq!(found.skipped, 3);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
