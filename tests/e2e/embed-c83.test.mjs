// Embedding on the floor browser, Chromium 83 (no locators there: evaluate/keyboard/mouse):
// the single file from file:// with the network blocked, the sandboxed iframe of docs/embedding.md,
// and the static folder under the CSP that engines before Chromium 97 need ('unsafe-eval').
// Needs www/pkg (./build.sh build). Run: node --test tests/e2e/embed-c83.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium83 } from './support/browsers.mjs';
import { startServer } from './support/server.mjs';
import { chooseFile } from './support/files.mjs';
import { docSnippets, buildDist, makeSite, portalPage, SEED, SEED_JSON, rmrf, REPO } from './embed-fixtures.mjs';

const snippets = docSnippets();
let dist;
let site;
let server;
let browser;

before(async () => {
  dist = buildDist();
  const initial = `<script>window.initialReport = ${SEED_JSON.replace(/</g, '\\u003c')};</script>\n`;
  site = makeSite(dist.static, {
    'iframe.html': portalPage(initial + snippets.iframe, { plain: true }),
    'script-tag.html': portalPage(snippets['script-tag']),
  });
  server = await startServer(site);
  browser = await launchChromium83();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmrf(site);
  rmrf(dist?.dir);
});

/** Types into a cell of `doc` (a function returning the document to use, evaluated in the page). */
async function typeAndLeave(page, frameSelector, cell, text) {
  await page.evaluate(([sel, id]) => {
    const doc = sel ? document.querySelector(sel).contentDocument : document;
    const input = doc.querySelector('[data-cell="' + id + '"]');
    input.focus();
    input.select();
  }, [frameSelector, cell]);
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

test('Chromium 83: the single file opens from file:// without any network request and checks as you type', async () => {
  const page = await browser.newPage();
  const errors = [];
  const attempted = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) attempted.push(r.url()); });
  await page.route('**/*', (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(dist.single).href);
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
  await typeAndLeave(page, null, 's3.new.natural', '１２件');
  await typeAndLeave(page, null, 's3.new.business', 'abc');
  const state = await page.evaluate(() => ({
    normalised: document.querySelector('[data-cell="s3.new.natural"]').value,
    inSummary: document.querySelector('#summary [data-code="V001"] a') !== null,
  }));
  assert.deepEqual(state, { normalised: '12', inSummary: true });
  // A Word file, read by the documents module in a Web Worker started from the inline script.
  await chooseFile(page, 'seed.docx', fs.readFileSync(path.join(REPO, 'tests/fixtures/import/seed.docx')));
  await page.waitForFunction(() => /已导入/.test(document.getElementById('notice').textContent), null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.querySelector('[data-field="agency.name"]').value), '通榆县边昭镇');
  assert.ok(page.workers().length >= 1, 'read in a Web Worker');
  assert.deepEqual(attempted, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Chromium 83: the sandboxed iframe sizes itself, takes the initial report by postMessage and checks', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + 'iframe.html');
  await page.waitForFunction((name) => {
    const f = document.getElementById('xxgk-frame').contentDocument;
    const input = f && f.querySelector('[data-field="agency.name"]');
    return input !== null && input.value === name;
  }, SEED.agency.name, { timeout: 30000 });
  await page.waitForFunction(() => {
    const f = document.getElementById('xxgk-frame');
    const inner = f.contentDocument.documentElement.getBoundingClientRect().height;
    return f.getBoundingClientRect().height > 1000 && Math.abs(f.getBoundingClientRect().height - Math.ceil(inner)) <= 1;
  });
  await typeAndLeave(page, '#xxgk-frame', 's3.new.business', 'abc');
  assert.equal(await page.evaluate(() => document.getElementById('xxgk-frame').contentDocument.querySelector('#summary [data-code="V001"]') !== null), true);
  // The download is started inside the sandbox (allow-downloads). Here the test checks the blob:
  // anchor the click makes; the saved file itself is checked in current Chromium (embed.test.mjs).
  await page.evaluate(() => {
    const doc = document.getElementById('xxgk-frame').contentDocument;
    window.__clicked = [];
    doc.addEventListener('click', (e) => { if (e.target.tagName === 'A' && e.target.download) window.__clicked.push(e.target.download + ' ' + e.target.href.slice(0, 5)); }, true);
    doc.getElementById('download-json').click();
  });
  const clicked = await page.evaluate(() => window.__clicked);
  assert.equal(clicked.length, 1);
  assert.match(clicked[0], /\.json blob:$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Chromium 83: the script-tag embed (Shadow DOM) under hostile portal CSS takes typing and shows a finding', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + 'script-tag.html');
  await page.waitForFunction(() => {
    const host = document.getElementById('xxgk-report');
    const root = host.shadowRoot && host.shadowRoot.querySelector('.xr-root');
    return root !== null && root.getAttribute('data-ready') === 'true' && !root.hidden;
  }, null, { timeout: 30000 });
  await page.evaluate(() => {
    const input = document.getElementById('xxgk-report').shadowRoot.querySelector('[data-cell="s3.new.business"]');
    input.focus();
    input.select();
  });
  await page.keyboard.type('abc');
  await page.keyboard.press('Tab');
  const state = await page.evaluate(() => {
    const root = document.getElementById('xxgk-report').shadowRoot;
    return {
      finding: root.querySelector('#summary [data-code="V001"]') !== null,
      table: getComputedStyle(root.querySelector('table.report-table')).display,
    };
  });
  assert.deepEqual(state, { finding: true, table: 'table' });
  assert.deepEqual(errors, []);
  await page.close();
});

test("Chromium 83: the static folder under the strict CSP with 'unsafe-eval' instead of 'wasm-unsafe-eval'", async () => {
  const csp = snippets.csp.trim().replace("'wasm-unsafe-eval'", "'unsafe-eval'");
  const strict = await startServer(dist.static, { headers: { 'Content-Security-Policy': csp } });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) errors.push(m.text()); });
    await page.goto(strict.url);
    await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
    await typeAndLeave(page, null, 's3.new.business', 'abc');
    assert.equal(await page.evaluate(() => document.querySelector('#summary [data-code="V001"]') !== null), true);
    // The documents worker starts and compiles its module under the same policy.
    await chooseFile(page, 'seed.docx', fs.readFileSync(path.join(REPO, 'tests/fixtures/import/seed.docx')));
    await page.waitForFunction(() => /已导入/.test(document.getElementById('notice').textContent), null, { timeout: 30000 });
    assert.ok(page.workers().length >= 1, 'read in a Web Worker');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await strict.close();
  }
});

test('Chromium 83 (no storage partitioning): a hostile parent on another origin neither reads nor overwrites the draft', async () => {
  const clerkServer = await startServer(site);
  const stranger = await startServer(site);
  const frameSrc = clerkServer.url + 'xxgk/index.html';
  fs.writeFileSync(path.join(site, 'hostile.html'), portalPage(`<iframe id="xxgk-frame" src="${frameSrc}" width="1200" height="900"></iframe>
<script>
  window.__got = [];
  window.addEventListener('message', function (e) { window.__got.push(e.data); });
</script>`, { plain: true }));
  try {
    const context = await browser.newContext();
    const clerk = await context.newPage();
    await clerk.goto(frameSrc);
    await clerk.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
    await clerk.evaluate(() => document.querySelector('[data-field="agency.name"]').focus());
    await clerk.keyboard.type('通榆县边昭镇人民政府');
    await clerk.waitForFunction(() => /草稿已保存/.test(document.getElementById('save-status').textContent), null, { timeout: 10000 });
    await clerk.close();

    const hostile = await context.newPage();
    await hostile.goto(stranger.url + 'hostile.html');
    await hostile.waitForFunction(() => {
      const doc = document.getElementById('xxgk-frame').contentDocument;
      return doc === null; // cross-origin: not readable from the parent
    });
    const frame = hostile.frames().find((f) => f !== hostile.mainFrame());
    await frame.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
    const forged = JSON.parse(SEED_JSON);
    forged.agency.name = '伪造的机关';
    await hostile.evaluate((report) => {
      const win = document.getElementById('xxgk-frame').contentWindow;
      win.postMessage({ type: 'xxgk-report:subscribe', report: true }, '*');
      win.postMessage({ type: 'xxgk-report:get' }, '*');
      win.postMessage({ type: 'xxgk-report:load', report }, '*');
    }, JSON.stringify(forged));
    await hostile.waitForTimeout(1000);
    const inFrame = await frame.evaluate(() => ({
      name: document.querySelector('[data-field="agency.name"]').value,
      banner: document.querySelector('[data-banner="frame"]') !== null,
    }));
    assert.deepEqual(inFrame, { name: '', banner: true });
    assert.deepEqual(await hostile.evaluate(() => window.__got), []);
    await hostile.close();

    const again = await context.newPage();
    await again.goto(frameSrc);
    await again.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
    assert.equal(await again.evaluate(() => document.querySelector('[data-field="agency.name"]').value), '通榆县边昭镇人民政府');
    await context.close();
  } finally {
    await clerkServer.close();
    await stranger.close();
    fs.rmSync(path.join(site, 'hostile.html'), { force: true });
  }
});

test('Chromium 83: 本机草稿 lists two reports and opens the other one', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + 'xxgk/index.html');
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
  await page.evaluate(() => document.querySelector('[data-field="agency.name"]').focus());
  await page.keyboard.type('洮南市民政局');
  await page.waitForFunction(() => /草稿已保存/.test(document.getElementById('save-status').textContent), null, { timeout: 10000 });
  await chooseFile(page, 'seed.json', Buffer.from(SEED_JSON), { type: 'application/json' });
  await page.waitForFunction(() => /仍保存在「本机草稿」中/.test(document.getElementById('notice').textContent), null, { timeout: 30000 });
  await page.evaluate(() => document.getElementById('open-drafts').click());
  const names = await page.evaluate(() => Array.from(document.querySelectorAll('#drafts-table tbody th')).map((th) => th.textContent));
  assert.equal(names.length, 2);
  await page.evaluate(() => {
    const row = Array.from(document.querySelectorAll('#drafts-table tbody tr')).find((tr) => tr.textContent.includes('洮南市民政局'));
    row.querySelector('[data-action="open"]').click();
  });
  assert.equal(await page.evaluate(() => document.querySelector('[data-field="agency.name"]').value), '洮南市民政局');
  await context.close();
});
