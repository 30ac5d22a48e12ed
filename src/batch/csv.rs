//! The findings of a batch as CSV (UTF-8 with a byte-order mark, so that Excel and WPS show the
//! Chinese): one line per finding, a line for a file without findings and for a file that could
//! not be read, so that every file of the batch appears. Written line by line as results come.

use super::copies::CopiedPassage;
use super::{FileResult, Outcome};

pub const HEADER: &str = "\u{feff}文件,机关名称,年度,结论,级别,代码,规则,说明,单元格,位置,原文,填写值,计算值,相差,最可能有误,修正,已核实\r\n";

/// The lines of one file's result.
pub fn lines(result: &FileResult) -> String {
    let mut out = String::new();
    match &result.outcome {
        Outcome::Failed { error } => push(&mut out, &[&result.file, "", "", "无法读取", "", "", "", error]),
        Outcome::Checked { summary, findings } => {
            let year = summary.year.map(|y| y.to_string()).unwrap_or_default();
            if findings.is_empty() {
                push(&mut out, &[&result.file, &summary.agency, &year, "未发现问题"]);
            }
            for f in findings {
                let cells = f.cells.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ");
                let number = |n: Option<u128>| n.map(|n| n.to_string()).unwrap_or_default();
                let fixes = f.fixes.iter().map(|fix| fix.describe()).collect::<Vec<_>>().join("；");
                let fields = [
                    result.file.as_str(),
                    &summary.agency,
                    &year,
                    "",
                    f.severity.label(),
                    f.code,
                    f.name,
                    &f.message,
                    &cells,
                    f.field.as_deref().unwrap_or(""),
                    f.span.as_ref().map_or("", |s| s.snippet.as_str()),
                    &number(f.reported),
                    &number(f.computed),
                    &f.difference.map(|d| d.to_string()).unwrap_or_default(),
                    f.suspect.as_ref().map_or("", |s| s.message.as_str()),
                    &fixes,
                    f.reviewed.as_deref().unwrap_or(""),
                ];
                push(&mut out, &fields);
            }
        }
    }
    out
}

/// Two lines for a passage two agencies share, one under each file (rule column 「copied-text」).
pub fn copy_lines(copy: &CopiedPassage) -> String {
    let mut out = String::new();
    for (this, other) in [(&copy.a, &copy.b), (&copy.b, &copy.a)] {
        let message = format!(
            "{}与 {}（{}）的{}有 {} 字相同：「{}」",
            this.field.label(),
            other.file,
            other.agency,
            other.field.label(),
            copy.letters,
            quote(&copy.passage, 120)
        );
        push(&mut out, &[&this.file, &this.agency, "", "", "警告", "", "copied-text", &message, "", this.field.path()]);
    }
    out
}

/// At most `max` characters of `text`, 「……」 after a cut.
pub fn quote(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max).chain("……".chars()).collect()
    }
}

/// One line; text is defused (a leading =, +, -, @, tab or CR would make a spreadsheet run
/// or reinterpret it) and quoted when needed. Numbers are written as they are.
fn push(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let is_number = !field.is_empty() && field.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit());
        let defused = if !is_number && field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{field}")
        } else {
            field.to_string()
        };
        if defused.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&defused.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&defused);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::{check_file, FileResult};

    #[test]
    fn every_file_appears_and_text_is_defused() {
        let seed = include_bytes!("../../tests/fixtures/seed.json");
        let checked = check_file(seed, "seed.json", None).unwrap();
        let good = lines(&FileResult::checked("a,b.json", checked.summary, checked.findings));
        assert!(good.starts_with("\"a,b.json\",通榆县边昭镇,2024,,警告,"), "{good}");
        assert!(good.contains("改为「三、」（安全）"), "the fixes offered, with how safe each is: {good}");
        let failed = lines(&FileResult::failed("=x.docx", "文件不存在"));
        assert_eq!(failed, "'=x.docx,,,无法读取,,,,文件不存在\r\n");
        assert!(HEADER.starts_with('\u{feff}'));
    }
}
