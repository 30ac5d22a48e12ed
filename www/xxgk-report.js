// xxgk-report for portal developers: an ES module (ES2020) that checks reports and renders the
// whole form into a host element. Types: xxgk-report.d.ts. Guide: docs/embedding.md.
//
//   import { init } from '/xxgk/xxgk-report.js';
//   const api = await init();
//   api.mount(document.getElementById('report'), { onChange: (report, findings) => {} });
import { mountApp } from './js/app.js';
import { h } from './js/dom.js';

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
// (func (param externref)): reference types, which Chromium 83 lacks.
const REFERENCE_TYPES = HEADER.concat([1, 5, 1, 0x60, 1, 0x6f, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 0x0b]);
const AGENCY_KEYS = ['name', 'level', 'region', 'address', 'postcode', 'phone', 'email'];

let loading = null;
let wasm = null;
let documentsDir = './pkg/';
let documents = null;

/** The documents module (file import, Word/HTML export), loaded on first use. */
function loadDocuments() {
  if (!documents) {
    documents = import(new URL(documentsDir + 'xxgk_documents.js', import.meta.url).href)
      .then((glue) => glue.default({ module_or_path: new URL(documentsDir + 'xxgk_documents_bg.wasm', import.meta.url) }).then(() => glue))
      .catch((e) => { documents = null; throw e; });
  }
  return documents;
}

/** Loads the WebAssembly checker (once); resolves with the API. `legacy: true` forces the Chromium 83 build. */
export function init(options) {
  if (!loading) {
    loading = load(options || {}).catch((e) => { loading = null; throw e; });
  }
  return loading;
}

async function load({ legacy }) {
  let modern = false;
  try { modern = !legacy && WebAssembly.validate(new Uint8Array(REFERENCE_TYPES)); } catch (e) { modern = false; }
  let dir = modern ? './pkg/' : './pkg/legacy/';
  let glue;
  try {
    glue = await import(new URL(dir + 'xxgk_report.js', import.meta.url).href);
  } catch (e) {
    // One build only (pkg/, legacy-compatible: infra's build.sh default).
    if (dir === './pkg/') throw e;
    dir = './pkg/';
    glue = await import(new URL(dir + 'xxgk_report.js', import.meta.url).href);
  }
  await glue.default({ module_or_path: new URL(dir + 'xxgk_report_bg.wasm', import.meta.url) });
  documentsDir = dir;
  wasm = glue;
  return api;
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
    if (AGENCY_KEYS.indexOf(key) < 0) throw new Error('xxgk-report: lockedAgency 不支持字段「' + key + '」（可用：' + AGENCY_KEYS.join('、') + '）');
    locked['agency.' + key] = String(agency[key]);
  }
  const app = mountApp(w, container, {
    report: opts.report,
    locked,
    readOnly: Boolean(opts.readOnly),
    onChange: opts.onChange,
    onDownload: opts.onDownload,
    documents: loadDocuments,
    draftKey: opts.draftKey === undefined ? 'embed' : opts.draftKey,
  });
  let readOnly = Boolean(opts.readOnly);
  return {
    element,
    getReport: () => app.report(),
    findings: () => app.session.check(),
    setReport: (report) => app.loadJson(report),
    setReadOnly(flag) { readOnly = Boolean(flag); app.setReadOnly(readOnly, null); },
    isReadOnly: () => readOnly,
    destroy() {
      app.saveNow();
      app.drafts.release();
      while (shadow.firstChild) shadow.removeChild(shadow.firstChild);
    },
  };
}

export const api = { init, validate, rules, layouts, mount };
