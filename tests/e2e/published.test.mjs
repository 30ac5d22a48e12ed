// Reports as they are published (issue 10, the page's side): a real WPS-exported PDF dropped on
// the page, a real portal page pasted from the clipboard (its text/html, as a selection copied in
// a browser gives it), a LibreOffice .doc and a saved web page chosen in 「导入报告文件」. Each fills
// the form with what the published report says; the notice says what was read and from where; each
// imported cell says where its value was read. Run: node --test tests/e2e/published.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, servePage } from './support/page-env.mjs';

const REAL = path.join(REPO, 'tests/fixtures/real');
const truth = (name) => JSON.parse(fs.readFileSync(path.join(REAL, name, 'truth.json'), 'utf8'));
const optional = (name) => new Set(JSON.parse(fs.readFileSync(path.join(REAL, name, 'expected.json'), 'utf8')).cells_optional || []);

const env = servePage();

async function openPage(options = {}) {
  const page = await env.browser.newPage(Object.assign({ viewport: { width: 1366, height: 768 } }, options));
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

// As tests/import_pdf.rs says: 表三 of the 洪泽区 PDF prints an empty cell between 「（七）总计」 and its
// numbers, which the table mapper cannot place yet (issue 10, item 6); the PDF reader gives the row as
// printed. The page shows what the core reads: the same cells stay empty, and nothing else may differ.
const AWAITING_MAPPER = { 'hongze-2024': ['natural', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => 's3.outcome_total.' + c) };

/** Every cell of truth.json (but those a reader may leave unfilled) as the form shows it. */
async function assertFilledAs(page, name) {
  const expected = truth(name);
  const skip = new Set([...optional(name), ...(AWAITING_MAPPER[name] || [])]);
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), expected.agency.name);
  assert.equal(await page.locator('[data-field="year"]').inputValue(), String(expected.year));
  const shown = await page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll('[data-cell]')).map((i) => [i.dataset.cell, i.value])));
  const wrong = Object.entries(expected.cells)
    .filter(([id]) => !skip.has(id))
    .filter(([id, value]) => shown[id] !== (value === null ? '' : String(value)))
    .map(([id, value]) => `${id}: ${JSON.stringify(shown[id])} ≠ ${value}`);
  assert.deepEqual(wrong, [], name);
}

test('dropping the real WPS-exported PDF fills the form; the notice names the pages; a cell says where it was read', async () => {
  const page = await openPage();
  const bytes = fs.readFileSync(path.join(REAL, 'hongze-2024/report.pdf'));
  const transfer = await page.evaluateHandle((b64) => {
    const binary = atob(b64);
    const data = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([data], '洪泽区2024年政府信息公开工作年度报告.pdf', { type: 'application/pdf' }));
    return dt;
  }, bytes.toString('base64'));
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('main', event, { dataTransfer: transfer });
  await page.locator('#notice', { hasText: /已导入|未能导入/ }).or(page.locator('#alert', { hasText: '未能导入' })).first().waitFor({ timeout: 30000 });
  assert.equal((await page.locator('#alert').innerText()).trim(), '', 'imported');
  await assertFilledAs(page, 'hongze-2024');
  const notice = await page.locator('#notice').innerText();
  assert.match(notice, /从PDF 文件第 \d+(–\d+)? 页读到 3 个统计表/, notice);
  assert.match(await page.locator('[data-cell="s3.new.natural"]').getAttribute('title'), /^读自原文件第 \d+ 页第 \d+ 行$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('pasting the real portal page (text/html from the clipboard) on the page fills the form', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.server.url).origin });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const html = fs.readFileSync(path.join(REAL, 'shuyang-fgj-2023/report.html'), 'utf8');
  await page.evaluate(async (html) => {
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob(['（网页的文字）'], { type: 'text/plain' }),
    })]);
  }, html);
  // As a person does: click on the page outside the fields, press Ctrl+V.
  await page.locator('.intro').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+V');
  await page.locator('#notice', { hasText: '已导入「粘贴的网页内容」' }).waitFor({ timeout: 30000 });
  await assertFilledAs(page, 'shuyang-fgj-2023');
  assert.match(await page.locator('#notice').innerText(), /从网页（HTML）的第 \d+(–\d+)? 个表格读到 3 个统计表/);
  assert.match(await page.locator('[data-cell="s2.normative.issued"]').getAttribute('title'), /^读自原文件第 \d+ 个表格第 \d+ 行第 \d+ 格$/);

  // Pasting into a field pastes as usual.
  await page.locator('[data-field="agency.address"]').fill('');
  await page.locator('[data-field="agency.address"]').focus();
  await page.keyboard.press('Control+V');
  assert.notEqual(await page.locator('[data-field="agency.address"]').inputValue(), '', 'pasted into the field');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('「导入报告文件」 offers .pdf, .html and .doc beside .docx, .txt and .json, and reads a LibreOffice .doc and .html', async () => {
  const first = await openPage();
  const accept = await first.locator('#import-file').getAttribute('accept');
  for (const ext of ['.pdf', '.html', '.htm', '.doc', '.wps', '.docx', '.txt', '.json']) assert.ok(accept.split(',').includes(ext), ext);
  await first.close();
  for (const file of ['lo-doc/seed.doc', 'lo-html/seed.html']) {
    const page = await openPage();
    await page.locator('#import-file').setInputFiles(path.join(REPO, 'tests/fixtures/import', file));
    await page.locator('#notice', { hasText: '已导入「seed.' }).waitFor({ timeout: 30000 });
    assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '通榆县边昭镇', file);
    assert.equal(await page.locator('[data-cell="s2.license.decisions"]').inputValue(), String(JSON.parse(fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'), 'utf8')).cells['s2.license.decisions']), file);
    assert.deepEqual(page.errors, [], file);
    await page.close();
  }
});
