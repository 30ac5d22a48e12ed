// The Web Worker of the documents module (see documents.js). build.sh bundles this file with
// wasm-bindgen's glue into one classic script, www/pkg/xxgk_documents_worker.js (classic, not a
// module worker: Firefox ESR 78 has no module workers), and the single file carries the same
// script inline. Messages: {type: 'init', wasm} once (answered by {type: 'started'}), then
// {id, method, args} → {id, ok, result} or {id, ok: false, message, fatal}.
import * as glue from '../pkg/xxgk_documents.js';

const METHODS = { importFile: true, importHtml: true, toDocx: true, docxFileName: true, htmlFragment: true, htmlPage: true };

let ready = null;

// A hostile file can leave hundreds of thousands of notes of content that could not be placed
// (issue 13, item 3: the core will group them). Handing them all to the page would freeze it
// (cloning, one I001 finding and one line each): the worker keeps the first ones and says how
// many more there were.
const NOTES_KEPT = 200;

function capNotes(list, what) {
  if (!Array.isArray(list) || list.length <= NOTES_KEPT) return list;
  const rest = list.length - NOTES_KEPT;
  return list.slice(0, NOTES_KEPT).concat([{ location: '其余', found: '另有 ' + rest + ' 处' + what + '，未逐条列出' }]);
}

function bounded(imported) {
  const summary = imported.summary;
  const tooMany = (l) => Array.isArray(l) && l.length > NOTES_KEPT;
  if (!summary || (!tooMany(summary.unplaced) && !tooMany(summary.edited_labels))) return imported;
  summary.unplaced = capNotes(summary.unplaced, '内容无法对应到报告中');
  summary.edited_labels = capNotes(summary.edited_labels, '标签与格式不同');
  const doc = JSON.parse(imported.json);
  if (doc.source) {
    doc.source.unplaced = capNotes(doc.source.unplaced, '内容无法对应到报告中');
    doc.source.edited_labels = capNotes(doc.source.edited_labels, '标签与格式不同');
  }
  return { json: JSON.stringify(doc), summary };
}

function messageOf(e) {
  return e && e.message ? e.message : String(e);
}

function run(job) {
  if (!ready) return Promise.reject(new Error('not initialised'));
  return ready.then(() => {
    if (!METHODS[job.method]) throw new Error('unknown method ' + job.method);
    const result = glue[job.method].apply(null, job.args);
    return job.method === 'importFile' || job.method === 'importHtml' ? bounded(result) : result;
  });
}

self.onmessage = (event) => {
  const job = event.data || {};
  if (job.type === 'init') {
    self.postMessage({ type: 'started' });
    ready = glue.default({ module_or_path: job.wasm });
    ready.catch(() => {});
    return;
  }
  run(job).then((result) => {
    const transfer = result instanceof Uint8Array ? [result.buffer] : [];
    self.postMessage({ id: job.id, ok: true, result }, transfer);
  }, (e) => {
    // Errors thrown by the binding carry a Chinese message; a trap (RuntimeError) or a stack
    // overflow leaves the module unusable: the page then starts a fresh worker.
    const fatal = e instanceof WebAssembly.RuntimeError || e instanceof RangeError || !ready;
    const message = fatal ? '文档处理程序内部出错（' + messageOf(e) + '）' : messageOf(e);
    self.postMessage({ id: job.id, ok: false, message, fatal });
  });
};
