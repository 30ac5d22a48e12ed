// Smoke test on the floor browser, Chromium 83 (driven with evaluate/keyboard: no locators there).
// Needs www/pkg (./build.sh build: one build for every browser from Chromium 83 on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium83 } from './support/browsers.mjs';
import { REPO, servePage } from './support/page-env.mjs';
import { chooseFile } from './support/files.mjs';

const env = servePage(launchChromium83);

test('Chromium 83: the page starts without a failed request, takes typing and shows a finding', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  const failed = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => { if (r.status() >= 400) failed.push(r.status() + ' ' + r.url()); });
  page.on('requestfailed', (r) => failed.push('failed ' + r.url()));
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
  assert.deepEqual(failed, [], 'no 404 on start (the old pkg/legacy/ probe is gone)');

  await page.evaluate(() => document.querySelector('[data-cell="s3.new.natural"]').focus());
  await page.keyboard.type('１２件');
  await page.keyboard.press('Tab');
  await page.keyboard.type('abc');
  await page.keyboard.press('Tab');
  const state = await page.evaluate(() => ({
    normalised: document.querySelector('[data-cell="s3.new.natural"]').value,
    atCell: document.querySelector('td:not([hidden]) [id="m-s3_new_business"] [data-code="V001"]') !== null,
    inSummary: document.querySelector('#summary [data-code="V001"] a') !== null,
    invalid: document.querySelector('[data-cell="s3.new.business"]').getAttribute('aria-invalid'),
  }));
  assert.deepEqual(state, { normalised: '12', atCell: true, inSummary: true, invalid: 'true' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('Chromium 83: a Word file imports through the documents module, fetched on first use, and exports again', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  const fetched = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
  assert.ok(!fetched.some((p) => p.includes('xxgk_documents')), 'not loaded at start');

  await chooseFile(page, 'seed.docx', fs.readFileSync(path.join(REPO, 'tests/fixtures/import/seed.docx')));
  await page.waitForFunction(() => /已导入/.test(document.getElementById('notice').textContent), null, { timeout: 30000 });
  assert.ok(fetched.some((p) => p.endsWith('/pkg/xxgk_documents_bg.wasm')), 'fetched on first use');
  assert.equal(await page.evaluate(() => document.querySelector('[data-field="agency.name"]').value), '通榆县边昭镇');

  assert.ok(fetched.some((p) => p.endsWith('/pkg/xxgk_documents_worker.js')), 'read in the Web Worker');

  // The export path of the same worker: 下载 Word makes a blob: download of a .docx (a zip).
  await page.evaluate(() => {
    window.__downloads = [];
    document.addEventListener('click', (e) => {
      if (e.target.tagName === 'A' && e.target.download) {
        const a = e.target;
        window.__downloads.push(fetch(a.href).then((r) => r.arrayBuffer()).then((b) => ({ name: a.download, head: Array.from(new Uint8Array(b).slice(0, 2)) })));
      }
    }, true);
    document.getElementById('download-docx').click();
  });
  await page.waitForFunction(() => window.__downloads.length === 1, null, { timeout: 30000 });
  const saved = await page.evaluate(() => window.__downloads[0]);
  assert.match(saved.name, /\.docx$/);
  assert.deepEqual(saved.head, [0x50, 0x4b]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Chromium 83: the batch view checks files in its worker, pairs two years and opens a report in the form', async () => {
  const { corpus } = await import('./support/batch-corpus.mjs');
  const files = corpus(20);
  const page = await env.browser.newPage();
  const errors = [];
  const fetched = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
  assert.ok(!fetched.some((p) => p.includes('xxgk_batch')), 'the batch module is not loaded at start');
  await page.evaluate(() => document.getElementById('open-batch').click());
  // The view's modules load on first use: wait for its file input instead of racing it.
  await page.waitForFunction(() => document.getElementById('batch-files') !== null, null, { timeout: 30000 });
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const binary = atob(f.b64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      transfer.items.add(new File([data], f.name));
    }
    const input = document.getElementById('batch-files');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
  }, files.map((f) => ({ name: f.path.split('/').pop(), b64: Buffer.from(f.bytes).toString('base64') })));
  await page.waitForFunction(() => document.getElementById('batch').getAttribute('data-state') === 'done', null, { timeout: 60000 });
  assert.ok(fetched.some((p) => p.endsWith('/pkg/xxgk_batch_worker.js')) && fetched.some((p) => p.endsWith('/pkg/xxgk_batch_bg.wasm')), 'loaded on first use, in its worker');
  const state = await page.evaluate(() => ({
    rows: document.querySelectorAll('#batch-rows tr').length,
    pair: document.querySelector('#batch-pairs [data-code="Y001"]') !== null,
    copy: document.querySelectorAll('#batch-copies .batch-copy').length,
  }));
  assert.deepEqual(state, { rows: 20, pair: true, copy: 1 });
  await page.evaluate(() => document.querySelector('#batch-rows tr [data-action="open"]').click());
  await page.waitForFunction(() => !document.getElementById('report-form').closest('[data-view]').hidden && document.getElementById('batch-return') !== null, null, { timeout: 30000 });
  assert.notEqual(await page.evaluate(() => document.querySelector('[data-field="agency.name"]').value), '');
  await page.evaluate(() => document.getElementById('batch-return').click());
  assert.equal(await page.evaluate(() => document.getElementById('batch').closest('[data-view]').hidden), false);
  assert.deepEqual(errors, []);
  await page.close();
});
