// Importing the report an office already has: a Word file dropped on the page, a broken file,
// and a drop onto a page that already holds a report. Run: node --test tests/e2e/import.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, servePage } from './support/page-env.mjs';

const fixture = (name) => fs.readFileSync(path.join(REPO, 'tests/fixtures/import', name));

const env = servePage();

async function openPage() {
  const page = await env.browser.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Drops a file on the page as a person dragging it from the desktop would. */
async function dropFile(page, name, bytes, type) {
  const transfer = await page.evaluateHandle(({ name, data, type }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], name, { type }));
    return dt;
  }, { name, data: Array.from(bytes), type });
  for (const event of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('main', event, { dataTransfer: transfer });
  }
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('a Word file dropped on the page fills the form and is checked', async () => {
  const page = await openPage();
  await dropFile(page, '边昭镇2024年报.docx', fixture('seed.docx'), DOCX);
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  assert.equal(await page.locator('[data-field="year"]').inputValue(), '2024');
  assert.match(await page.locator('[data-field="agency.name"]').inputValue(), /通榆县边昭镇/);
  assert.equal(await page.locator('[data-cell="s3.new.natural"]').inputValue(), '0');
  assert.equal(await page.locator('[data-cell="s4.suit_after_review.total"]').inputValue(), '0');
  assert.match(await page.locator('[data-field="text.overview"]').inputValue(), /新郑/);
  // The seed's defects are found straight away.
  await page.locator('#summary [data-code="S002"]').first().waitFor();
  await page.locator('#summary [data-code="T004"]').waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a broken file gets a Chinese message and leaves what was typed untouched', async () => {
  const page = await openPage();
  const name = page.locator('[data-field="agency.name"]');
  await name.fill('某某县人民政府');
  await name.press('Tab');
  await dropFile(page, '年报.docx', Buffer.from('%PDF-1.4 not a word file'), DOCX);
  const alert = page.getByRole('alertdialog').or(page.locator('[role="alert"]'));
  await alert.filter({ hasText: 'PDF' }).first().waitFor();
  assert.equal(await name.inputValue(), '某某县人民政府');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a drop of the same agency and year asks before replacing; another year goes into a draft of its own', async () => {
  const page = await openPage();
  const name = page.locator('[data-field="agency.name"]');
  await name.fill('通榆县边昭镇');
  await page.locator('[data-field="year"]').fill('2024');
  await page.locator('[data-field="year"]').press('Tab');
  await dropFile(page, 'seed.txt', fixture('seed.txt'), 'text/plain');
  const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'));
  await dialog.getByText('用导入的报告替换当前内容？').waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  assert.equal(await name.inputValue(), '通榆县边昭镇');
  assert.equal(await page.locator('[data-field="text.overview"]').inputValue(), '');
  await dropFile(page, 'seed.txt', fixture('seed.txt'), 'text/plain');
  await dialog.getByRole('button', { name: '替换为导入的报告' }).click();
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  assert.match(await page.locator('[data-field="text.overview"]').inputValue(), /新郑/);

  // Another year: no question, nothing lost; the report typed so far stays among the drafts.
  await page.locator('[data-field="year"]').fill('2023');
  await page.locator('[data-field="year"]').press('Tab');
  await page.locator('#save-status', { hasText: '草稿已保存' }).waitFor();
  await dropFile(page, 'seed.txt', fixture('seed.txt'), 'text/plain');
  await page.locator('#notice', { hasText: '仍保存在「本机草稿」中' }).waitFor();
  assert.equal(await page.locator('[data-field="year"]').inputValue(), '2024');
  assert.equal(await dialog.count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Puts a text file made in the page (`lines` × `line`) on the file input, as choosing it would. */
async function chooseMadeFile(page, name, line, lines) {
  await page.evaluate(({ name, line, lines }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([line.repeat(lines)], name, { type: 'text/plain' }));
    const input = document.getElementById('import-file');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
  }, { name, line, lines });
}

test('a huge file is read in a Web Worker: the page keeps checking what the clerk types, and 取消导入 stops the reading', async () => {
  const page = await openPage();
  // 19 MB of one heading over and over: seconds of work for the reader.
  const line = '二、主动公开政府信息情况\n';
  const lines = Math.floor(19e6 / Buffer.byteLength(line));
  await chooseMadeFile(page, '巨大的文件.txt', line, lines);
  await page.locator('#notice', { hasText: '正在读取「巨大的文件.txt」' }).waitFor();
  // While it is read, typing is checked at once.
  const t0 = Date.now();
  const input = page.locator('[data-cell="s3.new.business"]');
  await input.click();
  await page.keyboard.type('abc');
  await page.keyboard.press('Tab');
  await page.locator('#summary [data-code="V001"]').waitFor();
  const responsive = Date.now() - t0;
  assert.ok(await page.locator('#notice', { hasText: '正在读取' }).count() === 1, 'still reading while the page answered');
  // What was typed meanwhile is not replaced without asking.
  const dialog = page.getByRole('dialog');
  await dialog.getByText('用导入的报告替换当前内容？').waitFor({ timeout: 60000 });
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.locator('#notice', { hasText: '已取消导入，当前内容没有改变' }).waitFor();
  assert.equal(await input.inputValue(), 'abc');
  assert.ok(responsive < 2000, `the page answered in ${responsive} ms while the file was read`);
  assert.ok(page.workers().length >= 1, 'the reading ran in a Web Worker');

  // Again, and cancel it.
  await chooseMadeFile(page, '又一个巨大的文件.txt', line, lines);
  await page.getByRole('button', { name: '取消导入' }).click();
  await page.locator('#notice', { hasText: '已取消导入「又一个巨大的文件.txt」' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('where a CSP forbids Web Workers, a Word file is still read (in the page)', async () => {
  const { startServer } = await import('./support/server.mjs');
  const strict = await startServer(path.join(REPO, 'www'), { headers: {
    'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'; style-src 'self'",
  } });
  try {
    const page = await env.browser.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(strict.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('#import-file').setInputFiles(path.join(REPO, 'tests/fixtures/import/seed.docx'));
    await page.locator('#notice', { hasText: '已导入' }).waitFor();
    assert.match(await page.locator('[data-field="agency.name"]').inputValue(), /通榆县边昭镇/);
    assert.equal(page.workers().length, 0);
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    await strict.close();
  }
});
