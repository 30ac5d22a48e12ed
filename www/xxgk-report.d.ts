// Types of xxgk-report.js, the embedding API (see docs/embedding.md).
import type { Finding, RuleInfo, TableLayout } from './pkg/xxgk_report';
export type { Finding, RuleInfo, TableLayout, Severity, TextSpan } from './pkg/xxgk_report';

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
  /** Report to open (object or JSON text). Replaces any saved draft. Default: the saved draft, else a blank report. */
  report?: ReportJson | string;
  /** Agency fields fixed by the portal: shown read-only, and re-applied after every import. */
  lockedAgency?: LockedAgency;
  /** Show the report without letting anyone change it. Default false. */
  readOnly?: boolean;
  /** After every change (typing, paste, import, totals, setReport): the whole report and its findings. */
  onChange?: (report: ReportJson, findings: Finding[]) => void;
  /** Before a download; return false to stop the browser's download (e.g. to upload the file yourself). */
  onDownload?: (file: DownloadRequest) => boolean | void;
  /**
   * Name of the draft kept in the browser's localStorage (key "xxgk-report/draft/v1/<draftKey>").
   * Default "embed". null keeps no draft at all. Give two forms on one page two different keys.
   */
  draftKey?: string | null;
}

export interface MountedForm {
  readonly element: Element;
  /** The report as it stands. */
  getReport(): ReportJson;
  /** Its findings as they stand. */
  findings(): Finding[];
  /** Replaces the report; throws an Error with a Chinese message if it is not a valid report. */
  setReport(report: ReportJson | string): void;
  setReadOnly(readOnly: boolean): void;
  isReadOnly(): boolean;
  /** Saves the draft and removes the form from the element. */
  destroy(): void;
}

export interface XxgkReportApi {
  init(options?: InitOptions): Promise<XxgkReportApi>;
  validate(report: ReportJson | string): Finding[];
  rules(): RuleInfo[];
  layouts(): TableLayout[];
  mount(element: Element, options?: MountOptions): MountedForm;
}

export interface InitOptions {
  /** Use the Chromium 83 build even where the current one would run. */
  legacy?: boolean;
}

/** Loads the WebAssembly checker once (next to this file, pkg/ or pkg/legacy/); resolves with the API. */
export function init(options?: InitOptions): Promise<XxgkReportApi>;
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
