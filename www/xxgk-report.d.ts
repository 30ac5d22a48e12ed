// Types of xxgk-report.js, the embedding API (see docs/embedding.md). The binding's types come
// from pkg/xxgk_report.d.ts, which wasm-bindgen writes from the Rust binding; tests/e2e/types.test.mjs
// checks this file against xxgk-report.js and those types against real values.
import type { AppliedFix, Finding, RuleInfo, TableLayout } from './pkg/xxgk_report';
export type {
  Finding, RuleInfo, TableLayout, Severity, TextSpan, Fix, Edit, Applicability, AppliedFix, Suspect, SuspectCell,
} from './pkg/xxgk_report';

/** A report in the JSON format of FORMAT.md (as produced by 「下载报告（JSON）」). */
export type ReportJson = Record<string, unknown>;

/** Agency fields that the portal fills in and the clerk cannot change. */
export interface LockedAgency {
  name?: string;
  /** A level key from the format, e.g. "township" (see FORMAT.md). */
  level?: string;
  region?: string;
  address?: string;
  postcode?: string;
  phone?: string;
  email?: string;
}

export interface DownloadRequest {
  /** e.g. "通榆县边昭镇人民政府_2024.json" or "…_检查结果.csv" */
  fileName: string;
  /** "application/json", "text/csv;charset=utf-8", "text/html;charset=utf-8" or the .docx type */
  type: string;
  /** The content of a text file (JSON, CSV, HTML). */
  text?: string;
  /** The content of a binary file (the Word document). */
  bytes?: Uint8Array;
}

export interface MountOptions {
  /**
   * Report to open (object or JSON text), in a draft of its own: no saved draft is replaced.
   * Default: the draft last edited, else a blank report.
   */
  report?: ReportJson | string;
  /** Agency fields fixed by the portal: shown read-only, and re-applied after every import. */
  lockedAgency?: LockedAgency;
  /** Show the report without letting anyone change it. Default false. */
  readOnly?: boolean;
  /**
   * After every change — typing, paste, 自动计算合计, a fix and its undo, 已核实, import, setReport, opening another draft —
   * the whole report and its findings. Called synchronously on every keystroke: keep it cheap.
   */
  onChange?: (report: ReportJson, findings: Finding[]) => void;
  /** Before a download; return false to stop the browser's download (e.g. to upload the file yourself). */
  onDownload?: (file: DownloadRequest) => boolean | void;
  /**
   * Namespace of the drafts kept in the browser's localStorage (keys "xxgk-report/drafts/v2/embed/<draftKey>/…",
   * one draft per agency and year, listed in the form's 「本机草稿」). Default "embed". null keeps no
   * draft at all. Give two forms on one page two different keys.
   */
  draftKey?: string | null;
}

export interface MountedForm {
  readonly element: Element;
  /** The report as it stands. */
  getReport(): ReportJson;
  /** Its findings as they stand. */
  findings(): Finding[];
  /**
   * Replaces the report; throws an Error with a Chinese message if it is not a valid report. A report
   * of another agency or year goes into a draft of its own (the one shown stays in 「本机草稿」).
   */
  setReport(report: ReportJson | string): void;
  setReadOnly(readOnly: boolean): void;
  isReadOnly(): boolean;
  /**
   * Makes the fix with this ID (`findings()[i].fixes[j].id`), as the clerk's 「修正」 does: the form,
   * the draft and onChange see it, and the form's notice offers 「撤销」. Returns null when it no
   * longer applies (the report changed since) or the form is read-only; the notice says why.
   */
  applyFix(id: string): AppliedFix | null;
  /** 「全部安全修正」: every safe fix in one undoable step; returns those made (empty: none). */
  applySafeFixes(): AppliedFix[];
  /** Takes back the last fix or batch of safe fixes (as Ctrl+Z and 「撤销」 do); false when there was none to undo or it could not be undone. */
  undo(): boolean;
  /** Whether undo() has something to take back. */
  canUndo(): boolean;
  /**
   * Marks the finding with this fingerprint 「已核实」 with a short reason (kept in the report's
   * JSON; it lapses when what the finding concerns changes). Throws an Error with a Chinese message
   * for errors of the A and V rules (their fingerprint is null), an empty reason, or a read-only form.
   */
  markReviewed(fingerprint: string, reason: string): void;
  /** Saves the draft and removes the form from the element. */
  destroy(): void;
}

export interface XxgkReportApi {
  init(): Promise<XxgkReportApi>;
  validate(report: ReportJson | string): Finding[];
  rules(): RuleInfo[];
  layouts(): TableLayout[];
  mount(element: Element, options?: MountOptions): MountedForm;
}

/** Loads the WebAssembly checker once (pkg/ next to this file, one build for every browser); resolves with the API. */
export function init(): Promise<XxgkReportApi>;
/** Checks a report; throws an Error with a Chinese message if it is not valid JSON of the format. */
export function validate(report: ReportJson | string): Finding[];
export function rules(): RuleInfo[];
export function layouts(): TableLayout[];
/** Renders the form into the element's (open) shadow root. Call after init() has resolved. */
export function mount(element: Element, options?: MountOptions): MountedForm;
export const api: XxgkReportApi;

declare global {
  interface Window {
    /** Defined by loader.js when it is included on a page other than index.html. */
    XxgkReport?: {
      /** Resolves with the API once the checker is loaded; rejects with a Chinese explanation. Null without Promise (IE). */
      ready: Promise<XxgkReportApi> | null;
      /** Why it cannot run, once known. */
      error: Error | null;
    };
  }
}
