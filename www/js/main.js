// Entry point, started by loader.js once it knows the browser can run the page.
import { startPage, bootFailed } from './app.js';

function load(pkg) {
  return import('../' + pkg + 'xxgk_report.js')
    .then((wasm) => wasm.default({ module_or_path: new URL('../' + pkg + 'xxgk_report_bg.wasm', import.meta.url) })
      .then(() => wasm));
}

const pkg = window.XXGK_PKG || 'pkg/';
// With infra's single legacy-compatible build there is no pkg/legacy/: pkg/ runs everywhere.
(pkg === 'pkg/' ? load(pkg) : load(pkg).catch(() => load('pkg/')))
  .then(startPage)
  .catch(bootFailed);
