// xxgk-report for portal developers: an ES module (ES2020) that checks reports and renders the
// whole form into a host element. Types: xxgk-report.d.ts. Guide: docs/embedding.md.
//
//   import { init } from '/xxgk/xxgk-report.js';
//   const api = await init();
//   api.mount(document.getElementById('report'), { onChange: (report, findings) => {} });
import { mountApp } from './js/app.js';
import { servedPlatform } from './js/platform.js';
import { h } from './js/dom.js';

let loading = null;
let wasm = null;
let agencyKeys = null;

// File import and Word/HTML export run in the documents module's Web Worker, started on first use.
const { load: loadModule, documents, placeNames } = servedPlatform(new URL('./', import.meta.url));

/**
 * Loads the WebAssembly checker (once, from pkg/ next to this file) and its place-name table
 * (rule T004: validate() and mounted forms have it from the start); resolves with the API.
 */
export function init() {
  if (!loading) {
    loading = Promise.all([loadModule('xxgk_report'), placeNames().catch((e) => { console.warn('xxgk-report:', e.message); return null; })]).then(([glue, places]) => {
      if (places !== null) glue.installPlaceNames(places);
      wasm = glue;
      agencyKeys = glue.reportFields().map((f) => f.path).filter((p) => p.startsWith('agency.')).map((p) => p.slice(7));
      return api;
    }).catch((e) => { loading = null; throw e; });
  }
  return loading;
}

function ready() {
  if (!wasm) throw new Error('xxgk-report: 请先调用 init() 并等待它完成 (call init() first)');
  return wasm;
}

/** Checks a report (object or JSON text) and returns its findings; throws a Chinese message for bad JSON. */
export function validate(report) {
  const w = ready();
  const session = w.Session.fromJson(typeof report === 'string' ? report : JSON.stringify(report));
  try { return session.check(); } finally { session.free(); }
}

/** Every rule: code, severity, title and documentation. */
export function rules() { return ready().rules(); }

/** The three tables as the form draws them (rows of label and input cells). */
export function layouts() { return ready().layouts(); }

/**
 * Renders the whole form into `element` (in its shadow root, so that the portal's CSS and the
 * form's CSS do not touch each other). Returns a handle; see xxgk-report.d.ts.
 */
export function mount(element, options) {
  const w = ready();
  const opts = options || {};
  if (!element || typeof element.attachShadow !== 'function') throw new Error('xxgk-report: mount() needs an element');
  const shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
  while (shadow.firstChild) shadow.removeChild(shadow.firstChild);

  // Stylesheets by <link>, not <style>: a strict style-src 'self' allows them.
  const container = h('div', { class: 'xr-root', hidden: true });
  let pending = 2;
  const shown = () => { pending -= 1; if (pending === 0) container.hidden = false; };
  for (const href of ['app.css', 'embed/embed.css']) {
    shadow.appendChild(h('link', { rel: 'stylesheet', href: new URL(href, import.meta.url).href, onload: shown, onerror: shown }));
  }
  shadow.appendChild(container);

  const locked = {};
  const agency = opts.lockedAgency || {};
  for (const key of Object.keys(agency)) {
    if (agencyKeys.indexOf(key) < 0) throw new Error('xxgk-report: lockedAgency 不支持字段「' + key + '」（可用：' + agencyKeys.join('、') + '）');
    locked['agency.' + key] = String(agency[key]);
  }
  const app = mountApp(w, container, {
    report: opts.report,
    locked,
    readOnly: Boolean(opts.readOnly),
    onChange: opts.onChange,
    onDownload: opts.onDownload,
    documents,
    placeNames,
    draftKey: opts.draftKey === undefined ? 'embed' : opts.draftKey,
  });
  return {
    element,
    getReport: () => app.report(),
    findings: () => app.findings(),
    setReport: (report) => app.setReport(report),
    setReadOnly: (flag) => app.setReadOnly(Boolean(flag)),
    isReadOnly: () => app.isReadOnly(),
    applyFix: (id) => app.applyFix(id),
    applySafeFixes: () => app.applySafeFixes(),
    undo: () => app.undoFix() !== null,
    canUndo: () => app.canUndo(),
    markReviewed: (fingerprint, reason) => app.markReviewed(fingerprint, reason),
    destroy() {
      app.destroy();
      while (shadow.firstChild) shadow.removeChild(shadow.firstChild);
    },
  };
}

export const api = { init, validate, rules, layouts, mount };
