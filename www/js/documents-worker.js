// The Web Worker of the documents module (see documents.js). build.sh bundles this file with
// wasm-bindgen's glue into one classic script, www/pkg/xxgk_documents_worker.js (classic, not a
// module worker: Firefox ESR 78 has no module workers), and the single file carries the same
// script inline. Messages: {type: 'init', wasm} once, then {id, method, args} → {id, ok, result}
// or {id, ok: false, message, fatal}.
import * as glue from '../pkg/xxgk_documents.js';

const METHODS = { importFile: true, toDocx: true, docxFileName: true, htmlFragment: true, htmlPage: true };

let ready = null;

function messageOf(e) {
  return e && e.message ? e.message : String(e);
}

function run(job) {
  if (!ready) return Promise.reject(new Error('not initialised'));
  return ready.then(() => {
    if (!METHODS[job.method]) throw new Error('unknown method ' + job.method);
    return glue[job.method].apply(null, job.args);
  });
}

self.onmessage = (event) => {
  const job = event.data || {};
  if (job.type === 'init') {
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
