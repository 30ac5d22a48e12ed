// Embedding in a portal (issue 7), in current Chromium: the module API under hostile portal CSS,
// the classic script tag, the sandboxed iframe (resize, load, download), the single file from
// file:// with the network blocked, and the static folder under a strict CSP. The snippets come
// straight out of docs/embedding.md; the iframe's allowed origins come from embed/config.json, and a
// hostile parent on another origin is tested too. Needs www/pkg (./build.sh build).
// Run: node --test tests/e2e/embed.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launchCurrent } from './support/browsers.mjs';
import { startServer } from './support/server.mjs';
import { fromMenu } from './support/page-env.mjs';
import path from 'node:path';
import { docSnippets, buildDist, makeSite, portalPage, SEED, SEED_JSON, rmrf, REPO } from './embed-fixtures.mjs';

const snippets = docSnippets();
const CSP = snippets.csp.trim();
let dist;
let site;
let server;
let otherServer;
let browser;

before(async () => {
  dist = buildDist();
  const initial = `<script>window.initialReport = ${SEED_JSON.replace(/</g, '\\u003c')};</script>\n`;
  site = makeSite(dist.static, {
    'module.html': portalPage(snippets.module),
    'script-tag.html': portalPage(snippets['script-tag']),
    'iframe.html': portalPage(initial + snippets.iframe, { plain: true }),
    'csp-host.html': portalPage('<div id="xxgk-report"></div><script src="/xxgk/loader.js"></script><script src="csp-host.js"></script>', { plain: true }),
    'csp-host.js': snippets['script-tag'].match(/<script>\n([\s\S]*?)<\/script>/)[1],
  });
  server = await startServer(site);
  otherServer = await startServer(site);
  // The deployment setting: the portal (server's origin) may frame the form served by otherServer.
  fs.writeFileSync(path.join(dist.static, 'embed/config.json'), JSON.stringify({ allowedParentOrigins: [new URL(server.url).origin] }));
  browser = await launchCurrent();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await otherServer?.close();
  rmrf(site);
  rmrf(dist?.dir);
});

/** A page that records errors, CSP violations and requests leaving `origins`. */
async function newPage(origins, opts) {
  const page = await browser.newPage(Object.assign({ acceptDownloads: true }, opts || {}));
  page.errors = [];
  page.foreign = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    // The browser's own favicon.ico request is not ours.
    if (m.type() === 'error' && !/favicon\.ico$/.test(m.location().url || '')) page.errors.push(m.text());
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!/^(blob|data):/.test(url) && !origins.some((o) => url.startsWith(o))) page.foreign.push(url);
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  return page;
}

async function typeInCell(page, id, text) {
  await page.locator(`[data-cell="${id}"]`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

test('module API: under hostile portal CSS the form renders, takes typing and shows a finding; the portal is untouched', async () => {
  const page = await newPage([server.url]);
  await page.goto(server.url + 'module.html');
  const hostBefore = await page.evaluate(() => {
    const s = getComputedStyle(document.getElementById('host-p'));
    return { color: s.color, font: s.fontFamily, table: getComputedStyle(document.getElementById('host-table')).display };
  });
  await page.locator('#xxgk-report .xr-root[data-ready="true"]').waitFor({ state: 'attached' });
  await page.waitForFunction(() => !document.querySelector('#xxgk-report').shadowRoot.querySelector('.xr-root').hidden);

  // The tables are laid out as tables and the inputs are visible, despite `table, input {display: none}` outside.
  const inside = await page.evaluate(() => {
    const root = document.querySelector('#xxgk-report').shadowRoot;
    const table = root.querySelector('table.report-table');
    const input = root.querySelector('[data-cell="s3.new.natural"]');
    return {
      table: getComputedStyle(table).display,
      input: getComputedStyle(input).display,
      width: input.getBoundingClientRect().width,
      font: getComputedStyle(root.querySelector('.xr-root')).fontFamily,
      spacing: getComputedStyle(root.querySelector('.xr-root')).letterSpacing,
    };
  });
  assert.equal(inside.table, 'table');
  assert.notEqual(inside.input, 'none');
  assert.ok(inside.width > 20, 'the cell input has a width');
  assert.match(inside.font, /YaHei/);
  assert.equal(inside.spacing, 'normal');

  // Locked agency fields from the snippet.
  const name = page.locator('#xxgk-report [data-field="agency.name"]');
  assert.equal(await name.inputValue(), '通榆县边昭镇人民政府');
  assert.equal(await name.getAttribute('readonly'), '');

  await typeInCell(page, 's3.new.natural', '１２件');
  await typeInCell(page, 's3.new.business', 'abc');
  assert.equal(await page.locator('#xxgk-report [data-cell="s3.new.natural"]').inputValue(), '12');
  await page.locator('#xxgk-report td:has([data-cell="s3.new.business"]) [data-code="V001"]').waitFor({ state: 'attached' });
  await page.locator('#xxgk-report #summary [data-code="V001"]').waitFor();
  // onChange ran (the snippet writes the count into the title).
  assert.match(await page.title(), /^报告有 \d+ 条检查结果$/);

  const hostAfter = await page.evaluate(() => {
    const s = getComputedStyle(document.getElementById('host-p'));
    return { color: s.color, font: s.fontFamily, table: getComputedStyle(document.getElementById('host-table')).display };
  });
  assert.deepEqual(hostAfter, hostBefore, 'the portal\'s own styles are unchanged');

  // The rest of the API, and the handle.
  const api = await page.evaluate(async (seed) => {
    const m = await import('/xxgk/xxgk-report.js');
    const broken = JSON.parse(seed);
    broken.year = 'abc';
    let badJson = null;
    try { m.validate('{"format": 1'); } catch (e) { badJson = e.message; }
    const report = window.xxgkForm.getReport();
    window.xxgkForm.setReport(seed);
    return {
      rules: m.rules().length,
      codes: m.rules().map((r) => r.code).includes('A001'),
      layouts: m.layouts().map((l) => l.id),
      seedFindings: m.validate(seed).map((f) => f.code),
      badJson,
      typed: report.agency.name,
      afterSet: window.xxgkForm.getReport().agency.name,
      destroyed: (() => { window.xxgkForm.destroy(); return document.getElementById('xxgk-report').shadowRoot.childNodes.length; })(),
    };
  }, SEED_JSON);
  assert.ok(api.rules > 5 && api.codes);
  assert.deepEqual(api.layouts, ['s2', 's3', 's4']);
  assert.ok(Array.isArray(api.seedFindings));
  assert.match(api.badJson, /[\u4e00-\u9fff]/, 'a Chinese message for bad JSON');
  assert.equal(api.typed, '通榆县边昭镇人民政府');
  assert.equal(api.afterSet, '通榆县边昭镇人民政府', 'the locked name survives setReport');
  assert.equal(api.destroyed, 0, 'destroy() empties the shadow root');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.foreign, []);
  await page.close();
});

test('script tag: window.XxgkReport.ready mounts the form; a CSP that blocks WebAssembly rejects it in Chinese', async () => {
  const page = await newPage([server.url]);
  await page.goto(server.url + 'script-tag.html');
  await page.locator('#xxgk-report .xr-root[data-ready="true"]').waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => typeof window.XxgkReport.ready.then), 'function');
  await typeInCell(page, 's3.new.business', 'abc');
  await page.locator('#xxgk-report #summary [data-code="V001"]').waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();

  const blocked = await browser.newPage({ bypassCSP: false });
  await blocked.route('**/script-tag.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: Object.assign({}, response.headers(), { 'content-security-policy': "script-src 'self' 'unsafe-inline'" }) });
  });
  await blocked.goto(server.url + 'script-tag.html');
  await blocked.waitForFunction(() => document.getElementById('xxgk-report').textContent.length > 0);
  assert.match(await blocked.locator('#xxgk-report').textContent(), /安全策略.*wasm-unsafe-eval/);
  await blocked.close();
});

async function frameMessages(page) {
  await page.addInitScript(() => {
    window.__frameMessages = [];
    window.addEventListener('message', (e) => window.__frameMessages.push({ origin: e.origin, type: e.data && e.data.type, height: e.data && e.data.height }));
  });
}

test('iframe (sandboxed): resize and ready messages, the initial report by postMessage, and a download', async () => {
  const page = await newPage([server.url]);
  await frameMessages(page);
  await page.goto(server.url + 'iframe.html');
  const frame = page.frameLocator('#xxgk-frame');
  await frame.locator('[data-field="agency.name"]').waitFor();
  await page.waitForFunction((name) => {
    const f = document.getElementById('xxgk-frame').contentDocument;
    const input = f && f.querySelector('[data-field="agency.name"]');
    return input && input.value === name;
  }, SEED.agency.name);
  assert.equal(await page.locator('#xxgk-frame').getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-downloads');

  // The frame is as tall as its content: no inner scrollbar.
  await page.waitForFunction(() => {
    const f = document.getElementById('xxgk-frame');
    const inner = f.contentDocument.documentElement.getBoundingClientRect().height;
    return f.getBoundingClientRect().height > 1000 && Math.abs(f.getBoundingClientRect().height - Math.ceil(inner)) <= 1;
  });
  const types = await page.evaluate(() => window.__frameMessages.map((m) => m.type));
  for (const t of ['xxgk-report:ready', 'xxgk-report:resize', 'xxgk-report:loaded']) assert.ok(types.includes(t), t);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    fromMenu(frame, 'download-json'),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.agency.name, SEED.agency.name);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.foreign, []);
  await page.close();
});

/** A portal page (on any server) that frames the form at `src` and records every message it gets. */
function framingPage(src) {
  return portalPage(`<iframe id="xxgk-frame" src="${src}" title="年度报告" width="1200" height="900"></iframe>
<script>
  window.__got = [];
  window.addEventListener('message', function (e) { window.__got.push({ origin: e.origin, data: e.data }); });
  window.sendToFrame = function (message) { document.getElementById('xxgk-frame').contentWindow.postMessage(message, '*'); };
</script>`, { plain: true });
}

test('iframe from another origin: only an origin named in embed/config.json gets messages; load asks before replacing, change only when subscribed', async () => {
  const frameSrc = otherServer.url + 'xxgk/index.html';
  fs.writeFileSync(`${site}/portal.html`, framingPage(frameSrc));
  const page = await newPage([server.url, otherServer.url]);
  await page.goto(server.url + 'portal.html');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => window.__got.some((m) => m.data.type === 'xxgk-report:ready'));
  const origins = await page.evaluate(() => window.__got.map((m) => m.origin));
  assert.ok(origins.every((o) => o === new URL(otherServer.url).origin));

  // A blank form takes the report at once.
  await page.evaluate((report) => window.sendToFrame({ type: 'xxgk-report:load', report }), SEED_JSON);
  await page.waitForFunction(() => window.__got.some((m) => m.data.type === 'xxgk-report:loaded'));
  assert.equal(await frame.locator('[data-field="agency.name"]').inputValue(), SEED.agency.name);

  // No report goes out on typing unless the portal subscribed; then counts only, debounced.
  await frame.locator('[data-cell="s3.new.natural"]').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('77');
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => window.__got.filter((m) => m.data.type === 'xxgk-report:change').length), 0);
  await page.evaluate(() => window.sendToFrame({ type: 'xxgk-report:subscribe' }));
  await page.waitForFunction(() => window.__got.some((m) => m.data.type === 'xxgk-report:change'));
  await page.evaluate(() => { window.__got = []; });
  await frame.locator('[data-cell="s3.new.business"]').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('123');
  await page.waitForFunction(() => window.__got.some((m) => m.data.type === 'xxgk-report:change'));
  await page.waitForTimeout(700);
  const changes = await page.evaluate(() => window.__got.filter((m) => m.data.type === 'xxgk-report:change').map((m) => m.data));
  assert.equal(changes.length, 1, 'three keystrokes, one debounced change message');
  assert.equal(changes[0].report, undefined, 'no report unless asked for');
  assert.ok(changes[0].counts.errors > 0);
  await page.evaluate(() => window.sendToFrame({ type: 'xxgk-report:get' }));
  await page.waitForFunction(() => window.__got.some((m) => m.data.type === 'xxgk-report:report'));
  const got = await page.evaluate(() => window.__got.find((m) => m.data.type === 'xxgk-report:report').data);
  assert.equal(got.report.cells['s3.new.business'], 123);

  // Replacing a filled-in report asks the clerk; 取消 keeps it and answers with an error.
  const other = JSON.parse(SEED_JSON);
  other.cells['s3.new.business'] = 5;
  await page.evaluate((report) => window.sendToFrame({ type: 'xxgk-report:load', report }), JSON.stringify(other));
  const dialog = frame.getByRole('dialog');
  await dialog.getByText('用门户网站传来的报告替换当前内容？').waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.waitForFunction(() => window.__got.some((m) => m.data.type === 'xxgk-report:error'));
  assert.equal(await frame.locator('[data-cell="s3.new.business"]').inputValue(), '123');

  // The same portal in a second tab shows the draft read-only, and refuses a load there.
  const second = await page.context().newPage();
  await second.goto(server.url + 'portal.html');
  const frame2 = second.frames().find((f) => f !== second.mainFrame());
  await frame2.getByRole('dialog').getByRole('button', { name: '只读查看' }).click();
  assert.equal(await frame2.locator('[data-cell="s3.new.business"]').inputValue(), '123');
  await second.evaluate((report) => window.sendToFrame({ type: 'xxgk-report:load', report }), JSON.stringify(other));
  await second.waitForFunction(() => window.__got.some((m) => m.data.type === 'xxgk-report:error'));
  const refusal = await second.evaluate(() => window.__got.find((m) => m.data.type === 'xxgk-report:error').data.message);
  assert.match(refusal, /只读/);
  assert.equal(await frame2.locator('[data-cell="s3.new.business"]').inputValue(), '123');
  await second.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a hostile parent on another origin can neither read nor overwrite the clerk\'s draft', async () => {
  const stranger = await startServer(site);
  const frameSrc = otherServer.url + 'xxgk/index.html';
  fs.writeFileSync(`${site}/hostile.html`, framingPage(frameSrc));
  try {
    const context = await browser.newContext();
    // The clerk's own draft, in the page opened directly.
    const clerk = await context.newPage();
    await clerk.goto(frameSrc);
    await clerk.waitForSelector('body[data-ready="true"]');
    await clerk.locator('[data-field="agency.name"]').fill('通榆县边昭镇人民政府');
    await clerk.locator('[data-cell="s3.new.natural"]').fill('42');
    await clerk.locator('#save-status', { hasText: '草稿已保存' }).waitFor();
    await clerk.close();

    // A site that is not in embed/config.json frames the form (same browser, same storage).
    const hostile = await context.newPage();
    await hostile.goto(stranger.url + 'hostile.html');
    const frame = hostile.frames().find((f) => f !== hostile.mainFrame());
    await frame.waitForSelector('body[data-ready="true"]');
    await frame.locator('[data-banner="frame"]').waitFor();
    assert.equal(await frame.locator('[data-field="agency.name"]').inputValue(), '', 'the draft is not shown in the frame');
    const forged = JSON.parse(SEED_JSON);
    forged.agency.name = '伪造的机关';
    await hostile.evaluate((report) => {
      window.sendToFrame({ type: 'xxgk-report:subscribe', report: true });
      window.sendToFrame({ type: 'xxgk-report:get' });
      window.sendToFrame({ type: 'xxgk-report:load', report });
    }, JSON.stringify(forged));
    // The clerk, misled, types into the framed form.
    await frame.locator('[data-cell="s3.new.natural"]').click();
    await hostile.keyboard.type('1');
    await hostile.waitForTimeout(1000);
    assert.deepEqual(await hostile.evaluate(() => window.__got), [], 'not one message reached the hostile page');
    assert.equal(await frame.locator('[data-field="agency.name"]').inputValue(), '', 'its report was not loaded');
    await hostile.close();

    // The clerk's draft is as it was.
    const again = await context.newPage();
    await again.goto(frameSrc);
    await again.waitForSelector('body[data-ready="true"]');
    assert.equal(await again.locator('[data-field="agency.name"]').inputValue(), '通榆县边昭镇人民政府');
    assert.equal(await again.locator('[data-cell="s3.new.natural"]').inputValue(), '42');
    const keys = await again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('xxgk-report/drafts/')));
    assert.ok(keys.length > 0 && keys.every((k) => k.startsWith('xxgk-report/drafts/v2/page/')), keys.join(' '));
    await context.close();
  } finally {
    await stranger.close();
    fs.rmSync(`${site}/hostile.html`, { force: true });
  }
});

test('an allowed portal framing the page does not see the draft of the page opened directly', async () => {
  const frameSrc = otherServer.url + 'xxgk/index.html';
  fs.writeFileSync(`${site}/portal2.html`, framingPage(frameSrc));
  const context = await browser.newContext();
  const clerk = await context.newPage();
  await clerk.goto(frameSrc);
  await clerk.waitForSelector('body[data-ready="true"]');
  await clerk.locator('[data-field="agency.name"]').fill('直接打开时的草稿');
  await clerk.locator('#save-status', { hasText: '草稿已保存' }).waitFor();
  const portal = await context.newPage();
  await portal.goto(server.url + 'portal2.html');
  const frame = portal.frames().find((f) => f !== portal.mainFrame());
  await frame.waitForSelector('body[data-ready="true"]');
  assert.equal(await frame.locator('[data-field="agency.name"]').inputValue(), '');
  assert.equal(await frame.locator('[data-banner="frame"]').count(), 0);
  await context.close();
});

test('single file: opens from file:// with every network request blocked, and checks as you type', async () => {
  const page = await newPage(['file://']);
  const attempted = [];
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    attempted.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(dist.single).href);
  await page.waitForSelector('body[data-ready="true"]');
  await typeInCell(page, 's3.new.natural', '１２件');
  await typeInCell(page, 's3.new.business', 'abc');
  assert.equal(await page.locator('[data-cell="s3.new.natural"]').inputValue(), '12');
  await page.locator('#summary [data-code="V001"]').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), fromMenu(page, 'download-csv')]);
  assert.match(download.suggestedFilename(), /检查结果\.csv$/);
  // The documents module travels inline too: a Word file imports, offline.
  await page.locator('#import-file').setInputFiles(path.join(REPO, 'tests/fixtures/import/seed.docx'));
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '通榆县边昭镇');
  assert.ok(page.workers().length >= 1, 'read in a Web Worker started from the inline script');
  assert.deepEqual(attempted, []);
  assert.deepEqual(page.foreign, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('static folder under the strict CSP of the docs: page and script-tag embed, no violation, checks as you type', async () => {
  const strict = await startServer(site, { headers: { 'Content-Security-Policy': CSP } });
  try {
    for (const url of [strict.url + 'xxgk/index.html', strict.url + 'csp-host.html']) {
      const page = await newPage([strict.url]);
      await page.goto(url);
      const scope = url.endsWith('index.html') ? '' : '#xxgk-report ';
      if (scope) await page.locator('#xxgk-report .xr-root[data-ready="true"]').waitFor({ state: 'attached' });
      else await page.waitForSelector('body[data-ready="true"]');
      await typeInCell(page, 's3.new.business', 'abc');
      await page.locator(scope + '#summary [data-code="V001"]').waitFor();
      // Styles applied (a <link> in the shadow root is allowed by style-src 'self').
      assert.equal(await page.locator(scope + '.summary').evaluate((el) => getComputedStyle(el).borderTopStyle), 'solid');
      // A Word file is read in the Web Worker, which the same policy allows (worker-src falls back to 'self').
      await page.locator(scope + '#import-file').setInputFiles(path.join(REPO, 'tests/fixtures/import/seed.docx'));
      await page.locator(scope + '#notice', { hasText: '已导入' }).waitFor();
      assert.ok(page.workers().length >= 1, 'a Web Worker under the strict CSP');
      assert.deepEqual(await page.evaluate(() => window.__violations), [], url);
      assert.deepEqual(page.errors, [], url);
      assert.deepEqual(page.foreign, [], url);
      await page.close();
    }
  } finally {
    await strict.close();
  }
});

test('dist/static has a SHA256SUMS line for every file; server snippets map .wasm and send the CSP with frame-ancestors', () => {
  const sums = fs.readFileSync(`${dist.static}/SHA256SUMS`, 'utf8').trim().split('\n');
  const listed = sums.map((l) => l.split('  ')[1]);
  assert.ok(listed.includes('index.html') && listed.includes('pkg/xxgk_report_bg.wasm') && listed.includes('xxgk-report.js'));
  assert.ok(listed.includes('embed/config.json') && listed.includes('pkg/xxgk_documents_worker.js'));
  assert.ok(!listed.some((f) => f.startsWith('pkg/legacy/')), 'no legacy build');
  assert.ok(!listed.some((f) => f.startsWith('tools/')));
  for (const name of ['nginx', 'apache', 'iis', 'tomcat']) {
    assert.ok(snippets[name], name);
    assert.match(snippets[name], /application\/wasm/, name);
    if (name !== 'tomcat') assert.ok(snippets[name].includes(CSP), name + ' sends the CSP');
    assert.match(snippets[name], /frame-ancestors 'self'/, name + ' says who may frame the form');
  }
});
