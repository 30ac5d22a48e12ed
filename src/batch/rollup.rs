//! The roll-up (汇总): the tables of many reports added cell by cell into the tables of one
//! report, as a government adds up its departments' reports into its own.
//!
//! Counts add exactly (no cap: a city-wide sum reaches millions), the fee adds as an exact
//! decimal. A cell that one source left unfilled (or filled with text) is not summed: the sum
//! would silently count that source as 0, so the cell stays unfilled in the roll-up (rule V002
//! then names it) and [`Rollup::incomplete`] says which sources lack it. Years and table editions
//! are never mixed; the same agency given twice is flagged (its numbers would count twice).

use serde::Serialize;

use super::agency;
#[cfg(feature = "xlsx")]
use super::xlsx::{error_message, Sheet, Value};
use crate::model::{Amount, CellId, CellValue, Report, TableEdition};
use crate::rules::{self, Finding, Inputs};

/// One report that went into the sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub file: String,
    pub agency: String,
    pub year: i32,
}

/// A cell that could not be summed, and the sources (by index) that left it unfilled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Incomplete {
    pub cell: CellId,
    pub sources: Vec<usize>,
}

/// Reports being added up.
#[derive(Debug, Default)]
pub struct Rollup {
    sources: Vec<Source>,
    edition: Option<TableEdition>,
    /// Every source's value of every cell, source by source ([`CellId::index`] order).
    values: Vec<Vec<CellValue>>,
}

/// The finished roll-up.
#[derive(Debug, Clone, Serialize)]
pub struct Sum {
    /// The aggregated report: its year, the official headings, the summed tables; no prose.
    #[serde(skip)]
    pub report: Report,
    pub sources: Vec<Source>,
    pub incomplete: Vec<Incomplete>,
    /// Sources of one agency (by [`agency::key`]), one group per agency given more than once.
    pub duplicates: Vec<Vec<usize>>,
    /// The table rules on the sum (the prose is empty by design, so prose rules are not run).
    pub findings: Vec<Finding>,
    /// Every source's value of every cell, source by source.
    #[serde(skip)]
    values: Vec<Vec<CellValue>>,
}

impl Rollup {
    pub fn new() -> Rollup {
        Rollup::default()
    }

    /// Adds one report. Refuses, with a Chinese message, a report of another year or with
    /// tables of another edition than those before it, and a report without a year.
    pub fn add(&mut self, file: &str, report: &Report) -> Result<(), String> {
        let Some(year) = report.year else {
            return Err(format!("{file}：报告中没有找到年度，无法确定能否与其他报告汇总。请先在报告中写明年度"));
        };
        let edition = report.source.as_ref().map(|s| s.tables).unwrap_or_default();
        if let Some(first) = self.sources.first() {
            if first.year != year {
                return Err(format!(
                    "{file} 是 {year} 年的报告，而 {} 是 {} 年的：不同年度的报告不能汇总，请分年度汇总",
                    first.file, first.year
                ));
            }
            if self.edition != Some(edition) {
                let name = |e: TableEdition| match e {
                    TableEdition::Y2021 => "2021 年版（国办公开办函〔2021〕30号）",
                    TableEdition::Y2019 => "2019 年旧版（国办公开办函〔2019〕60号）",
                };
                return Err(format!(
                    "{file} 的统计表是{}，而 {} 的是{}：两种表格的项目不同，不能逐格相加。请先将旧版报告改为 2021 年版表格",
                    name(edition),
                    first.file,
                    name(self.edition.unwrap_or_default())
                ));
            }
        }
        self.edition = Some(edition);
        self.sources.push(Source { file: file.to_string(), agency: report.agency.name.clone(), year });
        self.values.push(report.cells().map(|(_, v)| v.clone()).collect());
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Adds up the tables and checks the sum. `agency` names the aggregating body, if known.
    pub fn finish(self, agency_name: &str) -> Result<Sum, String> {
        if self.sources.is_empty() {
            return Err("没有可汇总的报告".to_string());
        }
        let mut report = Report::empty();
        report.year = Some(self.sources[0].year);
        report.agency.name = agency_name.to_string();
        report.headings = Some(Report::official_headings());
        if self.edition == Some(TableEdition::Y2019) {
            report.source = Some(crate::model::SourceInfo { tables: TableEdition::Y2019, ..Default::default() });
        }
        let mut incomplete = Vec::new();
        for id in CellId::all() {
            let mut missing = Vec::new();
            let mut count: u64 = 0;
            let mut amount: u128 = 0;
            for (s, values) in self.values.iter().enumerate() {
                match &values[id.index()] {
                    CellValue::Count(n) => {
                        count = count.checked_add(*n).ok_or_else(|| too_large(id))?;
                    }
                    CellValue::Amount(a) => amount = amount.checked_add(a.micros()).ok_or_else(|| too_large(id))?,
                    _ => missing.push(s),
                }
            }
            if !missing.is_empty() {
                incomplete.push(Incomplete { cell: id, sources: missing });
                continue;
            }
            let value = match id.kind() {
                crate::model::CellKind::Count => CellValue::Count(count),
                crate::model::CellKind::Amount => CellValue::Amount(Amount::from_micros(amount)),
            };
            report.set_cell(id, value);
        }
        let findings = rules::check_selected(&report, None, |r| r.inputs == Inputs::Tables);
        let keys: Vec<String> = self.sources.iter().map(|s| agency::key(&s.agency)).collect();
        let mut duplicates: Vec<Vec<usize>> = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            if key.is_empty() || keys[..i].contains(key) {
                continue;
            }
            let same: Vec<usize> = (i..keys.len()).filter(|&j| keys[j] == *key).collect();
            if same.len() > 1 {
                duplicates.push(same);
            }
        }
        Ok(Sum { report, sources: self.sources, incomplete, duplicates, findings, values: self.values })
    }
}

fn too_large(id: CellId) -> String {
    format!("{}：各报告相加之和超出了可以表示的范围，请检查是否有填错的巨大数字", id.label())
}

impl Sum {
    /// The value source `source` gave to `cell`.
    pub fn contribution(&self, source: usize, cell: CellId) -> &CellValue {
        &self.values[source][cell.index()]
    }

    /// Warnings about the inputs, in Chinese: agencies given twice, cells not summed.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for group in &self.duplicates {
            let files: Vec<&str> = group.iter().map(|&i| self.sources[i].file.as_str()).collect();
            problems.push(format!(
                "同一机关「{}」的报告出现了 {} 次（{}）：其数字被重复计入汇总，请只保留一份",
                self.sources[group[0]].agency,
                group.len(),
                files.join("、")
            ));
        }
        for gap in &self.incomplete {
            let mut files: Vec<&str> = gap.sources.iter().take(3).map(|&i| self.sources[i].file.as_str()).collect();
            if gap.sources.len() > 3 {
                files.push("…");
            }
            problems.push(format!(
                "{}：{} 份报告未填写或填写有误（{}），未汇总此格",
                gap.cell.label(),
                gap.sources.len(),
                files.join("、")
            ));
        }
        problems
    }

    #[cfg(feature = "xlsx")]
    /// The roll-up as a workbook: 「汇总表」 (every cell and its sum), 「各来源明细」 (every
    /// source's value of every cell), 「来源」 and 「检查结果」.
    pub fn workbook(&self) -> Result<Vec<u8>, String> {
        const MAX_SOURCES: usize = 16_000;
        if self.sources.len() > MAX_SOURCES {
            return Err(format!("汇总了 {} 份报告，超过 Excel 工作表 {MAX_SOURCES} 列的上限，无法逐份列出", self.sources.len()));
        }
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let incomplete: std::collections::HashMap<CellId, usize> =
            self.incomplete.iter().map(|g| (g.cell, g.sources.len())).collect();

        let mut totals = Sheet::new("汇总表", &[("单元格", 34.0), ("项目", 80.0), ("合计", 14.0), ("说明", 40.0)]).map_err(error_message)?;
        for id in CellId::all() {
            let value = self.report.cell(id);
            let note = incomplete.get(&id).map(|n| format!("{n} 份报告未填写，未汇总")).unwrap_or_default();
            totals.push(&[Value::Text(id.as_str()), Value::Text(id.label()), number(value), Value::Text(&note)]).map_err(error_message)?;
        }
        totals.finish(&mut workbook).map_err(error_message)?;

        let mut headers: Vec<(String, f64)> = vec![("单元格".into(), 34.0), ("项目".into(), 60.0), ("合计".into(), 14.0)];
        for source in &self.sources {
            let name = if source.agency.is_empty() { source.file.clone() } else { source.agency.clone() };
            headers.push((name, 24.0));
        }
        let mut detail = Sheet::new("各来源明细", &headers).map_err(error_message)?;
        for id in CellId::all() {
            let mut row = vec![Value::Text(id.as_str()), Value::Text(id.label()), number(self.report.cell(id))];
            let raws: Vec<String> = self.values.iter().map(|v| v[id.index()].display()).collect();
            for (values, raw) in self.values.iter().zip(&raws) {
                row.push(match &values[id.index()] {
                    CellValue::Missing => Value::Text("（未填）"),
                    CellValue::Count(_) | CellValue::Amount(_) => number(&values[id.index()]),
                    _ => Value::Text(raw),
                });
            }
            detail.push(&row).map_err(error_message)?;
        }
        detail.finish(&mut workbook).map_err(error_message)?;

        let mut sources = Sheet::new("来源", &[("序号", 6.0), ("文件", 60.0), ("机关名称", 40.0), ("年度", 8.0), ("说明", 60.0)])
            .map_err(error_message)?;
        for (i, s) in self.sources.iter().enumerate() {
            let twice = self.duplicates.iter().any(|g| g.contains(&i));
            let note = if twice { "同一机关出现多次" } else { "" };
            sources
                .push(&[Value::Number((i + 1) as f64), Value::Text(&s.file), Value::Text(&s.agency), Value::Number(s.year as f64), Value::Text(note)])
                .map_err(error_message)?;
        }
        sources.finish(&mut workbook).map_err(error_message)?;

        let mut checks = Sheet::new("检查结果", &[("级别", 8.0), ("代码", 8.0), ("说明", 100.0), ("单元格", 40.0)]).map_err(error_message)?;
        for problem in self.problems() {
            checks.push(&[Value::Text("警告"), Value::Text("汇总"), Value::Text(&problem)]).map_err(error_message)?;
        }
        for f in &self.findings {
            let cells = f.cells.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ");
            checks.push(&[Value::Text(f.severity.label()), Value::Text(f.code), Value::Text(&f.message), Value::Text(&cells)]).map_err(error_message)?;
        }
        checks.finish(&mut workbook).map_err(error_message)?;
        workbook.save_to_buffer().map_err(error_message)
    }
}

#[cfg(feature = "xlsx")]
fn number(value: &CellValue) -> Value<'_> {
    match value {
        CellValue::Count(n) => Value::Number(*n as f64),
        CellValue::Amount(a) => Value::Number(a.micros() as f64 / 1_000_000.0),
        _ => Value::Empty,
    }
}
