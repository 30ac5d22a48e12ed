//! One report being edited in the page.

use wasm_bindgen::prelude::*;

use super::types::{FindingView, ImportSummary, PreviousReport, TotalProposal};
use super::{to_js, totals};
use crate::wasm_shared::error;
use crate::batch::pairs::previous_mismatch;
use crate::export::csv::findings_csv;
use crate::model::{from_json, from_json_keeping_invalid, parse_year, to_json, CellId, CellValue, Level, Report, ReportDate, TextField};
use crate::rules::{apply_fixes, check, review, undo_fixes, AppliedFix, Applicability, Checker, Finding, Severity};

/// The report inside WebAssembly; JavaScript sends one edit at a time.
#[wasm_bindgen]
pub struct Session {
    report: Report,
    /// Re-runs the prose rules only when the prose changed: a keystroke in a table stays cheap.
    checker: Checker,
    /// Fixes made by `applyFix` / `applySafeFixes`, one entry per call, for `undoFix`.
    undo: Vec<Vec<AppliedFix>>,
}

/// How many calls of `applyFix` / `applySafeFixes` `undoFix` can take back.
const UNDO_DEPTH: usize = 100;

fn cell_id(id: &str) -> Result<CellId, JsValue> {
    CellId::parse(id).ok_or_else(|| error(format!("没有编号为「{id}」的单元格")))
}

#[wasm_bindgen]
impl Session {
    /// An empty report with the official headings.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Session {
        let mut report = Report::empty();
        report.headings = Some(Report::official_headings());
        Session { report, checker: Checker::new(), undo: Vec::new() }
    }

    /// A session on a JSON document (FORMAT.md §5); throws an `Error` with a Chinese message.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Session, JsValue> {
        from_json(text).map(|report| Session { report, checker: Checker::new(), undo: Vec::new() }).map_err(|e| error(format!("JSON 文件有误：{e}")))
    }

    /// A session on a draft saved by the page: as `fromJson`, but text typed into a number cell
    /// (「abc」) is kept and reported by V001 instead of refusing the draft.
    #[wasm_bindgen(js_name = fromDraft)]
    pub fn from_draft(text: &str) -> Result<Session, JsValue> {
        from_json_keeping_invalid(text)
            .map(|report| Session { report, checker: Checker::new(), undo: Vec::new() })
            .map_err(|e| error(format!("草稿有误：{e}")))
    }

    /// For the message once a file is read (`ImportSummary`): the findings and the notes the importer
    /// left in `source`. Files are read by the documents module (`importFile`), which returns the
    /// JSON this session is made from (`fromDraft`) and its own account of the file.
    #[wasm_bindgen(js_name = importSummary, unchecked_return_type = "ImportSummary")]
    pub fn import_summary(&self) -> Result<JsValue, JsValue> {
        let findings = check(&self.report);
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s && f.reviewed.is_none()).count();
        let mut notes = Vec::new();
        if let Some(source) = &self.report.source {
            notes.extend(source.edited_labels.iter().map(|n| format!("{}：「{}」", n.location, n.found)));
            notes.extend(source.unplaced.iter().map(|n| format!("未能放入报告：{}「{}」", n.location, n.found)));
        }
        to_js(&ImportSummary {
            filled: self.report.cells().filter(|(_, v)| v.is_filled()).count(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes,
        })
    }

    /// Compares every later check with last year's report (rules Y001–Y003): a JSON document as
    /// the documents module's `importFile` writes it. Returns what `previous()` returns; throws
    /// an `Error` with a Chinese message when the JSON is not a report.
    #[wasm_bindgen(js_name = setPrevious, unchecked_return_type = "PreviousReport")]
    pub fn set_previous(&mut self, json: &str) -> Result<JsValue, JsValue> {
        let previous = from_json_keeping_invalid(json).map_err(|e| error(format!("上一年度报告有误：{e}")))?;
        self.checker.set_previous(Some(previous));
        self.previous()
    }

    /// Compares with no last year's report any more.
    #[wasm_bindgen(js_name = clearPrevious)]
    pub fn clear_previous(&mut self) {
        self.checker.set_previous(None);
    }

    /// Last year's report: its agency and year, and what does not fit (another agency, years
    /// that do not follow each other), or `null` when none was given.
    #[wasm_bindgen(unchecked_return_type = "PreviousReport | null")]
    pub fn previous(&self) -> Result<JsValue, JsValue> {
        let view = self.checker.previous().map(|previous| PreviousReport {
            agency: previous.agency.name.clone(),
            year: previous.year,
            note: previous_mismatch(&self.report, previous),
        });
        to_js(&view)
    }

    /// Sets a cell from what the user typed; returns the normalised text (`１２件` → `12`).
    #[wasm_bindgen(js_name = setCell)]
    pub fn set_cell(&mut self, id: &str, raw: &str) -> Result<String, JsValue> {
        let id = cell_id(id)?;
        self.report.set_cell_text(id, raw);
        Ok(self.report.cell(id).display())
    }

    /// The text a cell shows.
    #[wasm_bindgen(js_name = cellText)]
    pub fn cell_text(&self, id: &str) -> Result<String, JsValue> {
        Ok(self.report.cell(cell_id(id)?).display())
    }

    /// Sets the year, the 成文日期, an agency field or a prose field by its JSON path
    /// (`year`, `date`, `agency.name`, `agency.level`, `text.overview`, …). Text that is not a
    /// year is kept (V001 reports it); a date that is not one, or an unknown level, throws.
    #[wasm_bindgen(js_name = setField)]
    pub fn set_field(&mut self, path: &str, value: &str) -> Result<(), JsValue> {
        let agency = &mut self.report.agency;
        match path {
            // Text that is not a year is kept and reported by V001, as in a number cell.
            "year" => match parse_year(value) {
                Ok(year) => {
                    self.report.year = year;
                    self.report.invalid_year = None;
                }
                Err(raw) => {
                    self.report.year = None;
                    self.report.invalid_year = Some(raw);
                }
            },
            "date" => {
                self.report.date = match value.trim() {
                    "" => None,
                    text => Some(ReportDate::parse(text).ok_or_else(|| error(format!("「{text}」不是有效的日期，例如 2025-01-15")))?),
                };
            }
            "agency.name" => agency.name = value.to_string(),
            "agency.region" => agency.region = value.to_string(),
            "agency.address" => agency.address = value.to_string(),
            "agency.postcode" => agency.postcode = value.to_string(),
            "agency.phone" => agency.phone = value.to_string(),
            "agency.email" => agency.email = value.to_string(),
            "agency.level" => {
                agency.level = if value.is_empty() {
                    None
                } else {
                    Some(Level::from_key(value).ok_or_else(|| error(format!("没有「{value}」这一机关层级")))?)
                };
            }
            _ => {
                let field = path
                    .strip_prefix("text.")
                    .and_then(TextField::from_key)
                    .ok_or_else(|| error(format!("没有「{path}」这一栏目")))?;
                *self.report.text.get_mut(field) = value.to_string();
            }
        }
        Ok(())
    }

    /// The value of a field by its JSON path, as the form shows it.
    pub fn field(&self, path: &str) -> Result<String, JsValue> {
        let agency = &self.report.agency;
        Ok(match path {
            "year" => match &self.report.invalid_year {
                Some(raw) => raw.clone(),
                None => self.report.year.map(|y| y.to_string()).unwrap_or_default(),
            },
            "date" => self.report.date.map(|d| d.iso()).unwrap_or_default(),
            "agency.name" => agency.name.clone(),
            "agency.region" => agency.region.clone(),
            "agency.address" => agency.address.clone(),
            "agency.postcode" => agency.postcode.clone(),
            "agency.phone" => agency.phone.clone(),
            "agency.email" => agency.email.clone(),
            "agency.level" => agency.level.map(|l| l.key().to_string()).unwrap_or_default(),
            _ => {
                let field = path
                    .strip_prefix("text.")
                    .and_then(TextField::from_key)
                    .ok_or_else(|| error(format!("没有「{path}」这一栏目")))?;
                self.report.text.get(field).to_string()
            }
        })
    }

    /// The section headings as written, or `null` when the report has none.
    #[wasm_bindgen(unchecked_return_type = "string[] | null")]
    pub fn headings(&self) -> Result<JsValue, JsValue> {
        to_js(&self.report.headings)
    }

    /// Replaces the headings with the six official ones.
    #[wasm_bindgen(js_name = useOfficialHeadings)]
    pub fn use_official_headings(&mut self) {
        self.report.headings = Some(Report::official_headings());
    }

    /// Every finding, errors first (`Finding[]`).
    #[wasm_bindgen(unchecked_return_type = "Finding[]")]
    pub fn check(&mut self) -> Result<JsValue, JsValue> {
        let views: Vec<FindingView> = self.checker.check(&self.report).iter().map(|f| FindingView::of_report(f, &self.report)).collect();
        to_js(&views)
    }

    /// Where each imported cell's value was read, in words (「第 2 页第 17 行」, 「第 3 个表格第 4 行第
    /// 2 格」), by cell ID: the positions the importer kept in `source.cells`.
    #[wasm_bindgen(js_name = cellSources, unchecked_return_type = "Record<string, string>")]
    pub fn cell_sources(&self) -> Result<JsValue, JsValue> {
        let map: std::collections::HashMap<&str, String> = match &self.report.source {
            Some(source) => source.cells.iter().map(|(id, at)| (id.as_str(), at.describe())).collect(),
            None => Default::default(),
        };
        to_js(&map)
    }

    /// Forgets what the checker learnt from the prose, so that the next check reads it afresh
    /// (after `installPlaceNames`); last year's report stays.
    #[wasm_bindgen(js_name = recheckAll)]
    pub fn recheck_all(&mut self) {
        self.checker.forget_prose();
    }

    /// Makes the fix with this ID (`Finding.fixes[i].id` of the last check) if the report still
    /// holds what it was computed from; returns it (`AppliedFix`). Throws an `Error` with a
    /// Chinese message when it no longer applies. `undoFix` takes it back.
    #[wasm_bindgen(js_name = applyFix, unchecked_return_type = "AppliedFix")]
    pub fn apply_fix(&mut self, id: &str) -> Result<JsValue, JsValue> {
        let findings = self.checker.check(&self.report);
        let offered = findings.iter().find_map(|f| f.fixes.iter().find(|fix| fix.id == id).map(|fix| (f.code, fix)));
        let Some((code, fix)) = offered else {
            return Err(error("这条修正已不适用：报告已经改过，请按新的检查结果修正"));
        };
        let undo = self.report.apply(fix).map_err(|e| error(e.message))?;
        let applied = AppliedFix { code, fix: fix.clone(), undo };
        let view = to_js(&applied);
        self.remember(vec![applied]);
        view
    }

    /// 「全部安全修正」: makes every safe fix of the current findings (`AppliedFix[]`, in the order
    /// made; empty when there is none). One `undoFix` takes them all back.
    #[wasm_bindgen(js_name = applySafeFixes, unchecked_return_type = "AppliedFix[]")]
    pub fn apply_safe_fixes(&mut self) -> Result<JsValue, JsValue> {
        let findings = self.checker.check(&self.report);
        let applied = apply_fixes(&mut self.report, &findings, Applicability::Safe);
        let view = to_js(&applied);
        if !applied.is_empty() {
            self.remember(applied);
        }
        view
    }

    /// Takes back the last `applyFix` or `applySafeFixes`; returns the edits made (`Edit[]`: the
    /// cells and fields to show again), or `null` when there is nothing to undo. Throws, undoing
    /// nothing, when the user has since changed what a fix wrote.
    #[wasm_bindgen(js_name = undoFix, unchecked_return_type = "Edit[] | null")]
    pub fn undo_fix(&mut self) -> Result<JsValue, JsValue> {
        let Some(batch) = self.undo.pop() else { return Ok(JsValue::NULL) };
        undo_fixes(&mut self.report, &batch).map_err(|e| error(format!("无法撤销：{}", e.message.strip_prefix("无法修正：").unwrap_or(&e.message))))?;
        let edits: Vec<&crate::model::Edit> = batch.iter().rev().flat_map(|a| &a.undo.edits).collect();
        to_js(&edits)
    }

    /// Marks the finding with this `fingerprint` 「已核实」 with a short reason (kept in the report
    /// and its JSON). Throws for errors of the A and V rules, an empty reason, or a finding that
    /// is no longer there.
    #[wasm_bindgen(js_name = markReviewed)]
    pub fn mark_reviewed(&mut self, fingerprint: &str, reason: &str) -> Result<(), JsValue> {
        let finding = self.finding_by_fingerprint(fingerprint)?;
        review::mark(&mut self.report, &finding, reason).map_err(error)
    }

    /// Removes the 「已核实」 mark of the finding with this fingerprint; false when it had none.
    #[wasm_bindgen(js_name = unmarkReviewed)]
    pub fn unmark_reviewed(&mut self, fingerprint: &str) -> Result<bool, JsValue> {
        let finding = self.finding_by_fingerprint(fingerprint)?;
        Ok(review::unmark(&mut self.report, &finding))
    }

    /// The number of findings, without handing them over (for benchmarks and quick tests).
    #[wasm_bindgen(js_name = checkCount)]
    pub fn check_count(&mut self) -> usize {
        self.checker.check(&self.report).len()
    }

    /// Totals that can be computed from their parts and differ from what the cell holds.
    #[wasm_bindgen(js_name = proposeTotals, unchecked_return_type = "TotalProposal[]")]
    pub fn propose_totals(&self) -> Result<JsValue, JsValue> {
        let proposals: Vec<TotalProposal> = totals::propose(&self.report)
            .into_iter()
            .map(|(id, value)| TotalProposal {
                cell: id.as_str(),
                value: value.to_string(),
                current: self.report.cell(id).display(),
            })
            .collect();
        to_js(&proposals)
    }

    /// The report as a JSON document (FORMAT.md §5).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        to_json(&self.report)
    }

    /// The findings as CSV, UTF-8 text beginning with a byte-order mark.
    #[wasm_bindgen(js_name = findingsCsv)]
    pub fn findings_csv(&mut self) -> String {
        findings_csv(self.checker.check(&self.report))
    }

    /// 「<机关名称><年份>年政府信息公开工作年度报告」, safe as a file name.
    #[wasm_bindgen(js_name = fileStem)]
    pub fn file_stem(&self) -> String {
        self.report.file_stem()
    }

    /// True when nothing at all has been entered.
    #[wasm_bindgen(js_name = isBlank)]
    pub fn is_blank(&self) -> bool {
        self.report.is_blank()
    }

    /// How many cells hold something (a number, a placeholder or invalid text).
    #[wasm_bindgen(js_name = filledCells)]
    pub fn filled_cells(&self) -> usize {
        self.report.cells().filter(|(_, v)| **v != CellValue::Missing).count()
    }
}

impl Session {
    fn remember(&mut self, batch: Vec<AppliedFix>) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(batch);
    }

    fn finding_by_fingerprint(&mut self, fingerprint: &str) -> Result<Finding, JsValue> {
        let findings = self.checker.check(&self.report);
        findings
            .into_iter()
            .find(|f| review::reviewable(f) && review::fingerprint(&self.report, f) == fingerprint)
            .cloned()
            .ok_or_else(|| error("找不到这条检查结果：报告已经改过，请重新检查"))
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}
