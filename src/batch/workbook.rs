//! The findings of a batch as an Excel workbook: 「报告汇总」, one row per file; 「问题明细」,
//! one row per finding; and, when the batch has them, 「跨年度对比」 (the pairs of one agency's
//! consecutive years) and 「雷同文字」 (passages copied between agencies).
//!
//! Rows are added as results come, so a caller can stream a batch through it.

use rust_xlsxwriter::Workbook;

use super::copies::CopiedPassage;
use super::xlsx::{error_message, Sheet, Value};
use super::{FileResult, Outcome, ReportSummary};
use crate::model::TextField;
use crate::rules::Finding;

/// A workbook being filled with a batch's results.
pub struct FindingsWorkbook {
    summary: Sheet,
    findings: Sheet,
    pairs: Option<Sheet>,
    copies: Option<Sheet>,
}

const SUMMARY_COLUMNS: &[(&str, f64)] = &[
    ("文件", 50.0),
    ("机关名称", 40.0),
    ("层级", 28.0),
    ("年度", 8.0),
    ("表格版本", 10.0),
    ("结论", 12.0),
    ("错误", 8.0),
    ("警告", 8.0),
    ("提示", 8.0),
    ("问题代码", 40.0),
    ("导入问题", 60.0),
    ("对比的上年报告", 40.0),
];

const FINDING_COLUMNS: &[(&str, f64)] = &[
    ("文件", 50.0),
    ("机关名称", 40.0),
    ("年度", 8.0),
    ("级别", 8.0),
    ("代码", 8.0),
    ("规则", 28.0),
    ("说明", 90.0),
    ("单元格", 40.0),
    ("位置", 30.0),
    ("原文", 40.0),
    ("填写值", 10.0),
    ("计算值", 10.0),
    ("相差", 10.0),
];

const PAIR_COLUMNS: &[(&str, f64)] =
    &[("机关名称", 40.0), ("上年", 8.0), ("上年报告", 50.0), ("本年", 8.0), ("本年报告", 50.0), ("跨年度问题", 12.0)];

const COPY_COLUMNS: &[(&str, f64)] = &[
    ("文件甲", 50.0),
    ("机关甲", 40.0),
    ("部分（甲）", 28.0),
    ("占该部分", 10.0),
    ("文件乙", 50.0),
    ("机关乙", 40.0),
    ("部分（乙）", 28.0),
    ("占该部分", 10.0),
    ("相同文字（字数）", 10.0),
    ("相同的文字", 90.0),
];

impl FindingsWorkbook {
    pub fn new() -> Result<FindingsWorkbook, String> {
        Ok(FindingsWorkbook {
            summary: Sheet::new("报告汇总", SUMMARY_COLUMNS).map_err(error_message)?,
            findings: Sheet::new("问题明细", FINDING_COLUMNS).map_err(error_message)?,
            pairs: None,
            copies: None,
        })
    }

    /// One file: its summary row and a row per finding.
    pub fn add(&mut self, result: &FileResult) -> Result<(), String> {
        let file = result.file.as_str();
        match &result.outcome {
            Outcome::Failed { error } => {
                let mut row = vec![Value::Text(file), Value::Empty, Value::Empty, Value::Empty, Value::Empty];
                row.extend([Value::Text("无法读取"), Value::Empty, Value::Empty, Value::Empty, Value::Empty]);
                row.push(Value::Text(error));
                self.summary.push(&row).map_err(error_message)
            }
            Outcome::Checked { summary, findings } => {
                self.summary_row(None, file, summary)?;
                self.add_findings(file, summary, findings)
            }
        }
    }

    /// Rewrites the summary row of the `index`-th file added (counts and codes changed after
    /// the cross-year rules, the file of last year's report now known).
    pub fn update_summary(&mut self, index: usize, file: &str, summary: &ReportSummary) -> Result<(), String> {
        self.summary_row(Some(index as u32 + 1), file, summary)
    }

    fn summary_row(&mut self, at: Option<u32>, file: &str, s: &ReportSummary) -> Result<(), String> {
        let year = s.year.map(|y| y.to_string()).unwrap_or_default();
        let codes = s.codes.join(" ");
        let problems = s.import_problems.join("；");
        let verdict = if s.counts.error > 0 {
            "有错误"
        } else if s.counts.warning > 0 {
            "有警告"
        } else {
            "通过"
        };
        let edition = match s.edition {
            crate::model::TableEdition::Y2021 => "2021",
            crate::model::TableEdition::Y2019 => "2019",
        };
        let values = [
            Value::Text(file),
            Value::Text(&s.agency),
            Value::Text(s.level.map_or("", |l| l.label())),
            Value::Text(&year),
            Value::Text(edition),
            Value::Text(verdict),
            Value::Number(s.counts.error as f64),
            Value::Number(s.counts.warning as f64),
            Value::Number(s.counts.info as f64),
            Value::Text(&codes),
            Value::Text(&problems),
            Value::Text(s.previous.as_deref().unwrap_or("")),
        ];
        match at {
            Some(row) => self.summary.write(row, &values),
            None => self.summary.push(&values),
        }
        .map_err(error_message)
    }

    /// Findings of a file found after its row was written (the cross-year rules of a pair).
    pub fn add_findings(&mut self, file: &str, summary: &ReportSummary, findings: &[Finding]) -> Result<(), String> {
        let year = summary.year.map(|y| y.to_string()).unwrap_or_default();
        for f in findings {
            let cells = f.cells.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ");
            let place = f.field.as_deref().map(field_label).unwrap_or_default();
            let snippet = f.span.as_ref().map(|s| s.snippet.as_str()).unwrap_or("");
            let number = |n: Option<u128>| n.map_or(Value::Empty, |n| Value::Number(n as f64));
            let row = [
                Value::Text(file),
                Value::Text(&summary.agency),
                Value::Text(&year),
                Value::Text(f.severity.label()),
                Value::Text(f.code),
                Value::Text(f.name),
                Value::Text(&f.message),
                Value::Text(&cells),
                Value::Text(&place),
                Value::Text(snippet),
                number(f.reported),
                number(f.computed),
                f.difference.map_or(Value::Empty, |d| Value::Number(d as f64)),
            ];
            self.findings.push(&row).map_err(error_message)?;
        }
        Ok(())
    }

    /// A pair of one agency's consecutive years and how many cross-year findings it gave.
    pub fn add_pair(&mut self, previous: (&str, &ReportSummary), current: (&str, &ReportSummary), findings: usize) -> Result<(), String> {
        if self.pairs.is_none() {
            self.pairs = Some(Sheet::new("跨年度对比", PAIR_COLUMNS).map_err(error_message)?);
        }
        let year = |s: &ReportSummary| s.year.map_or(Value::Empty, |y| Value::Number(y as f64));
        let row = [
            Value::Text(&current.1.agency),
            year(previous.1),
            Value::Text(previous.0),
            year(current.1),
            Value::Text(current.0),
            Value::Number(findings as f64),
        ];
        self.pairs.as_mut().expect("created above").push(&row).map_err(error_message)
    }

    /// A passage shared by the reports of two agencies.
    pub fn add_copy(&mut self, copy: &CopiedPassage) -> Result<(), String> {
        if self.copies.is_none() {
            self.copies = Some(Sheet::new("雷同文字", COPY_COLUMNS).map_err(error_message)?);
        }
        let percent = |share: f64| Value::Number((share * 1000.0).round() / 10.0);
        let row = [
            Value::Text(&copy.a.file),
            Value::Text(&copy.a.agency),
            Value::Text(copy.a.field.label()),
            percent(copy.a.share),
            Value::Text(&copy.b.file),
            Value::Text(&copy.b.agency),
            Value::Text(copy.b.field.label()),
            percent(copy.b.share),
            Value::Number(copy.letters as f64),
            Value::Text(&copy.passage),
        ];
        self.copies.as_mut().expect("created above").push(&row).map_err(error_message)
    }

    /// The .xlsx file.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        let mut workbook = Workbook::new();
        self.summary.finish(&mut workbook).map_err(error_message)?;
        self.findings.finish(&mut workbook).map_err(error_message)?;
        for sheet in [self.pairs, self.copies].into_iter().flatten() {
            sheet.finish(&mut workbook).map_err(error_message)?;
        }
        workbook.save_to_buffer().map_err(error_message)
    }
}

/// 「一、总体情况」 for `text.overview`; other fields as their JSON path.
fn field_label(path: &str) -> String {
    match TextField::from_key(path) {
        Some(field) => field.label().to_string(),
        None => path.to_string(),
    }
}
