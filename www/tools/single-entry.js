// Entry of the single-file build (./build.sh dist → dist/xxgk-report.html), bundled by dist.mjs
// into one classic script. The WebAssembly travels inline as base64 (script elements of type
// application/octet-stream); loader.js, which runs after this, calls xxgkStartInline with the
// choice it made by WebAssembly.validate. With one build only (pkg/, infra's default), dist.mjs
// resolves the legacy import to pkg/ and inlines one module, used by every browser.
import { startPage, bootFailed } from '../js/app.js';
import * as modern from '../pkg/xxgk_report.js';
import * as legacy from '../pkg/legacy/xxgk_report.js';
import * as documents from '../pkg/xxgk_documents.js';

function bytesOf(id) {
  const text = document.getElementById(id).textContent.replace(/\s+/g, '');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

window.xxgkStartInline = function (useModern) {
  const glue = useModern ? modern : legacy;
  let bytes;
  try {
    const legacyInline = document.getElementById('xxgk-wasm-legacy') !== null;
    bytes = bytesOf(useModern || !legacyInline ? 'xxgk-wasm-modern' : 'xxgk-wasm-legacy');
  } catch (e) {
    bootFailed(e);
    return;
  }
  // Asynchronous instantiation: Chromium 83 refuses to compile a module over 4 KB synchronously.
  // The documents module (Word/HTML) travels inline too, and is compiled only on first use.
  let documentsReady = null;
  const loadDocuments = () => {
    if (!documentsReady) {
      documentsReady = Promise.resolve()
        .then(() => documents.default({ module_or_path: bytesOf('xxgk-wasm-documents') }))
        .then(() => documents)
        .catch((e) => { documentsReady = null; throw e; });
    }
    return documentsReady;
  };
  glue.default({ module_or_path: bytes }).then(() => startPage(glue, loadDocuments)).catch(bootFailed);
};
