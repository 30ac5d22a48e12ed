// Entry point, started by loader.js once it knows the browser can run the page.
import { startPage, bootFailed } from './app.js';

const pkg = window.XXGK_PKG || 'pkg/';
import('../' + pkg + 'xxgk_report.js')
  .then((wasm) => wasm.default({ module_or_path: new URL('../' + pkg + 'xxgk_report_bg.wasm', import.meta.url) })
    .then(() => startPage(wasm)))
  .catch(bootFailed);
