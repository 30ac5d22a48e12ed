// Entry of the single-file build (./build.sh dist → dist/xxgk-report.html), bundled by dist.mjs
// into one classic script. The WebAssembly travels inline as base64 (script elements of type
// application/octet-stream), and so does the documents worker (a text/plain script element,
// started from a blob: URL, since a file:// page cannot start a worker from a file), and so do
// the batch module and its worker (the 批量检查 view) and the place-name table of rule T004
// (text/plain). loader.js, which runs after this, calls xxgkStartInline.
import { startPage, bootFailed } from '../js/app.js';
import { createDocuments } from '../js/documents.js';
import { createBatchClient } from '../js/batch-client.js';
import { createBatchView } from '../js/batch-view.js';
import * as page from '../pkg/xxgk_report.js';
import * as documentsGlue from '../pkg/xxgk_documents.js';

function bytesOf(id) {
  const text = document.getElementById(id).textContent.replace(/\s+/g, '');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function inlineWorker(id) {
  const source = document.getElementById(id).textContent;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return worker;
}

window.xxgkStartInline = function () {
  let bytes;
  try {
    bytes = bytesOf('xxgk-wasm-page');
  } catch (e) {
    bootFailed(e);
    return;
  }
  const documents = createDocuments({
    launch: () => inlineWorker('xxgk-documents-worker'),
    wasm: () => bytesOf('xxgk-wasm-documents'),
    // Where no worker can start, the same module in the page (its glue is bundled here too).
    inPage: () => Promise.resolve()
      .then(() => documentsGlue.default({ module_or_path: bytesOf('xxgk-wasm-documents') }))
      .then(() => documentsGlue),
  });
  const batch = () => Promise.resolve({
    createBatchView,
    client: () => createBatchClient({ launch: () => inlineWorker('xxgk-batch-worker'), wasm: () => bytesOf('xxgk-wasm-batch') }),
  });
  const placeNames = () => Promise.resolve(document.getElementById('xxgk-places').textContent);
  // Asynchronous instantiation: Chromium 83 refuses to compile a module over 4 KB synchronously.
  page.default({ module_or_path: bytes }).then(() => startPage(page, { documents, batch, placeNames })).catch(bootFailed);
};
