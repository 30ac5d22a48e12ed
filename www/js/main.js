// Entry point, started by loader.js once it knows the browser can run the page.
import { startPage, bootFailed } from './app.js';

function load(pkg, name) {
  return import('../' + pkg + name + '.js')
    .then((wasm) => wasm.default({ module_or_path: new URL('../' + pkg + name + '_bg.wasm', import.meta.url) })
      .then(() => wasm));
}

const pkg = window.XXGK_PKG || 'pkg/';
// With infra's single legacy-compatible build there is no pkg/legacy/: pkg/ runs everywhere.
(pkg === 'pkg/' ? load(pkg, 'xxgk_report') : load(pkg, 'xxgk_report').catch(() => load('pkg/', 'xxgk_report')))
  // Word files and Word/HTML export: a second module, fetched on first use.
  .then((wasm) => startPage(wasm, () => load('pkg/', 'xxgk_documents')))
  .catch(bootFailed);
