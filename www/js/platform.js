// Where the WebAssembly lives when the page is served as files (index.html and the embedding
// API; the single file carries its own, tools/single-entry.js): `root` is the folder that holds
// pkg/. load(name) imports and initialises a wasm-bindgen module; documents is the client of the
// documents module's Web Worker (documents.js), started on first use; batch() loads the 批量检查
// view's code the first time the view is shown: {createBatchView, client()}, client() making a
// client of the batch module's Web Worker (batch-client.js); placeNames() fetches the place-name
// table of rule T004 (places.js).
import { createDocuments } from './documents.js';

export function servedPlatform(root) {
  const pkg = (name) => new URL('pkg/' + name, root);
  const load = (name) => import(pkg(name + '.js').href)
    .then((glue) => glue.default({ module_or_path: pkg(name + '_bg.wasm') }).then(() => glue));
  const documents = createDocuments({
    launch: () => new Worker(pkg('xxgk_documents_worker.js').href),
    wasm: () => pkg('xxgk_documents_bg.wasm').href,
    inPage: () => load('xxgk_documents'),
  });
  const batch = () => Promise.all([import('./batch-view.js'), import('./batch-client.js')]).then(([view, client]) => ({
    createBatchView: view.createBatchView,
    client: () => client.createBatchClient({
      launch: () => new Worker(pkg('xxgk_batch_worker.js').href),
      wasm: () => pkg('xxgk_batch_bg.wasm').href,
    }),
  }));
  const placeNames = () => fetch(pkg('places.tsv').href).then((r) => {
    if (!r.ok) throw new Error('地名表未能加载（HTTP ' + r.status + '）');
    return r.text();
  });
  return { load, documents, batch, placeNames };
}
