// Page benchmarks (run by `./build.sh bench`, after the build):
//  - one full check through the binding: median over 10,000 calls (100 batches of 100, since
//    browsers coarsen performance.now()), with and without handing the findings to JavaScript;
//  - keystroke to painted findings on the full form: keydown to the next requestAnimationFrame
//    after the page has rendered the findings, p50/p95 over 300 keystrokes;
//  - wasm size raw and gzipped, and the gzipped weight of everything the page loads.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchCurrent } from '../support/browsers.mjs';
import { startServer } from '../support/server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WWW = path.join(REPO, 'www');
const SEED = fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'), 'utf8');

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

const server = await startServer(WWW);
const browser = await launchCurrent();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loaded = new Set();
  const origin = new URL(server.url).origin;
  page.on('request', (r) => { if (r.url().startsWith(origin)) loaded.add(new URL(r.url()).pathname); });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const atStart = new Set(loaded);

  const check = await page.evaluate(async (seed) => {
    const wasm = await import('./' + window.XXGK_PKG + 'xxgk_report.js');
    const session = wasm.Session.fromJson(seed);
    session.setCell('s3.new.natural', '9'); // a few findings, as while editing
    const time = (fn) => {
      for (let i = 0; i < 1000; i++) fn();
      const batches = [];
      for (let b = 0; b < 100; b++) {
        const t0 = performance.now();
        for (let i = 0; i < 100; i++) fn();
        batches.push((performance.now() - t0) * 1000 / 100);
      }
      batches.sort((a, b) => a - b);
      return batches[50];
    };
    const result = {
      findings: session.check().length,
      checkUs: time(() => session.check()),
      checkCountUs: time(() => session.checkCount()),
    };
    session.free();
    return result;
  }, SEED);

  // Importing a Word file in the browser: the documents module, as the page calls it.
  const docx = Array.from(fs.readFileSync(path.join(REPO, 'tests/fixtures/import/seed.docx')));
  const importMs = await page.evaluate(async (bytes) => {
    const documents = await import('./' + window.XXGK_PKG + 'xxgk_documents.js');
    await documents.default();
    const data = new Uint8Array(bytes);
    const runs = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      documents.importFile(data, 'seed.docx');
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    return runs[15];
  }, docx);

  // The full form: import the seed, then type into cells of every table.
  await page.locator('#import-file').setInputFiles(path.join(REPO, 'tests/fixtures/seed.json'));
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  await page.evaluate(() => {
    window.__latencies = [];
    window.__handler = [];
    let t0 = 0;
    window.addEventListener('keydown', () => { t0 = performance.now(); }, true);
    // Registered after the page's own listener on the form, so it runs once findings are rendered.
    document.addEventListener('input', () => {
      const rendered = performance.now();
      window.__handler.push(rendered - t0);
      requestAnimationFrame(() => window.__latencies.push(performance.now() - t0));
    });
  });
  const cells = ['s3.new.natural', 's3.granted.business', 's4.review.upheld', 's2.normative.issued', 's3.outcome_total.total'];
  for (let round = 0; round < 60; round++) {
    const id = cells[round % cells.length];
    await page.locator(`[data-cell="${id}"]`).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(round * 7 + 13) + '9', { delay: 20 }); // 3 keystrokes
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
  }
  const { latencies, handler } = await page.evaluate(() => ({ latencies: window.__latencies, handler: window.__handler }));

  const wasmFile = path.join(WWW, 'pkg/xxgk_report_bg.wasm');
  const documentsFile = path.join(WWW, 'pkg/xxgk_documents_bg.wasm');
  const files = (set) => [...set].map((p) => path.join(WWW, p === '/' ? 'index.html' : p)).filter((f) => fs.existsSync(f));
  const pageBytes = files(atStart);
  const total = pageBytes.reduce((n, f) => n + gz(f), 0);
  // After importing a file, the documents module (file import, Word/HTML) has been loaded too.
  const allBytes = files(loaded);
  const totalAll = allBytes.reduce((n, f) => n + gz(f), 0);
  const report = {
    'check (seed, via binding, to JS objects), median µs': check.checkUs.toFixed(1),
    'check (seed, Rust only: checkCount), median µs': check.checkCountUs.toFixed(1),
    'findings at that point': check.findings,
    'import the seed .docx (documents module), median ms': importMs.toFixed(2),
    'keystrokes measured': latencies.length,
    'keydown → findings rendered, p50 / p95 ms': quantile(handler, 0.5).toFixed(2) + ' / ' + quantile(handler, 0.95).toFixed(2),
    'keydown → next animation frame, p50 / p95 ms': quantile(latencies, 0.5).toFixed(2) + ' / ' + quantile(latencies, 0.95).toFixed(2),
    'wasm raw / gzipped': kb(fs.statSync(wasmFile).size) + ' / ' + kb(gz(wasmFile)),
    'documents wasm raw / gzipped (on first use)': fs.existsSync(documentsFile) ? kb(fs.statSync(documentsFile).size) + ' / ' + kb(gz(documentsFile)) : '-',
    'page at start, gzipped (files loaded)': kb(total) + ' (' + pageBytes.length + ' files)',
    'page after a file import, gzipped': kb(totalAll) + ' (' + allBytes.length + ' files)',
  };
  for (const [k, v] of Object.entries(report)) console.log(k.padEnd(52), v);
  const targets = [
    ['check ≤ 20 µs', check.checkUs <= 20],
    ['keystroke to painted findings ≤ 16 ms p95', quantile(latencies, 0.95) <= 16],
    ['page at start ≤ 150 KB gzipped', total <= 150 * 1024],
    ['page at start ≤ 250 KB gzipped (project budget)', total <= 250 * 1024],
  ];
  for (const [name, ok] of targets) console.log((ok ? 'MET     ' : 'NOT MET ') + name);
} finally {
  await browser.close();
  await server.close();
}
