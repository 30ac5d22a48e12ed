//! The report as a JSON document (FORMAT.md §5), read and written with serde.
//!
//! Reading is strict about the document: an unknown key, an unknown cell ID or a value of the
//! wrong JSON type (a negative or fractional count, `true`, an array) is an error that names the
//! JSON path, the line and the column, in Chinese, with messages of our own (`read`). A cell
//! given as text is read as a person would type it (「1,234」, 「１２」; 「/」 and 「—」 mean not
//! filled); text that is not a number is an error, or for a draft kept verbatim and reported by
//! rule V001, so a saved draft always reads back.

mod read;

use std::fmt;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::cells::CellId;
use super::report::{Agency, Report, SourceInfo, Texts};
use super::review::ReviewMark;
use super::value::CellValue;

/// The value of `format` in every document.
pub const FORMAT_ID: &str = "xxgk-annual-report/2021";

/// A JSON document that is not a valid report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsonError {
    /// Where in the document, e.g. `cells."s3.new.natural"` (empty: the document as a whole).
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "第 {} 行第 {} 列：{}", self.line, self.column, self.message)
        } else {
            write!(f, "{}: {}（第 {} 行第 {} 列）", self.path, self.message, self.line, self.column)
        }
    }
}

impl std::error::Error for JsonError {}

#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    year: YearOut<'a>,
    /// The 成文日期, `2025-01-15`; left out when not set.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    agency: &'a Agency,
    #[serde(skip_serializing_if = "Option::is_none")]
    headings: &'a Option<Vec<String>>,
    text: &'a Texts,
    cells: CellsOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: &'a Option<SourceInfo>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    reviewed: &'a [ReviewMark],
}

/// The year, or in a draft the text typed as the year that is not one (read back for V001).
#[derive(Serialize)]
#[serde(untagged)]
enum YearOut<'a> {
    Year(Option<i32>),
    Typed(&'a str),
}

/// Reads a report from a JSON document.
///
/// Text in a number cell that is not a number (`"三"`) is an error naming the cell; see
/// [`from_json_keeping_invalid`] for drafts, where such text is kept for rule V001.
pub fn from_json(text: &str) -> Result<Report, JsonError> {
    read::read(text, false)
}

/// Reads a document as [`from_json`] does, but keeps text that is not a valid number as
/// [`CellValue::Invalid`] (reported by rule V001) instead of refusing the document: for a draft
/// saved with a typo in it, which must open again.
pub fn from_json_keeping_invalid(text: &str) -> Result<Report, JsonError> {
    read::read(text, true)
}

/// Writes a report as a pretty-printed JSON document, every cell in the order of the tables.
pub fn to_json(report: &Report) -> String {
    let doc = DocumentOut {
        format: FORMAT_ID,
        year: match &report.invalid_year {
            Some(typed) => YearOut::Typed(typed),
            None => YearOut::Year(report.year),
        },
        date: report.date.map(|d| d.iso()),
        agency: &report.agency,
        headings: &report.headings,
        text: &report.text,
        cells: CellsOut(report),
        source: &report.source,
        reviewed: &report.reviewed,
    };
    serde_json::to_string_pretty(&doc).expect("a report always serialises")
}

struct CellsOut<'a>(&'a Report);

impl Serialize for CellsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(CellId::count()))?;
        for (id, value) in self.0.cells() {
            match value {
                CellValue::Missing => map.serialize_entry(id.as_str(), &())?,
                CellValue::Count(n) => map.serialize_entry(id.as_str(), n)?,
                CellValue::Amount(a) => map.serialize_entry(id.as_str(), &a.to_string())?,
                CellValue::Blank(raw) | CellValue::Invalid(raw) => map.serialize_entry(id.as_str(), raw)?,
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ReportDate;

    fn doc(body: &str) -> String {
        format!("{{\"format\": \"{FORMAT_ID}\", {body}}}")
    }

    #[test]
    fn a_wrong_value_names_the_path_and_place() {
        let text = doc("\"cells\": {\n  \"s3.new.natural\": -3\n}");
        let err = from_json(&text).unwrap_err();
        assert_eq!(err.path, "cells.\"s3.new.natural\"");
        assert_eq!(err.message, "应为非负整数，实际为 -3");
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("cells.\"s3.new.natural\": 应为非负整数，实际为 -3"), "{err}");
    }

    #[test]
    fn text_that_is_not_a_number_is_an_error_or_kept_for_a_draft() {
        let text = doc("\"cells\": {\n  \"s3.new.natural\": \"三\"\n}");
        let err = from_json(&text).unwrap_err();
        assert_eq!(err.to_string(), "cells.\"s3.new.natural\": 应为非负整数，实际为 \"三\"（第 2 行第 25 列）");
        let r = from_json_keeping_invalid(&doc("\"cells\": {\"s3.new.natural\": \"三\", \"s3.new.total\": \"１,２３４\"}")).unwrap();
        assert_eq!(r.cell(CellId::known("s3.new.natural")), &CellValue::Invalid("三".into()));
        assert_eq!(r.count(CellId::known("s3.new.total")), Some(1234));
    }

    #[test]
    fn unknown_keys_and_cells_are_errors() {
        let err = from_json(&doc("\"cells\": {\"s3.new.robot\": 1}")).unwrap_err();
        assert!(err.message.contains("未知的单元格编号 \"s3.new.robot\""), "{err}");
        let err = from_json(&doc("\"agency\": {\"nmae\": \"x\"}")).unwrap_err();
        assert_eq!(err.path, "agency.nmae");
        assert!(err.message.contains("未知的键 \"nmae\""), "{err}");
        let err = from_json(&doc("\"colour\": 1")).unwrap_err();
        assert!(err.message.contains("未知的键 \"colour\""), "{err}");
        let err = from_json(&doc("\"agency\": {\"level\": \"village\"}")).unwrap_err();
        assert!(err.message.contains("未知的取值 \"village\""), "{err}");
    }

    #[test]
    fn negative_and_fractional_counts_are_errors() {
        assert!(from_json(&doc("\"cells\": {\"s3.new.total\": -1}")).unwrap_err().message.contains("-1"));
        assert!(from_json(&doc("\"cells\": {\"s3.new.total\": 1.5}")).is_err());
        assert!(from_json(&doc("\"cells\": {\"s3.new.total\": true}")).is_err());
    }

    #[test]
    fn broken_json_gets_a_chinese_message() {
        let err = from_json("{\"format\": ").unwrap_err();
        assert!(err.message.contains("不完整"), "{err}");
        let err = from_json("{} x").unwrap_err();
        assert!(!err.message.is_empty());
        let err = from_json("{\"year\": 2024}").unwrap_err();
        assert!(err.message.contains("缺少必需的键 \"format\""), "{err}");
        let err = from_json(&doc("\"year\": \"2024\"")).unwrap_err();
        assert!(err.message.contains("类型不对"), "{err}");
    }

    #[test]
    fn fee_as_number_or_string_is_exact() {
        let r = from_json(&doc("\"cells\": {\"s2.fee.amount\": 24252.311082}")).unwrap();
        assert_eq!(r.cell(CellId::known("s2.fee.amount")).display(), "24252.311082");
        let r = from_json(&doc("\"cells\": {\"s2.fee.amount\": \"0.000001\"}")).unwrap();
        assert_eq!(r.cell(CellId::known("s2.fee.amount")).display(), "0.000001");
        assert!(from_json(&doc("\"cells\": {\"s2.fee.amount\": \"0.0000001\"}")).is_err());
        let r = from_json_keeping_invalid(&doc("\"cells\": {\"s2.fee.amount\": \"0.0000001\"}")).unwrap();
        assert_eq!(r.cell(CellId::known("s2.fee.amount")), &CellValue::Invalid("0.0000001".into()));
        assert!(from_json(&doc("\"cells\": {\"s2.fee.amount\": 0.0000001}")).is_err());
    }

    #[test]
    fn writing_then_reading_gives_the_same_report() {
        let mut r = Report::empty();
        r.year = Some(2024);
        r.agency.name = "通榆县边昭镇人民政府".into();
        r.headings = Some(Report::official_headings());
        r.text.overview = "第一段\n第二段".into();
        r.set_cell_text(CellId::known("s3.new.natural"), "12");
        r.set_cell_text(CellId::known("s3.new.total"), "/");
        r.set_cell_text(CellId::known("s2.fee.amount"), "1.25");
        r.set_cell_text(CellId::known("s2.license.decisions"), "18446744073709551615");
        let back = from_json(&to_json(&r)).unwrap();
        assert_eq!(back, r);
        r.set_cell_text(CellId::known("s2.penalty.decisions"), "约10");
        assert!(from_json(&to_json(&r)).is_err(), "a typo is an error in a document");
        assert_eq!(from_json_keeping_invalid(&to_json(&r)).unwrap(), r, "but a draft keeps it");
    }

    #[test]
    fn a_draft_keeps_the_year_as_typed_and_the_date_reads_back() {
        let mut r = Report::empty();
        r.date = ReportDate::new(2025, 1, 15);
        let json = to_json(&r);
        assert!(json.contains("\"date\": \"2025-01-15\""), "{json}");
        assert_eq!(from_json(&json).unwrap(), r);
        assert!(!to_json(&Report::empty()).contains("date"), "left out when not set");
        let err = from_json(&doc("\"date\": \"2025-02-30\"")).unwrap_err();
        assert_eq!(err.path, "date");

        r.invalid_year = Some("20245".into());
        let json = to_json(&r);
        assert!(json.contains("\"year\": \"20245\""), "{json}");
        assert_eq!(from_json_keeping_invalid(&json).unwrap(), r);
        assert_eq!(from_json(&json).unwrap_err().path, "year", "a document wants a number");
        let r = from_json_keeping_invalid(&doc("\"year\": \"２０２４年\"")).unwrap();
        assert_eq!((r.year, r.invalid_year), (Some(2024), None));
    }
}
