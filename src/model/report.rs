//! The whole report: year, agency, headings, prose and every cell.

use serde::{Deserialize, Serialize};

use super::cells::CellId;
use super::date::ReportDate;
use super::labels;
use super::review::ReviewMark;
use super::value::CellValue;

/// One annual report in the 2021 format (FORMAT.md §5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The report year (统计年度), e.g. 2024.
    pub year: Option<i32>,
    /// Text typed as the year that is not one (「20245」), kept for rule V001 as a draft keeps
    /// text typed into a number cell; `year` is then `None`.
    pub invalid_year: Option<String>,
    /// The 成文日期 written under the agency's name at the end of the document (GB/T 9704);
    /// `None`: not set (the page and the CLI then write the day of the export).
    pub date: Option<ReportDate>,
    pub agency: Agency,
    /// The section headings as written, in document order. `None`: not given (the page writes
    /// the official ones; a JSON document may leave them out).
    pub headings: Option<Vec<String>>,
    pub text: Texts,
    /// One value per cell, indexed by [`CellId::index`].
    cells: Vec<CellValue>,
    /// What an importer learned about the source document.
    pub source: Option<SourceInfo>,
    /// Findings a person marked 「已核实」 (reviewed), with the reason.
    pub reviewed: Vec<ReviewMark>,
}

/// The agency block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Agency {
    pub name: String,
    pub level: Option<Level>,
    /// The administrative area the agency serves, e.g. 「吉林省白城市通榆县」.
    pub region: String,
    pub address: String,
    pub postcode: String,
    pub phone: String,
    /// Optional contact e-mail.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
}

/// Level of the agency (`agency.level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    StateCouncilDept,
    Province,
    City,
    County,
    Township,
    Department,
}

impl Level {
    pub const ALL: [Level; 6] =
        [Level::StateCouncilDept, Level::Province, Level::City, Level::County, Level::Township, Level::Department];

    pub fn key(self) -> &'static str {
        labels::LEVELS[self as usize].0
    }

    pub fn label(self) -> &'static str {
        labels::LEVELS[self as usize].1
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    /// A people's government (人民政府) rather than one of its departments.
    pub fn is_government(self) -> bool {
        !matches!(self, Level::StateCouncilDept | Level::Department)
    }
}

/// The prose of the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Texts {
    /// Before section 一: legal basis, the parts, the statistical period, contact details.
    pub preamble: String,
    /// Section 一, 总体情况.
    pub overview: String,
    /// Section 五, 存在的主要问题及改进情况.
    pub problems: String,
    /// Section 六, 其他需要报告的事项.
    pub other: String,
}

/// A prose field, by its key in `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    Preamble,
    Overview,
    Problems,
    Other,
}

impl TextField {
    pub const ALL: [TextField; 4] = [TextField::Preamble, TextField::Overview, TextField::Problems, TextField::Other];

    pub fn key(self) -> &'static str {
        match self {
            TextField::Preamble => "preamble",
            TextField::Overview => "overview",
            TextField::Problems => "problems",
            TextField::Other => "other",
        }
    }

    /// The JSON path of the field, used as the page's `data-field`.
    pub fn path(self) -> &'static str {
        match self {
            TextField::Preamble => "text.preamble",
            TextField::Overview => "text.overview",
            TextField::Problems => "text.problems",
            TextField::Other => "text.other",
        }
    }

    /// Where the field stands in the report, in words.
    pub fn label(self) -> &'static str {
        match self {
            TextField::Preamble => "前言",
            TextField::Overview => "一、总体情况",
            TextField::Problems => "五、存在的主要问题及改进情况",
            TextField::Other => "六、其他需要报告的事项",
        }
    }

    pub fn from_key(key: &str) -> Option<TextField> {
        TextField::ALL.into_iter().find(|f| f.key() == key || f.path() == key)
    }
}

impl Texts {
    pub fn get(&self, field: TextField) -> &str {
        match field {
            TextField::Preamble => &self.preamble,
            TextField::Overview => &self.overview,
            TextField::Problems => &self.problems,
            TextField::Other => &self.other,
        }
    }

    pub fn get_mut(&mut self, field: TextField) -> &mut String {
        match field {
            TextField::Preamble => &mut self.preamble,
            TextField::Overview => &mut self.overview,
            TextField::Problems => &mut self.problems,
            TextField::Other => &mut self.other,
        }
    }
}

/// Which edition of the statistical tables a source document used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableEdition {
    /// 国办公开办函〔2021〕30号: the current tables.
    #[default]
    #[serde(rename = "2021")]
    Y2021,
    /// 国办公开办函〔2019〕60号: the tables of the 2019 and 2020 reports.
    #[serde(rename = "2019")]
    Y2019,
}

/// What an importer found in the source document beyond the report itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SourceInfo {
    /// The edition of the tables found.
    pub tables: TableEdition,
    /// Labels that were recognised although edited (rule S004).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edited_labels: Vec<SourceNote>,
    /// Content that could not be placed in the report (rule I001).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<SourceNote>,
    /// Where each cell found in a table of the document was read, filled in or not
    /// (`"s3.new.natural": {"table": 3, "row": 4, "column": 2}`), in the order of the tables.
    #[serde(skip_serializing_if = "CellPositions::is_empty")]
    pub cells: CellPositions,
}

/// Cells and where each was read, in the order of the tables; a JSON object by cell ID.
///
/// A sorted list rather than a map: the page's WebAssembly has no other B-tree, and reading
/// one into drafts cost 10 KB of code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CellPositions(Vec<(CellId, SourcePos)>);

impl CellPositions {
    /// From pairs in any order; a cell given twice keeps its first position.
    pub fn new(mut pairs: Vec<(CellId, SourcePos)>) -> CellPositions {
        pairs.sort_by_key(|(id, _)| *id);
        pairs.dedup_by_key(|(id, _)| *id);
        CellPositions(pairs)
    }

    pub fn get(&self, id: CellId) -> Option<SourcePos> {
        self.0.binary_search_by_key(&id, |(c, _)| *c).ok().map(|i| self.0[i].1)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (CellId, SourcePos)> + '_ {
        self.0.iter().copied()
    }
}

impl Serialize for CellPositions {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (id, at) in &self.0 {
            map.serialize_entry(id.as_str(), at)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for CellPositions {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Map;
        impl<'de> serde::de::Visitor<'de> for Map {
            type Value = CellPositions;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("单元格 ID 到位置的映射")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<CellPositions, A::Error> {
                let mut pairs = Vec::new();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let id = CellId::parse(&key).ok_or_else(|| serde::de::Error::custom(format!("没有这个单元格：\"{key}\"")))?;
                    pairs.push((id, map.next_value()?));
                }
                Ok(CellPositions::new(pairs))
            }
        }
        d.deserialize_map(Map)
    }
}

/// Where something was read in the source document. Every number counts from 1.
///
/// In JSON the variant shows by its fields alone: `{"table": 3, "row": 4, "column": 2}`,
/// `{"page": 2, "line": 17}`, `{"line": 120}`, `{"paragraph": 5}`; any other set of fields is
/// an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SourcePos {
    /// A table cell of a .docx, .doc or HTML document: the n-th table of the document, the
    /// row in it, and the cell in that row as the document stores it (a cell merged across
    /// columns counts once; a cell covered by one merged from above still counts).
    Cell { table: u32, row: u32, column: u32 },
    /// A PDF: the page, and the line on that page (top to bottom, as the text was rebuilt).
    Page { page: u32, line: u32 },
    /// A text file: the line.
    Line { line: u32 },
    /// A paragraph outside tables of a .docx, .doc or HTML document: its number in the document.
    Paragraph { paragraph: u32 },
}

/// Read by hand: a map of up to three known fields, told apart by which are there (cheaper
/// in the page's WebAssembly than serde's untagged or derived matching).
impl<'de> Deserialize<'de> for SourcePos {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = SourcePos;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("位置 {table, row, column}、{page, line}、{line} 或 {paragraph}")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SourcePos, A::Error> {
                const NAMES: [&str; 6] = ["table", "row", "column", "page", "line", "paragraph"];
                let mut v: [Option<u32>; 6] = [None; 6];
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let Some(i) = NAMES.iter().position(|n| *n == key) else {
                        return Err(serde::de::Error::unknown_field(&key, &NAMES));
                    };
                    v[i] = Some(map.next_value()?);
                }
                Ok(match v {
                    [Some(table), Some(row), Some(column), None, None, None] => SourcePos::Cell { table, row, column },
                    [None, None, None, Some(page), Some(line), None] => SourcePos::Page { page, line },
                    [None, None, None, None, Some(line), None] => SourcePos::Line { line },
                    [None, None, None, None, None, Some(paragraph)] => SourcePos::Paragraph { paragraph },
                    _ => return Err(serde::de::Error::invalid_value(serde::de::Unexpected::Map, &self)),
                })
            }
        }
        d.deserialize_map(Fields)
    }
}

impl SourcePos {
    /// In words, for messages: 「第 3 个表格第 4 行第 2 格」, 「第 2 页第 17 行」, 「第 120 行」.
    pub fn describe(&self) -> String {
        match *self {
            SourcePos::Cell { table, row, column } => format!("第 {table} 个表格第 {row} 行第 {column} 格"),
            SourcePos::Page { page, line } => format!("第 {page} 页第 {line} 行"),
            SourcePos::Line { line } => format!("第 {line} 行"),
            SourcePos::Paragraph { paragraph } => format!("第 {paragraph} 段"),
        }
    }
}

/// A place in the source document and what was found there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SourceNote {
    /// Where: section, table, row and column labels, as far as known (「三、… 表格 第5行」).
    pub location: String,
    /// The text found there.
    pub found: String,
    /// What the importer took it for (the official label or cell ID), if anything.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub expected: String,
    /// The cell it was mapped to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Default for Report {
    fn default() -> Self {
        Report::empty()
    }
}

impl Report {
    /// A report with nothing filled in.
    pub fn empty() -> Report {
        Report {
            year: None,
            invalid_year: None,
            date: None,
            agency: Agency::default(),
            headings: None,
            text: Texts::default(),
            cells: vec![CellValue::Missing; CellId::count()],
            source: None,
            reviewed: Vec::new(),
        }
    }

    /// The six official headings, numbered 「一、」 to 「六、」.
    pub fn official_headings() -> Vec<String> {
        labels::SECTION_NUMERALS
            .iter()
            .zip(labels::SECTION_TITLES)
            .map(|(n, t)| format!("{n}、{t}"))
            .collect()
    }

    pub fn cell(&self, id: CellId) -> &CellValue {
        &self.cells[id.index()]
    }

    pub fn set_cell(&mut self, id: CellId, value: CellValue) {
        self.cells[id.index()] = value;
    }

    /// Sets a cell from text as a person typed it (full-width digits, 件, separators…).
    pub fn set_cell_text(&mut self, id: CellId, raw: &str) {
        self.cells[id.index()] = CellValue::parse(raw, id.kind());
    }

    /// The count in a cell, if it holds one.
    pub fn count(&self, id: CellId) -> Option<u64> {
        self.cells[id.index()].count()
    }

    /// Every cell with its value, in the order of the tables.
    pub fn cells(&self) -> impl Iterator<Item = (CellId, &CellValue)> {
        CellId::all().map(move |id| (id, &self.cells[id.index()]))
    }

    /// The title as the format writes it: 「<机关名称><年份>年政府信息公开工作年度报告」.
    pub fn title(&self) -> String {
        let year = self.year.map(|y| y.to_string()).unwrap_or_default();
        format!("{}{}{}", self.agency.name, year, labels::TITLE_SUFFIX)
    }

    /// A file name for the report with characters that file systems reject removed, short
    /// enough for any file system (80 characters: at most 240 bytes of UTF-8, plus the extension).
    pub fn file_stem(&self) -> String {
        const MAX_CHARS: usize = 80;
        let stem: String = self
            .title()
            .chars()
            .filter(|c| !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control())
            .collect();
        let stem = stem.trim().trim_matches('.');
        // Keep the end (「…年政府信息公开工作年度报告」) when an agency name is very long.
        let count = stem.chars().count();
        let stem: String = stem.chars().skip(count.saturating_sub(MAX_CHARS)).collect();
        let stem = stem.trim().trim_matches('.').to_string();
        if stem.is_empty() {
            "政府信息公开工作年度报告".to_string()
        } else {
            stem
        }
    }

    /// True when nothing at all has been entered.
    pub fn is_blank(&self) -> bool {
        self.year.is_none()
            && self.invalid_year.is_none()
            && self.date.is_none()
            && self.agency == Agency::default()
            && self.text == Texts::default()
            && self.cells.iter().all(|c| *c == CellValue::Missing)
    }
}

#[cfg(test)]
mod file_stem_tests {
    use super::*;

    #[test]
    fn file_stems_are_safe_and_short() {
        let mut report = Report::empty();
        assert_eq!(report.file_stem(), "年政府信息公开工作年度报告");
        report.year = Some(2024);
        report.agency.name = " ..a/b\\c:d*e?f\"g<h>i|j\nk\t ".into();
        assert_eq!(report.file_stem(), "abcdefghijk 2024年政府信息公开工作年度报告");
        report.agency.name = "很长的机关名称".repeat(30);
        let stem = report.file_stem();
        assert_eq!(stem.chars().count(), 80);
        assert!(stem.ends_with("2024年政府信息公开工作年度报告"));
        assert!(stem.len() + ".docx".len() <= 255);
    }
}
