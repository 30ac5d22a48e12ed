//! The report as a JSON document (FORMAT.md §5), read and written with serde.
//!
//! Reading is strict about the document: an unknown key, an unknown cell ID or a cell value of
//! the wrong JSON type (a negative or fractional number, `true`, an array) is an error that
//! names the JSON path, the line and the column, in Chinese. A cell given as text is read as a
//! person would type it (「1,234」, 「１２」; 「/」 and 「—」 mean not filled); text that is not
//! a number is kept verbatim and reported by rule V001, so a saved draft always reads back.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::cells::{CellId, CellKind};
use super::report::{Agency, Report, SourceInfo, Texts};
use super::review::ReviewMark;
use super::value::{Amount, CellValue};

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    agency: Agency,
    #[serde(default)]
    headings: Option<Vec<String>>,
    #[serde(default)]
    text: Texts,
    #[serde(default)]
    cells: CellMap,
    #[serde(default)]
    source: Option<SourceInfo>,
    #[serde(default)]
    reviewed: Vec<ReviewMark>,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    year: Option<i32>,
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

/// Reads a report from a JSON document.
///
/// Text in a number cell that is not a number (`"三"`) is an error naming the cell; see
/// [`from_json_keeping_invalid`] for drafts, where such text is kept for rule V001.
pub fn from_json(text: &str) -> Result<Report, JsonError> {
    read(text, false)
}

/// Reads a document as [`from_json`] does, but keeps text that is not a valid number as
/// [`CellValue::Invalid`] (reported by rule V001) instead of refusing the document: for a draft
/// saved with a typo in it, which must open again.
pub fn from_json_keeping_invalid(text: &str) -> Result<Report, JsonError> {
    read(text, true)
}

thread_local! {
    static KEEP_INVALID: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn read(text: &str, keep_invalid: bool) -> Result<Report, JsonError> {
    KEEP_INVALID.with(|k| k.set(keep_invalid));
    let result = read_document(text);
    KEEP_INVALID.with(|k| k.set(false));
    result
}

fn read_document(text: &str) -> Result<Report, JsonError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let doc: Document = serde_path_to_error::deserialize(&mut de).map_err(json_error)?;
    de.end().map_err(|e| JsonError {
        path: String::new(),
        line: e.line(),
        column: e.column(),
        message: translate(&e.to_string()),
    })?;
    if doc.format != FORMAT_ID {
        return Err(JsonError {
            path: "format".into(),
            line: 1,
            column: 1,
            message: format!("应为 \"{FORMAT_ID}\"，实际为 \"{}\"", doc.format),
        });
    }
    let mut report = Report::empty();
    report.year = doc.year;
    report.agency = doc.agency;
    report.headings = doc.headings;
    report.text = doc.text;
    report.source = doc.source;
    report.reviewed = doc.reviewed;
    for (id, value) in doc.cells.0 {
        report.set_cell(id, value);
    }
    Ok(report)
}

/// Writes a report as a pretty-printed JSON document, every cell in the order of the tables.
pub fn to_json(report: &Report) -> String {
    let doc = DocumentOut {
        format: FORMAT_ID,
        year: report.year,
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

#[derive(Default)]
struct CellMap(Vec<(CellId, CellValue)>);

impl<'de> Deserialize<'de> for CellMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(CellMapVisitor)
    }
}

struct CellMapVisitor;

impl<'de> Visitor<'de> for CellMapVisitor {
    type Value = CellMap;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("以单元格编号为键的对象")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CellMap, A::Error> {
        let mut cells = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let id = CellId::parse(&key)
                .ok_or_else(|| de::Error::custom(format!("未知的单元格编号 \"{key}\"（见 FORMAT.md 的单元格编号）")))?;
            if cells.iter().any(|(seen, _)| *seen == id) {
                return Err(de::Error::custom(format!("单元格 \"{key}\" 出现了两次")));
            }
            let value = map.next_value_seed(CellSeed(id.kind()))?;
            cells.push((id, value));
        }
        Ok(CellMap(cells))
    }
}

struct CellSeed(CellKind);

impl<'de> de::DeserializeSeed<'de> for CellSeed {
    type Value = CellValue;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<CellValue, D::Error> {
        d.deserialize_any(CellValueVisitor(self.0))
    }
}

struct CellValueVisitor(CellKind);

impl CellValueVisitor {
    fn expected(&self) -> &'static str {
        match self.0 {
            CellKind::Count => "应为非负整数",
            CellKind::Amount => "应为不超过六位小数的非负金额（万元）",
        }
    }

    fn wrong<E: de::Error>(&self, found: impl fmt::Display) -> E {
        E::custom(format!("{}，实际为 {found}", self.expected()))
    }
}

impl<'de> Visitor<'de> for CellValueVisitor {
    type Value = CellValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expected())
    }

    fn visit_unit<E: de::Error>(self) -> Result<CellValue, E> {
        Ok(CellValue::Missing)
    }

    fn visit_none<E: de::Error>(self) -> Result<CellValue, E> {
        Ok(CellValue::Missing)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<CellValue, E> {
        Ok(match self.0 {
            CellKind::Count => CellValue::Count(v),
            CellKind::Amount => CellValue::Amount(Amount::from_micros(u128::from(v) * 1_000_000)),
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<CellValue, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(self.wrong(v)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<CellValue, E> {
        // `{}` prints the shortest text that reads back as the same number: the text written.
        match (self.0, Amount::parse(&format!("{v}"))) {
            (CellKind::Amount, Some(a)) if v >= 0.0 => Ok(CellValue::Amount(a)),
            _ => Err(self.wrong(v)),
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<CellValue, E> {
        Err(self.wrong(v))
    }

    /// Text is kept as typed, even when it is not a number: rule V001 reports it with the
    /// cell's label, the other rules still run, and a draft with a typo reads back as saved.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<CellValue, E> {
        match CellValue::parse(v, self.0) {
            CellValue::Invalid(_) if !KEEP_INVALID.with(|k| k.get()) => Err(self.wrong(format!("\"{v}\""))),
            value => Ok(value),
        }
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<CellValue, A::Error> {
        Err(self.wrong("数组"))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<CellValue, A::Error> {
        Err(self.wrong("对象"))
    }
}

fn json_error(err: serde_path_to_error::Error<serde_json::Error>) -> JsonError {
    let path = format_path(err.path());
    let inner = err.into_inner();
    JsonError { path, line: inner.line(), column: inner.column(), message: translate(&inner.to_string()) }
}

fn format_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                if key.contains('.') {
                    out.push_str(&format!("\"{key}\""));
                } else {
                    out.push_str(key);
                }
            }
            Segment::Enum { variant } => out.push_str(&format!("::{variant}")),
            Segment::Unknown => {}
        }
    }
    if out == "?" {
        out.clear();
    }
    out
}

/// Puts serde's English messages into Chinese; our own messages pass through unchanged.
fn translate(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    let quoted = |s: &str| s.replace('`', "\"");
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return format!("未知的键 {}（不会被忽略，请删除或更正）", quoted(field));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let allowed = allowed.trim_start_matches("one of ");
        return format!("未知的取值 {}，应为以下之一：{}", quoted(value), quoted(allowed));
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("缺少必需的键 {}", quoted(rest));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("类型不对：应为{}，实际为{}", kind_name(expected), kind_name(found));
    }
    if message.starts_with("invalid value: integer") || message.contains("out of range") {
        return "数值超出范围".into();
    }
    if message.starts_with("EOF while parsing") {
        return "文件在此处意外结束：JSON 不完整".into();
    }
    if message.starts_with("trailing characters") {
        return "JSON 文档结束后还有多余的内容".into();
    }
    if message.starts_with("expected value") {
        return "此处应为一个值：JSON 格式错误".into();
    }
    if message.starts_with("key must be a string") {
        return "键必须是带引号的字符串".into();
    }
    if message.starts_with("expected") || message.starts_with("invalid") || message.starts_with("control character") {
        return format!("JSON 格式错误（{message}）");
    }
    message.to_string()
}

fn kind_name(serde_kind: &str) -> String {
    let k = serde_kind.trim();
    let name = if k.starts_with("a string") || k.starts_with("string") {
        "字符串".to_string()
    } else if k.starts_with("integer") || k.starts_with("i32") || k.starts_with("u64") || k.starts_with("floating") {
        format!("数字{}", k.split_once(' ').map(|(_, v)| format!(" {v}")).unwrap_or_default())
    } else if k.starts_with("map") || k.starts_with("struct") || k.contains("object") {
        "对象".to_string()
    } else if k.starts_with("sequence") || k.starts_with("a sequence") {
        "数组".to_string()
    } else if k.starts_with("boolean") {
        "布尔值".to_string()
    } else if k.starts_with("null") || k == "unit value" {
        "null".to_string()
    } else {
        k.to_string()
    };
    format!(" {name}").replace('`', "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
