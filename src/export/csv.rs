//! Findings as CSV for people: UTF-8 with a byte-order mark so that Excel and WPS show the
//! Chinese, one line per finding, places named by their official labels, numbers as numbers,
//! the cells most likely wrong (error localization), the fixes offered with how safe each is,
//! the reason of a 「已核实」 mark, and the cell IDs or field path in the last column for programs.

use crate::model::labels::{REPORT_FIELDS, SECTION_NUMERALS, SECTION_TITLES};
use crate::model::{CellId, Section, TextField};
use crate::rules::{rule, Finding};

const HEADER: [&str; 13] =
    ["级别", "代码", "规则", "位置", "原文", "填写值", "计算值", "相差", "说明", "最可能有误", "修正", "已核实", "单元格或字段编号"];

/// The findings as a CSV document (with BOM), one line per finding, in the order given.
pub fn findings_csv(findings: &[Finding]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for f in findings {
        let ids = if f.cells.is_empty() {
            f.field.clone().unwrap_or_default()
        } else {
            f.cells.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ")
        };
        let number = |n: Option<String>| n.unwrap_or_default();
        let fields = [
            text(f.severity.label()),
            text(f.code),
            text(rule(f.code).map_or(f.name, |r| r.summary)),
            text(&place(f)),
            text(f.span.as_ref().map_or("", |s| s.snippet.as_str())),
            number(f.reported.map(|n| n.to_string())),
            number(f.computed.map(|n| n.to_string())),
            number(f.difference.map(|n| n.to_string())),
            text(&f.message),
            text(f.suspect.as_ref().map_or("", |s| s.message.as_str())),
            text(&f.fixes.iter().map(|fix| fix.describe()).collect::<Vec<_>>().join("；")),
            text(f.reviewed.as_deref().unwrap_or("")),
            text(&ids),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Where a finding is, in the report's own words: the cell's official label, the section's
/// table, the prose part, the heading or the agency field.
fn place(f: &Finding) -> String {
    if let Some(section) = whole_table(&f.cells) {
        let n = section as usize + 1;
        return format!("{}、{}的统计表格", SECTION_NUMERALS[n], SECTION_TITLES[n]);
    }
    match f.cells.as_slice() {
        [] => {}
        [one] => return one.label().to_string(),
        [first, rest @ ..] => return format!("{}等 {} 个单元格", first.label(), rest.len() + 1),
    }
    let Some(path) = f.field.as_deref() else { return "导入的文件".to_string() };
    if let Some(field) = TextField::from_key(path) {
        return field.label().to_string();
    }
    if let Some(index) = path.strip_prefix("headings[").and_then(|rest| rest.strip_suffix(']')) {
        if let Ok(index) = index.parse::<usize>() {
            return format!("第 {} 个标题", index + 1);
        }
    }
    if path == "headings" {
        return "各部分标题".to_string();
    }
    REPORT_FIELDS.iter().find(|(p, ..)| *p == path).map_or(path.to_string(), |(_, label, _)| label.to_string())
}

/// The section whose every cell the finding names (rule S001: an empty table).
fn whole_table(cells: &[CellId]) -> Option<Section> {
    let section = cells.first()?.def().section;
    (cells.len() == CellId::in_section(section).len() && cells.iter().all(|c| c.def().section == section)).then_some(section)
}

/// A text field: on one line, defused against spreadsheet formulas, quoted when needed.
fn text(field: &str) -> String {
    let field = field.replace("\r\n", " ").replace(['\r', '\n'], " ");
    // A leading =, +, -, @ or tab makes a spreadsheet read the field as a formula (OWASP's
    // list, with CR and LF already folded above): an apostrophe keeps it text.
    let field = if field.starts_with(['=', '+', '-', '@', '\t']) { format!("'{field}") } else { field };
    if field.contains([',', '"']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_json;
    use crate::rules::check;

    fn seed() -> crate::Report {
        from_json(include_str!("../../tests/fixtures/seed.json")).unwrap()
    }

    fn rows(csv: &str) -> Vec<&str> {
        csv.trim_end_matches("\r\n").split("\r\n").collect()
    }

    #[test]
    fn a_sum_finding_reads_as_labels_and_numbers() {
        let mut report = seed();
        report.set_cell_text(CellId::known("s3.new.natural"), "1");
        let findings = check(&report);
        let csv = findings_csv(&findings);
        assert!(csv.starts_with("\u{feff}级别,代码,规则,位置,原文,填写值,计算值,相差,说明,最可能有误,修正,已核实,单元格或字段编号\r\n"));
        let lines = rows(&csv);
        assert_eq!(lines.len(), findings.len() + 1, "one line per finding");
        let a001 = findings.iter().position(|f| f.code == "A001").unwrap();
        let line = lines[a001 + 1];
        let (reported, computed) = (findings[a001].reported.unwrap(), findings[a001].computed.unwrap());
        let expected_numbers = format!(",{reported},{computed},{},", reported as i128 - computed as i128);
        assert!(line.starts_with("错误,A001,三、每列：第一项加第二项之和应等于第三项加第四项之和,三、本年度办理结果（七）总计（自然人）等 4 个单元格,,"), "{line}");
        assert!(line.contains(&expected_numbers), "{line}");
        assert!(line.ends_with(",s3.outcome_total.natural s3.carried_out.natural s3.new.natural s3.carried_in.natural"), "{line}");
    }

    #[test]
    fn negative_differences_are_numbers_and_text_is_defused() {
        let mut report = seed();
        report.set_cell_text(CellId::known("s3.granted.natural"), "1000");
        let findings = check(&report);
        let a003 = findings.iter().find(|f| f.code == "A003").unwrap();
        assert!(a003.difference.unwrap() < 0);
        let csv = findings_csv(std::slice::from_ref(a003));
        let line = rows(&csv)[1];
        assert!(line.contains(&format!(",{},", a003.difference.unwrap())), "a plain negative number: {line}");
        assert!(!line.contains("'-"), "{line}");
        for (written, expected) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\r=cmd", " =cmd"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("one\nline", "one line"),
            ("一、总体情况", "一、总体情况"),
        ] {
            assert_eq!(text(written), expected, "{written:?}");
        }
    }

    #[test]
    fn places_are_named_as_the_report_names_them() {
        let mut report = seed();
        report.text.overview.push_str("依据《政务公开条例》开展工作。");
        report.agency.postcode = "12".into();
        report.headings.as_mut().unwrap()[0] = "1、总体情况".into();
        for id in CellId::in_section(Section::S4) {
            report.set_cell_text(id, "");
        }
        let findings = check(&report);
        let csv = findings_csv(&findings);
        let line_of = |code: &str| rows(&csv).into_iter().find(|l| l.split(',').nth(1) == Some(code)).unwrap_or_else(|| panic!("{code}: {csv}"));
        assert!(line_of("T002").contains(",一、总体情况,《政务公开条例》,"), "{}", line_of("T002"));
        assert!(line_of("T006").contains(",邮政编码,12,"), "{}", line_of("T006"));
        assert!(line_of("S002").contains(",第 1 个标题,"), "{}", line_of("S002"));
        assert!(line_of("S001").contains(",四、政府信息公开行政复议、行政诉讼情况的统计表格,"), "{}", line_of("S001"));
    }

    #[test]
    fn each_line_names_the_suspect_the_fixes_and_the_review() {
        let mut report = seed();
        let id = CellId::known("s3.granted.natural");
        let right = report.cell(id).display();
        report.set_cell_text(id, &(right.parse::<u64>().unwrap() + 3).to_string());
        report.text.overview.push_str("依据《政务公开条例》开展工作。");
        let findings = check(&report);
        let t004 = findings.iter().find(|f| f.code == "T004").expect("the seed names a place of another region");
        crate::rules::review::mark(&mut report, t004, "确属本镇辖区的村名").unwrap();
        let findings = check(&report);
        let csv = findings_csv(&findings);
        let lines = rows(&csv);
        let a003 = lines.iter().find(|l| l.split(',').nth(1) == Some("A003")).unwrap();
        assert!(a003.contains("最可能是") && a003.contains(&format!("改为 {right}")), "{a003}");
        assert!(a003.contains(&format!("改为 {right}（需复核）")), "the fix with how safe it is: {a003}");
        let t002 = lines.iter().find(|l| l.split(',').nth(1) == Some("T002")).unwrap();
        assert!(t002.contains("将「《政务公开条例》」改为「《中华人民共和国政府信息公开条例》」（安全）"), "{t002}");
        let t004 = lines.iter().find(|l| l.split(',').nth(1) == Some("T004")).unwrap();
        assert!(t004.contains(",确属本镇辖区的村名,"), "{t004}");
    }
}
