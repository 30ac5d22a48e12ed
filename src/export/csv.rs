//! Findings as CSV, UTF-8 with a byte-order mark so that Excel and WPS show the Chinese.

use crate::rules::Finding;

/// The findings as a CSV document (with BOM), one finding per line.
pub fn findings_csv(findings: &[Finding]) -> String {
    let mut out = String::from("\u{feff}代码,级别,规则,单元格或位置,填写值,计算值,相差,说明\r\n");
    for f in findings {
        let place = if f.cells.is_empty() {
            f.field.clone().unwrap_or_default()
        } else {
            f.cells.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ")
        };
        let number = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        let fields = [
            f.code.to_string(),
            f.severity.label().to_string(),
            f.name.to_string(),
            place,
            number(f.reported),
            number(f.computed),
            f.difference.map(|d| d.to_string()).unwrap_or_default(),
            f.message.clone(),
        ];
        let line: Vec<String> = fields.iter().map(|s| quote(s)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a field when needed; a leading =, +, - or @ is defused so spreadsheets do not run it.
fn quote(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) { format!("'{field}") } else { field.to_string() };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{from_json, CellId};

    #[test]
    fn csv_has_bom_header_and_quoted_messages() {
        let mut report = from_json(include_str!("../../tests/fixtures/seed.json")).unwrap();
        report.set_cell_text(CellId::known("s3.new.natural"), "1");
        let csv = findings_csv(&crate::check(&report));
        assert!(csv.starts_with("\u{feff}代码,级别"));
        assert!(csv.contains("A001,错误,requests-balance"), "{csv}");
        assert!(csv.lines().count() >= 3);
    }
}
