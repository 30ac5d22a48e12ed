// Page benchmarks (run by `./build.sh bench` after the build; not a test). What each line measures:
//
// Through the binding, in the page (medians; batches of 100 calls, since browsers coarsen
// performance.now()):
//  - "first check": Session.fromJson(seed) + its first check(), which runs every rule (the prose
//    rules included), minus fromJson alone;
//  - "re-check after a table edit": setCell + check() on a session that was checked before: the
//    checker re-runs the table rules and the two rules that compare prose with the tables, not the
//    other prose rules (that is what a keystroke in a table costs);
//  - "re-check after a prose edit": setField('text.overview') + check(): the prose rules run again;
//  - each with the findings handed to JavaScript (check) and without (checkCount).
// Keystrokes as a person types them (Playwright keyboard), keydown → findings rendered in the DOM
// (the page's input handler has run) and keydown → the next animation frame after that (for a
// Chinese character, which has no keydown, from beforeinput):
//  - tables: typed into five table cells of the imported seed (no other field);
//  - empty form: typed into one cell of table 三 of a blank form (≈ 180 V002 findings on screen);
//  - prose: typed into 一、总体情况 of the imported seed; once more with the CPU slowed 4× and 6×
//    (the page checks prose when the clerk pauses or leaves the field, so a keystroke there
//    only hands the text to the session); and, slowed, the check that follows: leaving the field
//    (blur) → findings rendered → next frame;
//  - embedded: typed into table cells of the form mounted by the module API (its onChange gets the
//    whole report on every keystroke), and of the page inside a same-origin iframe;
// Fixes: a click on 「修正」 in the summary (and Ctrl+Z, 「全部安全修正」) → the report fixed, re-checked
// and the form rendered (the click or key handler has run) → the next frame.
// Import of the seed .docx in the Web Worker (postMessage round trip included); sizes: what the
// page loads at start from www/ as served in development, and from dist/static/ as deployed
// (comments and indentation stripped by dist.mjs), and what it loads later (the documents
// module on the first import or export, the place-name table with the first prose).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchCurrent } from '../support/browsers.mjs';
import { startServer } from '../support/server.mjs';
import { docSnippets, buildDist, makeSite, portalPage, rmrf } from '../embed-fixtures.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WWW = path.join(REPO, 'www');
const SEED = fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'), 'utf8');

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const ms = (xs) => xs.length ? quantile(xs, 0.5).toFixed(2) + ' / ' + quantile(xs, 0.95).toFixed(2) + ' ms (' + xs.length + ')' : '-';

/** Hooks keydown → input-rendered → next frame in `target` (a Page or Frame). */
async function hook(target) {
  await target.evaluate(() => {
    window.__handler = [];
    window.__frame = [];
    let t0 = 0;
    let keyed = false;
    window.addEventListener('keydown', () => { t0 = performance.now(); keyed = true; }, true);
    // A character without a key of its own (Chinese, typed as insertText) has no keydown: then the
    // keystroke starts at beforeinput.
    window.addEventListener('beforeinput', () => { if (!keyed) t0 = performance.now(); }, true);
    document.addEventListener('input', () => { keyed = false; }, true);
    // On document, so after the form's own listener (on the form, or in the shadow root) has rendered.
    document.addEventListener('input', () => {
      window.__handler.push(performance.now() - t0);
      requestAnimationFrame(() => window.__frame.push(performance.now() - t0));
    });
  });
}

async function collect(target) {
  return target.evaluate(() => ({ handler: window.__handler, frame: window.__frame }));
}

/** Types into table cells: `rounds` × (click, select all, three digits, backspace, Tab). */
async function typeTables(page, locate, cells, rounds) {
  for (let round = 0; round < rounds; round++) {
    await locate(cells[round % cells.length]).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(round * 7 + 13) + '9', { delay: 20 });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
  }
}

async function typeProse(page, textarea, chars) {
  await textarea.click();
  await page.keyboard.press('Control+End');
  const text = '本机关全年主动公开政府信息，并及时更新政务公开专栏。';
  for (let i = 0; i < chars; i++) await page.keyboard.type(text[i % text.length], { delay: 15 });
}

const results = {};
const server = await startServer(WWW);
const browser = await launchCurrent();
const dist = buildDist();
const snippets = docSnippets();
const site = makeSite(dist.static, {
  'module.html': portalPage(snippets.module, { plain: true }),
  'iframe.html': portalPage(snippets.iframe.replace('title=', 'height="900" title='), { plain: true }),
});
const siteServer = await startServer(site);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loaded = new Set();
  const origin = new URL(server.url).origin;
  page.on('request', (r) => { if (r.url().startsWith(origin)) loaded.add(new URL(r.url()).pathname); });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const atStart = new Set(loaded);

  const binding = await page.evaluate(async (seed) => {
    const wasm = await import('./pkg/xxgk_report.js');
    const time = (fn, batches = 100, per = 100) => {
      for (let i = 0; i < per * 5; i++) fn(i);
      const out = [];
      let n = 0;
      for (let b = 0; b < batches; b++) {
        const t0 = performance.now();
        for (let i = 0; i < per; i++) fn(n++);
        out.push((performance.now() - t0) * 1000 / per);
      }
      out.sort((a, b) => a - b);
      return out[out.length >> 1];
    };
    const parse = time(() => wasm.Session.fromJson(seed).free(), 20, 20);
    const first = time(() => { const s = wasm.Session.fromJson(seed); s.check(); s.free(); }, 20, 20);
    const firstCount = time(() => { const s = wasm.Session.fromJson(seed); s.checkCount(); s.free(); }, 20, 20);
    const session = wasm.Session.fromJson(seed);
    session.setCell('s3.new.natural', '9'); // an unbalanced column, as while editing
    const findings = session.check().length;
    const table = time((i) => { session.setCell('s3.new.natural', String(9 + (i & 1))); session.check(); });
    const tableCount = time((i) => { session.setCell('s3.new.natural', String(9 + (i & 1))); session.checkCount(); });
    const overview = session.field('text.overview');
    const prose = time((i) => { session.setField('text.overview', overview + (i & 1 ? '。' : '')); session.check(); }, 20, 20);
    const proseCount = time((i) => { session.setField('text.overview', overview + (i & 1 ? '。' : '')); session.checkCount(); }, 20, 20);
    const blank = new wasm.Session();
    blank.setCell('s3.new.natural', '3');
    const emptyFindings = blank.check().length;
    const empty = time((i) => { blank.setCell('s3.new.natural', String(3 + (i & 1))); blank.check(); });
    const emptyCount = time((i) => { blank.setCell('s3.new.natural', String(3 + (i & 1))); blank.checkCount(); });
    return { parse, first, firstCount, findings, table, tableCount, prose, proseCount, emptyFindings, empty, emptyCount };
  }, SEED);
  const us = (x) => x.toFixed(1) + ' µs';
  results['first check of the seed (fromJson + check − fromJson), to JS / count only'] = us(binding.first - binding.parse) + ' / ' + us(binding.firstCount - binding.parse);
  results['re-check after a table edit (' + binding.findings + ' findings), to JS / count only'] = us(binding.table) + ' / ' + us(binding.tableCount);
  results['re-check after a prose edit, to JS / count only'] = us(binding.prose) + ' / ' + us(binding.proseCount);
  results['re-check after a table edit in a blank report (' + binding.emptyFindings + ' findings), to JS / count only'] = us(binding.empty) + ' / ' + us(binding.emptyCount);

  // Import of the seed .docx as the page does it: in the documents worker.
  await page.locator('#import-file').setInputFiles(path.join(REPO, 'tests/fixtures/seed.json'));
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  const docx = Array.from(fs.readFileSync(path.join(REPO, 'tests/fixtures/import/seed.docx')));
  const workerImport = await page.evaluate(async (bytes) => {
    const { createDocuments } = await import('./js/documents.js');
    const docs = createDocuments({
      launch: () => new Worker('./pkg/xxgk_documents_worker.js'),
      wasm: () => new URL('./pkg/xxgk_documents_bg.wasm', location.href).href,
      inPage: () => Promise.reject(new Error('no worker')),
    });
    await docs.importFile(new Uint8Array(bytes), 'seed.docx');
    const runs = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await docs.importFile(new Uint8Array(bytes), 'seed.docx');
      runs.push(performance.now() - t0);
    }
    docs.cancel();
    runs.sort((a, b) => a - b);
    return runs[15];
  }, docx);
  results['import the seed .docx in the worker (round trip), median of 30'] = workerImport.toFixed(2) + ' ms';

  await hook(page);
  await typeTables(page, (id) => page.locator(`[data-cell="${id}"]`), ['s3.new.natural', 's3.granted.business', 's4.review.upheld', 's2.normative.issued', 's3.outcome_total.total'], 60);
  let r = await collect(page);
  results['tables, imported seed: keydown → rendered, p50 / p95'] = ms(r.handler);
  results['tables, imported seed: keydown → next frame, p50 / p95'] = ms(r.frame);

  await hook(page);
  await typeProse(page, page.locator('[data-field="text.overview"]'), 80);
  r = await collect(page);
  results['prose (一、总体情况), imported seed: keydown → rendered'] = ms(r.handler);
  results['prose (一、总体情况), imported seed: keydown → next frame'] = ms(r.frame);

  // Fixes (issue 15), as the clerk makes them on the imported seed with one wrong number in 三:
  // click on 「修正」 (the suspect's, in the summary) → the fix made, the form re-checked and
  // rendered (the click handler has run) → the next frame; Ctrl+Z → the same; 「全部安全修正」 and
  // 撤销 likewise.
  {
    const fixing = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await fixing.goto(server.url);
    await fixing.waitForSelector('body[data-ready="true"]');
    await fixing.locator('#import-file').setInputFiles(path.join(REPO, 'tests/fixtures/seed.json'));
    await fixing.locator('#notice', { hasText: '已导入' }).waitFor();
    await fixing.evaluate(() => {
      window.__fix = { handler: [], frame: [] };
      let t0 = 0;
      const start = () => { t0 = performance.now(); };
      const done = () => {
        window.__fix.handler.push(performance.now() - t0);
        requestAnimationFrame(() => window.__fix.frame.push(performance.now() - t0));
      };
      window.addEventListener('click', start, true);
      window.addEventListener('keydown', start, true);
      document.addEventListener('click', done);
      document.addEventListener('keydown', done);
    });
    const take = () => fixing.evaluate(() => { const r = window.__fix; window.__fix = { handler: [], frame: [] }; return r; });
    const granted = fixing.locator('[data-cell="s3.granted.natural"]');
    await granted.click();
    await fixing.keyboard.press('Control+A');
    await fixing.keyboard.type('3');
    await fixing.keyboard.press('Tab');
    await take();
    const fixClicks = { handler: [], frame: [] };
    const undoKeys = { handler: [], frame: [] };
    for (let i = 0; i < 30; i++) {
      await fixing.locator('#summary .summary-suspect button[data-fix]').click();
      await fixing.waitForTimeout(30);
      let t = await take();
      fixClicks.handler.push(...t.handler); fixClicks.frame.push(...t.frame);
      await fixing.locator('#summary-title').click();
      await take();
      await fixing.keyboard.press('Control+z');
      await fixing.waitForTimeout(30);
      t = await take();
      undoKeys.handler.push(...t.handler); undoKeys.frame.push(...t.frame);
    }
    results['修正 (the suspect of one wrong number in 三, in the summary): click → re-checked and rendered'] = ms(fixClicks.handler);
    results['修正: click → next frame'] = ms(fixClicks.frame);
    results['Ctrl+Z of that fix: keydown → re-checked and rendered / → next frame'] = ms(undoKeys.handler) + ' · ' + ms(undoKeys.frame);
    await granted.click();
    await fixing.keyboard.press('Control+A');
    await fixing.keyboard.type('0');
    await fixing.keyboard.press('Tab');
    const safe = { handler: [], frame: [] };
    for (let i = 0; i < 20; i++) {
      await fixing.locator('#apply-safe-fixes').click();
      await fixing.waitForTimeout(30);
      const t = await take();
      safe.handler.push(...t.handler); safe.frame.push(...t.frame);
      await fixing.locator('#fix-undo').click();
      await fixing.waitForTimeout(30);
      await take();
    }
    results['全部安全修正 on the seed (3 fixes, text): click → re-checked and rendered / → next frame'] = ms(safe.handler) + ' · ' + ms(safe.frame);
    await fixing.close();
  }

  const cdp = await page.context().newCDPSession(page);
  for (const rate of [4, 6]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await hook(page);
    await typeProse(page, page.locator('[data-field="text.overview"]'), 40);
    r = await collect(page);
    results[`prose at ${rate}× CPU slowdown: keydown → rendered`] = ms(r.handler);
    results[`prose at ${rate}× CPU slowdown: keydown → next frame`] = ms(r.frame);
    // The prose check that waited: leaving the field runs it at once.
    const leave = [];
    for (let i = 0; i < 10; i++) {
      await page.locator('[data-field="text.overview"]').click();
      await page.keyboard.type('。', { delay: 15 });
      leave.push(await page.evaluate(() => new Promise((resolve) => {
        const area = document.querySelector('[data-field="text.overview"]');
        const t0 = performance.now();
        area.addEventListener('blur', () => requestAnimationFrame(() => resolve(performance.now() - t0)), { once: true });
        area.blur();
      })));
    }
    results[`prose at ${rate}× CPU slowdown: leaving the field (the prose check) → next frame`] = ms(leave);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();

  // The empty form: a fresh page, typing into one cell of table 三.
  const empty = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await empty.goto(server.url);
  await empty.waitForSelector('body[data-ready="true"]');
  await empty.locator('[data-cell="s3.new.natural"]').click();
  await empty.keyboard.type('3');
  await empty.keyboard.press('Tab');
  await empty.keyboard.press('Shift+Tab');
  await empty.keyboard.press('End');
  await hook(empty);
  for (let i = 0; i < 30; i++) {
    await empty.keyboard.type(String(i % 10), { delay: 20 });
    await empty.keyboard.press('Backspace');
  }
  r = await collect(empty);
  const shown = await empty.evaluate(() => document.querySelectorAll('#summary .summary-item').length + ' summary lines, ' + document.querySelector('#summary-title').textContent);
  results['empty form, table 三 (' + shown + '): keydown → rendered'] = ms(r.handler);
  results['empty form, table 三: keydown → next frame'] = ms(r.frame);
  await empty.close();

  // Embedded: the module API's mounted form (shadow DOM, onChange on every change) and the iframe.
  const mounted = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await mounted.goto(siteServer.url + 'module.html');
  await mounted.locator('#xxgk-report .xr-root[data-ready="true"]').waitFor({ state: 'attached' });
  await mounted.evaluate((seed) => window.xxgkForm.setReport(seed), SEED);
  await hook(mounted);
  await typeTables(mounted, (id) => mounted.locator(`#xxgk-report [data-cell="${id}"]`), ['s3.new.natural', 's3.granted.business', 's4.review.upheld'], 30);
  r = await collect(mounted);
  results['mounted form (module API, onChange), tables: keydown → rendered'] = ms(r.handler);
  results['mounted form, tables: keydown → next frame'] = ms(r.frame);
  await mounted.close();

  const framed = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await framed.addInitScript((seed) => { window.initialReport = JSON.parse(seed); }, SEED);
  await framed.goto(siteServer.url + 'iframe.html');
  const frame = framed.frames().find((f) => f !== framed.mainFrame());
  await frame.waitForSelector('body[data-ready="true"]');
  await frame.waitForFunction(() => document.querySelector('[data-field="agency.name"]').value !== '');
  await hook(frame);
  await typeTables(framed, (id) => frame.locator(`[data-cell="${id}"]`), ['s3.new.natural', 's3.granted.business', 's4.review.upheld'], 30);
  r = await collect(frame);
  results['iframe (same origin), tables: keydown → rendered'] = ms(r.handler);
  results['iframe, tables: keydown → next frame'] = ms(r.frame);
  await framed.close();

  const wasmFile = path.join(WWW, 'pkg/xxgk_report_bg.wasm');
  const documentsFile = path.join(WWW, 'pkg/xxgk_documents_bg.wasm');
  const files = (set) => [...set].map((p) => path.join(WWW, p === '/' ? 'index.html' : p)).filter((f) => fs.existsSync(f));
  const pageBytes = files(atStart);
  const total = pageBytes.reduce((n, f) => n + gz(f), 0);
  const allBytes = files(loaded);
  const totalAll = allBytes.reduce((n, f) => n + gz(f), 0);
  results['page wasm raw / gzipped'] = kb(fs.statSync(wasmFile).size) + ' / ' + kb(gz(wasmFile));
  results['documents wasm raw / gzipped (in the worker, on first use)'] = kb(fs.statSync(documentsFile).size) + ' / ' + kb(gz(documentsFile));
  results['page at start, gzipped (www/ as served in development)'] = kb(total) + ' (' + pageBytes.length + ' files)';
  const deployed = await startServer(dist.static);
  try {
    const fresh = await browser.newPage();
    const fromDist = new Set();
    fresh.on('request', (r) => { if (r.url().startsWith(deployed.url)) fromDist.add(new URL(r.url()).pathname); });
    await fresh.goto(deployed.url);
    await fresh.waitForSelector('body[data-ready="true"]');
    const list = [...fromDist].map((p) => path.join(dist.static, p === '/' ? 'index.html' : p)).filter((f) => fs.existsSync(f));
    results['page at start, gzipped (dist/static/ as deployed)'] = kb(list.reduce((n, f) => n + gz(f), 0)) + ' (' + list.length + ' files)';
    await fresh.close();
  } finally {
    await deployed.close();
  }
  results['place-name table (pkg/places.tsv, with the first prose), gzipped'] = kb(gz(path.join(WWW, 'pkg/places.tsv')));
  results['page after a file import, gzipped'] = kb(totalAll) + ' (' + allBytes.length + ' files)';
  for (const [k, v] of Object.entries(results)) console.log(k.padEnd(96), v);
  console.log(`(headless Chromium ${browser.version}; figures vary by ±30 % on this shared 2-core machine)`);
} finally {
  await browser.close();
  await server.close();
  await siteServer.close();
  rmrf(site);
  rmrf(dist.dir);
}
