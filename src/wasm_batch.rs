//! The batch binding: the page's 「批量检查」 view. A [`Batch`] holds a
//! [`Collection`] between calls — every report read, its findings, what comparing them found —
//! inside its own WebAssembly module, run in a Web Worker and loaded only when the view is used
//! (it carries the readers, the rules and the workbook writer).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::batch::collection::Collection;
use crate::batch::copies::Side;
use crate::batch::pairs::duplicate_note;
use crate::batch::ReportSummary;
use crate::import::MAX_FILE_BYTES;
use crate::model::{to_json, TableEdition};
use crate::wasm_shared::{error, to_js, FindingView};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
type Finding = import("./xxgk_report").Finding;

/** One file of the batch. `error` is set (in Chinese) when it could not be read; the rest is then empty. */
export interface BatchFile {
  index: number; file: string; agency: string;
  /** The level's Chinese name: 「乡镇人民政府」. */
  level: string | null;
  year: number | null; edition: "2021" | "2019" | null;
  errors: number; warnings: number; infos: number;
  /** Distinct rule codes, in catalog order. */
  codes: string[];
  importProblems: string[];
  /** The file of last year's report it was compared with (Y001–Y003). */
  previous: string | null;
  error: string | null;
}
/** Two reports of one agency in consecutive years (indices of the batch), and the cross-year findings of the later one. */
export interface BatchPair {
  previous: number; current: number; agency: string;
  previousYear: number | null; currentYear: number | null; findings: Finding[];
}
export interface BatchCopySide {
  index: number; file: string; agency: string;
  /** JSON path of the part (text.overview) and its name (一、总体情况). */
  field: string; part: string;
  /** Share of the part the matched text makes up, 0–1. */
  share: number;
}
/** A passage two agencies' reports share. */
export interface BatchCopy { a: BatchCopySide; b: BatchCopySide; passage: string; letters: number; similarity: number; }
/** Files of one agency and year given more than once: not paired. */
export interface BatchDuplicate { files: number[]; note: string; }
export interface BatchComparison { files: BatchFile[]; pairs: BatchPair[]; duplicates: BatchDuplicate[]; copies: BatchCopy[]; }
export interface BatchYear { year: number; reports: number; }
/** The roll-up (汇总) of one year: the aggregated report as a JSON document, and what to know about it. */
export interface BatchRollup {
  json: string; fileStem: string; year: number; sources: number;
  /** Agencies given twice, cells not summed; files left out (other table edition). */
  problems: string[]; leftOut: string[];
  /** The table rules on the sum. */
  findings: Finding[];
}
"#;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileView<'a> {
    index: usize,
    file: &'a str,
    agency: &'a str,
    level: Option<&'static str>,
    year: Option<i32>,
    edition: Option<&'static str>,
    errors: usize,
    warnings: usize,
    infos: usize,
    codes: &'a [&'static str],
    import_problems: &'a [String],
    previous: Option<&'a str>,
    error: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PairView<'a> {
    previous: usize,
    current: usize,
    agency: &'a str,
    previous_year: Option<i32>,
    current_year: Option<i32>,
    findings: Vec<FindingView<'a>>,
}

#[derive(Serialize)]
struct SideView<'a> {
    index: usize,
    file: &'a str,
    agency: &'a str,
    field: &'static str,
    part: &'static str,
    share: f64,
}

#[derive(Serialize)]
struct CopyView<'a> {
    a: SideView<'a>,
    b: SideView<'a>,
    passage: &'a str,
    letters: usize,
    similarity: f64,
}

#[derive(Serialize)]
struct DuplicateView<'a> {
    files: &'a [usize],
    note: String,
}

#[derive(Serialize)]
struct ComparisonView<'a> {
    files: Vec<FileView<'a>>,
    pairs: Vec<PairView<'a>>,
    duplicates: Vec<DuplicateView<'a>>,
    copies: Vec<CopyView<'a>>,
}

#[derive(Serialize)]
struct YearView {
    year: i32,
    reports: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RollupView<'a> {
    json: String,
    file_stem: String,
    year: i32,
    sources: usize,
    problems: Vec<String>,
    left_out: &'a [String],
    findings: Vec<FindingView<'a>>,
}

/// The most bytes of one file the readers look at: read no more than this plus one (the
/// reader then says the file is too large) of a huge file.
#[wasm_bindgen(js_name = maxFileBytes)]
pub fn max_file_bytes() -> usize {
    MAX_FILE_BYTES
}

/// The reports of a batch, held between calls.
#[wasm_bindgen]
pub struct Batch {
    files: Collection,
}

impl Batch {
    fn summary(&self, index: usize) -> Result<Result<ReportSummary, &str>, JsValue> {
        self.files.summary(index).ok_or_else(|| error(format!("批量检查中没有第 {} 个文件", index + 1)))
    }

    fn file_view(&self, index: usize) -> Result<JsValue, JsValue> {
        let summary = self.summary(index)?;
        to_js(&self.row(index, &summary))
    }

    fn row<'a>(&'a self, index: usize, summary: &'a Result<ReportSummary, &'a str>) -> FileView<'a> {
        let file = self.files.file(index).unwrap_or("");
        match summary {
            Ok(s) => FileView {
                index,
                file,
                agency: &s.agency,
                level: s.level.map(|l| l.label()),
                year: s.year,
                edition: Some(match s.edition {
                    TableEdition::Y2021 => "2021",
                    TableEdition::Y2019 => "2019",
                }),
                errors: s.counts.error,
                warnings: s.counts.warning,
                infos: s.counts.info,
                codes: &s.codes,
                import_problems: &s.import_problems,
                previous: s.previous.as_deref(),
                error: None,
            },
            Err(message) => FileView {
                index,
                file,
                agency: "",
                level: None,
                year: None,
                edition: None,
                errors: 0,
                warnings: 0,
                infos: 0,
                codes: &[],
                import_problems: &[],
                previous: None,
                error: Some(message),
            },
        }
    }

    fn side(&self, index: usize, side: &'_ Side) -> SideView<'_> {
        SideView {
            index,
            file: self.files.file(index).unwrap_or(""),
            agency: self.files.report(index).map_or("", |r| r.agency.name.as_str()),
            field: side.field.path(),
            part: side.field.label(),
            share: side.share,
        }
    }
}

#[wasm_bindgen]
impl Batch {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Batch {
        Batch { files: Collection::new() }
    }

    /// Reads and checks one file (any format the importer reads); `file` is the path shown
    /// (a folder's files keep their relative path). A file that cannot be read gets its
    /// Chinese message in `error`: it never stops the batch.
    #[wasm_bindgen(unchecked_return_type = "BatchFile")]
    pub fn add(&mut self, file: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
        let index = self.files.add(file, bytes);
        self.file_view(index)
    }

    /// Keeps a file the page could not read, or that stopped the worker, with its message.
    #[wasm_bindgen(js_name = addFailed, unchecked_return_type = "BatchFile")]
    pub fn add_failed(&mut self, file: &str, message: &str) -> Result<JsValue, JsValue> {
        let index = self.files.add_failed(file, message);
        self.file_view(index)
    }

    /// How many files were added.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.files.len()
    }

    /// Pairs each agency's consecutive years (Y001–Y003 on the later report) and finds text
    /// copied between agencies, over every file so far; every file's row as it now stands.
    #[wasm_bindgen(unchecked_return_type = "BatchComparison")]
    pub fn compare(&mut self) -> Result<JsValue, JsValue> {
        self.files.compare();
        let comparison = self.files.comparison();
        let summaries = (0..self.files.len()).map(|i| self.summary(i)).collect::<Result<Vec<_>, _>>()?;
        let files = summaries.iter().enumerate().map(|(i, s)| self.row(i, s)).collect();
        let pairs = comparison
            .pairs
            .iter()
            .map(|p| {
                let year = |i| self.files.report(i).and_then(|r| r.year);
                PairView {
                    previous: p.previous,
                    current: p.current,
                    agency: self.files.report(p.current).map_or("", |r| r.agency.name.as_str()),
                    previous_year: year(p.previous),
                    current_year: year(p.current),
                    findings: p.findings.iter().map(FindingView::from).collect(),
                }
            })
            .collect();
        let duplicates = comparison
            .duplicates
            .iter()
            .map(|group| {
                let files: Vec<&str> = group.iter().map(|&i| self.files.file(i).unwrap_or("")).collect();
                DuplicateView { files: group, note: duplicate_note(&files) }
            })
            .collect();
        let copies = comparison
            .copies
            .iter()
            .map(|c| CopyView {
                a: self.side(c.a, &c.passage.a),
                b: self.side(c.b, &c.passage.b),
                passage: &c.passage.passage,
                letters: c.passage.letters,
                similarity: c.passage.similarity,
            })
            .collect();
        to_js(&ComparisonView { files, pairs, duplicates, copies })
    }

    /// The report read from file `index`, as a JSON document (to open it in the form).
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self, index: usize) -> Result<String, JsValue> {
        self.files.report(index).map(to_json).ok_or_else(|| error("这个文件未能读取，没有可以打开的报告"))
    }

    /// Every finding of file `index`, those of the comparison with last year included.
    #[wasm_bindgen(unchecked_return_type = "Finding[]")]
    pub fn findings(&self, index: usize) -> Result<JsValue, JsValue> {
        let findings = self.files.findings(index);
        to_js(&findings.iter().map(FindingView::from).collect::<Vec<_>>())
    }

    /// The findings as an Excel workbook (.xlsx bytes): 报告汇总, 问题明细, 跨年度对比, 雷同文字.
    #[wasm_bindgen(js_name = findingsXlsx)]
    pub fn findings_xlsx(&self) -> Result<Vec<u8>, JsValue> {
        self.files.workbook().map_err(error)
    }

    /// The findings as CSV, UTF-8 text beginning with a byte-order mark.
    #[wasm_bindgen(js_name = findingsCsv)]
    pub fn findings_csv(&self) -> String {
        self.files.csv()
    }

    /// The years of the reports read, with how many reports each, earliest first.
    #[wasm_bindgen(unchecked_return_type = "BatchYear[]")]
    pub fn years(&self) -> Result<JsValue, JsValue> {
        let years: Vec<YearView> = self.files.years().into_iter().map(|(year, reports)| YearView { year, reports }).collect();
        to_js(&years)
    }

    /// The roll-up (汇总) of every report of `year`, for the body named `agency` (may be empty).
    #[wasm_bindgen(unchecked_return_type = "BatchRollup")]
    pub fn rollup(&self, year: i32, agency: &str) -> Result<JsValue, JsValue> {
        let rolled = self.files.rollup(year, agency).map_err(error)?;
        to_js(&RollupView {
            json: to_json(&rolled.sum.report),
            file_stem: rolled.sum.report.file_stem(),
            year,
            sources: rolled.sum.sources.len(),
            problems: rolled.sum.problems(),
            left_out: &rolled.left_out,
            findings: rolled.sum.findings.iter().map(FindingView::from).collect(),
        })
    }

    /// The roll-up of `year` as an Excel workbook (.xlsx bytes): 汇总表, 各来源明细, 来源, 检查结果.
    #[wasm_bindgen(js_name = rollupXlsx)]
    pub fn rollup_xlsx(&self, year: i32, agency: &str) -> Result<Vec<u8>, JsValue> {
        self.files.rollup(year, agency).and_then(|rolled| rolled.sum.workbook()).map_err(error)
    }
}

impl Default for Batch {
    fn default() -> Self {
        Batch::new()
    }
}
