// Entry point, started by loader.js once it knows the browser can run the page.
import { startPage, bootFailed } from './app.js';
import { createDocuments } from './documents.js';

const pkg = (name) => new URL('../pkg/' + name, import.meta.url);

function load(name) {
  return import(pkg(name + '.js').href)
    .then((glue) => glue.default({ module_or_path: pkg(name + '_bg.wasm') }).then(() => glue));
}

// Word files and Word/HTML export: the documents module, in a Web Worker started on first use.
const documents = createDocuments({
  launch: () => new Worker(pkg('xxgk_documents_worker.js').href),
  wasm: () => pkg('xxgk_documents_bg.wasm').href,
  inPage: () => load('xxgk_documents'),
});

// Inside an iframe only: the parent's trust and messages (frame.js).
const framed = window.parent !== window;
Promise.all([load('xxgk_report'), framed ? import('./frame.js') : null])
  .then(([wasm, frame]) => startPage(wasm, documents, frame))
  .catch(bootFailed);
