// The batch view's benchmark (run by `./build.sh bench` after the build; not a test): 500 files
// in nested folders, chosen with 「选择文件夹…」 as an office would (corpus(500, {mixed: true}) of
// tests/e2e/support/batch-corpus.mjs: 167 LibreOffice .docx, 166 extracted .txt, 162 JSON
// reports, a 2019-table .docx, a broken .docx, a picture that is skipped), in current headless
// Chromium. What each line measures:
//  - "files read and checked": from the input's change event to the last row on screen (the
//    worker reads each file itself, imports it, checks it and fingerprints its prose; the page
//    draws the rows as they come, at most every 200 ms);
//  - "compared": from the last row to the view's state 'done' (pairs, copied text over the
//    batch, the roll-up's years and the sum of the default year, the table drawn again);
//  - "responsiveness": while the batch runs, the page's main thread: long tasks (over 50 ms,
//    PerformanceObserver 'longtask'), the longest gap between two animation frames, and the delay
//    of a click on the sort button (click → sorted table, measured in the page);
//  - the findings workbook and the roll-up workbook of the 500 files (request → bytes in the page);
//  - the sizes of the batch module, loaded when the view is first used.
// Run: node tests/e2e/bench/batch-bench.mjs [RUNS] (default 3; medians, and the spread).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchCurrent } from '../support/browsers.mjs';
import { startServer } from '../support/server.mjs';
import { corpus, writeCorpus } from '../support/batch-corpus.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WWW = path.join(REPO, 'www');
const RUNS = Number(process.argv[2] || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => median(xs).toFixed(0) + ' ms (' + Math.min(...xs).toFixed(0) + '–' + Math.max(...xs).toFixed(0) + ')';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-batch-bench-'));
const files = corpus(500, { mixed: true });
writeCorpus(path.join(dir, '报告'), files);
const server = await startServer(WWW);
const browser = await launchCurrent();
const runs = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('button', { name: '批量检查' }).click();
    await page.locator('#batch-folder').waitFor({ state: 'attached' }); // the view's code loads on first use
    if (process.env.NO_CLICK) await page.evaluate(() => { window.__clickEvery = 1e9; });
    await page.evaluate(() => {
      const m = { long: [], gaps: [], clicks: [], t0: 0, lastRow: 0, done: 0 };
      window.__m = m;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (m.t0 && e.startTime >= m.t0) m.long.push(e.duration); }).observe({ entryTypes: ['longtask'] });
      document.getElementById('batch-folder').addEventListener('change', () => {
        m.t0 = performance.now();
        let last = m.t0;
        const frame = (t) => { m.gaps.push(t - last); last = t; if (!m.done) requestAnimationFrame(frame); };
        requestAnimationFrame(frame);
        // A person clicking 错误 every 700 ms while it runs: click → the table re-sorted.
        const sort = document.querySelector('[data-sort="errors"]');
        const clicker = setInterval(() => {
          if (m.done) { clearInterval(clicker); return; }
          const t = performance.now();
          sort.click();
          m.clicks.push(performance.now() - t);
        }, Number(window.__clickEvery || 700));
      }, true);
      new MutationObserver(() => {
        const state = document.getElementById('batch').getAttribute('data-state');
        if (state === 'comparing' && !m.lastRow) m.lastRow = performance.now();
        if (state === 'done' && !m.done) m.done = performance.now();
      }).observe(document.getElementById('batch'), { attributes: true });
    });
    await page.locator('#batch-folder').setInputFiles(path.join(dir, '报告'));
    await page.locator('#batch[data-state="done"]').waitFor({ timeout: 600000 });
    const m = await page.evaluate(() => window.__m);
    const rows = await page.locator('#batch-rows tr').count();
    const timed = async (button) => page.evaluate(async (id) => {
      const t = performance.now();
      const link = new Promise((resolve) => {
        const onClick = (e) => { if (e.target.tagName === 'A' && e.target.download) { document.removeEventListener('click', onClick, true); resolve(); } };
        document.addEventListener('click', onClick, true);
      });
      document.getElementById(id).click();
      await link;
      return performance.now() - t;
    }, button);
    const xlsx = await timed('batch-xlsx');
    const rollup = await timed('rollup-xlsx');
    runs.push({
      rows,
      read: m.lastRow - m.t0,
      compare: m.done - m.lastRow,
      long: m.long.length,
      longMax: m.long.length ? Math.max(...m.long) : 0,
      gapMax: Math.max(...m.gaps.slice(1)),
      click: m.clicks.length ? Math.max(...m.clicks) : 0,
      clicks: m.clicks.length,
      xlsx,
      rollup,
    });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const pick = (k) => runs.map((r) => r[k]);
const wasm = path.join(WWW, 'pkg/xxgk_batch_bg.wasm');
const worker = path.join(WWW, 'pkg/xxgk_batch_worker.js');
const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
console.log('batch view, ' + runs[0].rows + ' rows of ' + files.length + ' files (one skipped), ' + RUNS + ' runs, headless Chromium ' + browser.version);
console.log('  files read and checked (change → last row) : ' + spread(pick('read')) + ' = ' + (runs[0].rows / (median(pick('read')) / 1000)).toFixed(0) + ' files/s');
console.log('  compared (last row → done)                 : ' + spread(pick('compare')));
console.log('  total                                      : ' + spread(runs.map((r) => r.read + r.compare)));
console.log('  main thread while it ran: long tasks ' + pick('long').join('/') + ' (longest ' + pick('longMax').map((x) => x.toFixed(0)).join('/') + ' ms), longest frame gap ' + pick('gapMax').map((x) => x.toFixed(0)).join('/') + ' ms, sort click → sorted (max of ' + runs[0].clicks + ') ' + pick('click').map((x) => x.toFixed(0)).join('/') + ' ms');
console.log('  findings workbook (.xlsx) of the batch      : ' + spread(pick('xlsx')));
console.log('  roll-up workbook (.xlsx)                    : ' + spread(pick('rollup')));
console.log('  batch module: ' + (fs.statSync(wasm).size / 1024).toFixed(1) + ' KB raw, ' + (gz(wasm) / 1024).toFixed(1) + ' KB gzipped; worker script ' + (gz(worker) / 1024).toFixed(1) + ' KB gzipped');
