//! What the binding hands to JavaScript, and their TypeScript declarations.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::model::CellKind;
use crate::rules::Severity;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export type Severity = "error" | "warning" | "info";

/** A stretch of prose; start16/end16 are UTF-16 offsets, as String.prototype.slice counts. */
export interface TextSpan {
  start: number; end: number; start16: number; end16: number;
  snippet: string; context: string;
}

export interface Finding {
  code: string;
  name: string;
  severity: Severity;
  /** Cell IDs; for sum rules the total first. */
  cells: string[];
  /** JSON path of the field concerned: "text.overview", "agency.postcode", "headings[2]". */
  field: string | null;
  span: TextSpan | null;
  reported: number | null;
  computed: number | null;
  difference: number | null;
  /** In Chinese. */
  message: string;
  /** Changes that resolve the finding; apply one with `Session.applyFix(fix.id)`. */
  fixes: Fix[];
  /** For the sums of the tables: the cells most likely wrong. */
  suspect: Suspect | null;
  /** The reason given when the finding was marked 「已核实」; such findings are counted apart. */
  reviewed: string | null;
  /** What `Session.markReviewed` takes; null for errors of the A and V rules (they cannot be
   *  marked) and for the batch view's findings. */
  fingerprint: string | null;
}

/** "safe": cannot change the meaning (「全部安全修正」 applies these); "review": a person confirms
 *  it (a number, a scope word); "alternative": one of several equally small fixes, only on request. */
export type Applicability = "safe" | "review" | "alternative";

/** One change; `before` is what the fix expects to find (a stale fix is refused). Text offsets
 *  count Unicode characters (code points), not UTF-16 units. */
export type Edit =
  | { kind: "cell"; cell: string; before: string; after: string }
  | { kind: "text"; field: string; start: number; end: number; before: string; after: string };

export interface Fix { id: string; title: string; applicability: Applicability; edits: Edit[]; }

/** A fix that was made, the code of the finding that offered it, and the fix that undoes it. */
export interface AppliedFix { code: string; fix: Fix; undo: Fix; }

/** A cell of a suspect set: `value` is the one value that works; `min`/`max` a range (P001). */
export interface SuspectCell { cell: string; current: number; value: number | null; min: number | null; max: number | null; }

/** `sets`: every smallest set of cells whose change mends the broken sums; `set_count` 1 means
 *  the cells are identified (mark `sets[0]` strongly), more means the tables cannot tell. */
export interface Suspect { sets: SuspectCell[][]; set_count: number; rules: string[]; message: string; }

export type Scope = "col" | "colgroup" | "row" | "rowgroup" | "none";
export type GridCell =
  | { kind: "label"; text: string; colspan: number; rowspan: number; scope: Scope }
  | { kind: "input"; cell: string; colspan: number; name: string };

export interface TableLayout {
  id: "s2" | "s3" | "s4";
  section: number;
  caption: string;
  columns: number;
  rows: GridCell[][];
}

export interface CellInfo { id: string; label: string; kind: "count" | "amount"; }
export interface RuleInfo { code: string; name: string; severity: Severity; summary: string; doc: string; }
export interface LevelInfo { key: string; label: string; }
export interface TextFieldInfo { path: string; label: string; }
export interface ReportField { path: string; label: string; optional: boolean; }
export interface SeverityInfo { key: Severity; label: string; }

/** A total that 「自动计算合计」 can fill: `current` is what the cell shows now ("" if empty). */
export interface TotalProposal { cell: string; value: string; current: string; }

export interface ImportedTable { number: number; under_heading: string; recognised_as: string[]; cells: number; }
export interface SourceNote { location: string; found: string; expected?: string; cell?: string; }
/** The core's account of an import (import::ImportSummary). */
export interface ImportFound {
  format: "json" | "docx" | "doc" | "wps" | "html" | "pdf" | "text"; format_label: string; headings: string[]; tables: ImportedTable[];
  edition: "2021" | "2019"; cells_filled: number; cells_not_filled: number; cells_not_found: number;
  edited_labels: SourceNote[]; unplaced: SourceNote[];
  /** One line in Chinese: 「已从 Word 文档导入：6 个部分，3 个统计表，200 个单元格中 200 个已填写。」 */
  message: string;
}
/** Last year's report given to a Session: `note` says what does not fit (another agency, years apart). */
export interface PreviousReport { agency: string; year: number | null; note: string | null; }
export interface ImportSummary {
  filled: number; errors: number; warnings: number;
  /** Edited labels and unplaced content, one line each, in Chinese. */
  notes: string[];
}
"#;

pub(crate) use crate::wasm_shared::FindingView;

#[derive(Serialize)]
pub(crate) struct CellInfo {
    pub id: &'static str,
    pub label: &'static str,
    pub kind: CellKind,
}

#[derive(Serialize)]
pub(crate) struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub doc: &'static str,
}

#[derive(Serialize)]
pub(crate) struct LevelInfo {
    pub key: &'static str,
    pub label: &'static str,
}

#[derive(Serialize)]
pub(crate) struct TextFieldInfo {
    pub path: &'static str,
    pub label: &'static str,
}

#[derive(Serialize)]
pub(crate) struct ReportField {
    pub path: &'static str,
    pub label: &'static str,
    pub optional: bool,
}

#[derive(Serialize)]
pub(crate) struct SeverityInfo {
    pub key: Severity,
    pub label: &'static str,
}

#[derive(Serialize)]
pub(crate) struct TotalProposal {
    pub cell: &'static str,
    pub value: String,
    pub current: String,
}

#[derive(Serialize)]
pub(crate) struct ImportSummary {
    pub filled: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: Vec<String>,
}

#[derive(Serialize)]
pub(crate) struct PreviousReport {
    pub agency: String,
    pub year: Option<i32>,
    pub note: Option<String>,
}
