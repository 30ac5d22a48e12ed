// The page as a clerk uses it, in current Chromium: type, tab, read the findings, paste, reload,
// download and import. Needs www/pkg (./build.sh build). Run: node --test tests/e2e/page.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, servePage, openReady, fromMenu } from './support/page-env.mjs';
import { startServer } from './support/server.mjs';

const SEED = path.join(REPO, 'tests/fixtures/seed.json');

const env = servePage();
const foreignRequests = [];

function watchRequests(page) {
  const origin = new URL(env.server.url).origin;
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('blob:') && !url.startsWith('data:')) foreignRequests.push(url);
  });
}

const openPage = (context) => openReady(env, { context, watch: watchRequests });

const cell = (page, id) => page.locator(`[data-cell="${id}"]`);
const cellMessage = (page, id, code) => page.locator(`td:has([data-cell="${id}"]) [data-code="${code}"]`);
const summaryItem = (page, code) => page.locator(`#summary [data-code="${code}"]`);

async function importSeed(page) {
  await page.locator('#import-file').setInputFiles(SEED);
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
}

async function typeInto(page, id, text) {
  const input = cell(page, id);
  await input.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('breaking the printed balance of 自然人 shows A001 in the summary and at the cell, and fixing it clears both', async () => {
  const page = await openPage();
  await importSeed(page);
  assert.equal(await summaryItem(page, 'A001').count(), 0);
  const original = await cell(page, 's3.new.natural').inputValue();

  await typeInto(page, 's3.new.natural', String(Number(original) + 5));
  await page.keyboard.press('Tab');
  await summaryItem(page, 'A001').first().waitFor();
  assert.match(await summaryItem(page, 'A001').first().innerText(), /自然人/);
  await cellMessage(page, 's3.new.natural', 'A001').waitFor({ state: 'attached' });
  assert.equal(await cell(page, 's3.new.natural').getAttribute('aria-invalid'), 'true');
  const describedBy = await cell(page, 's3.new.natural').getAttribute('aria-describedby');
  const message = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
  assert.ok(message.includes(await summaryItem(page, 'A001').first().locator('a').innerText()), 'same text at the cell');
  await page.locator('#findings-live', { hasText: /发现 \d+ 个错误/ }).waitFor({ state: 'attached' });

  // The mark clears on the keystroke that makes the column balance again.
  await cell(page, 's3.new.natural').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(original);
  assert.equal(await summaryItem(page, 'A001').count(), 0);
  assert.equal(await cellMessage(page, 's3.new.natural', 'A001').count(), 0);
  assert.equal(await cell(page, 's3.new.natural').getAttribute('aria-invalid'), null);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a summary link moves focus to its cell', async () => {
  const page = await openPage();
  await importSeed(page);
  await typeInto(page, 's4.review.upheld', '7');
  await page.keyboard.press('Tab');
  const link = summaryItem(page, 'A004').locator('a');
  await link.click();
  const focused = await page.evaluate(() => document.activeElement.getAttribute('data-cell'));
  assert.equal(focused, 's4.review.total');
  await page.close();
});

test('numbers as people type them: １２件 becomes 12, abc gets V001 at the cell', async () => {
  const page = await openPage();
  await typeInto(page, 's3.new.natural', '１２件');
  await page.keyboard.press('Tab');
  assert.equal(await cell(page, 's3.new.natural').inputValue(), '12');
  assert.equal(await cellMessage(page, 's3.new.natural', 'V001').count(), 0);

  await typeInto(page, 's3.new.business', 'abc');
  await page.keyboard.press('Tab');
  assert.equal(await cell(page, 's3.new.business').inputValue(), 'abc', 'never a silent 0');
  await cellMessage(page, 's3.new.business', 'V001').waitFor({ state: 'attached' });
  await summaryItem(page, 'V001').waitFor();
  await page.close();
});

test('arrow keys and Enter move between cells; a block pasted from Excel fills the cells', async () => {
  const context = await env.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.server.url).origin });
  const page = await openPage(context);
  await cell(page, 's3.granted.natural').click();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), 's3.partial.natural');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), 's3.denied.state_secret.natural');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), 's3.denied.state_secret.business');

  await cell(page, 's3.granted.natural').click();
  await page.evaluate(() => navigator.clipboard.writeText('1\t2\t3\r\n4\t5\t6\r\n'));
  await page.keyboard.press('Control+V');
  const values = await page.evaluate(() => ['s3.granted.natural', 's3.granted.business', 's3.granted.research',
    's3.partial.natural', 's3.partial.business', 's3.partial.research', 's3.granted.nonprofit']
    .map((id) => document.querySelector(`[data-cell="${id}"]`).value));
  assert.deepEqual(values, ['1', '2', '3', '4', '5', '6', '']);
  await page.locator('#notice', { hasText: '已粘贴 6 个单元格' }).waitFor();
  await context.close();
});

test('自动计算合计 fills empty totals and asks before replacing a typed one', async () => {
  const page = await openPage();
  for (const [id, v] of [['s4.review.upheld', '1'], ['s4.review.corrected', '2'], ['s4.review.other', '0'], ['s4.review.pending', '0']]) {
    await typeInto(page, id, v);
  }
  await page.getByRole('button', { name: '自动计算合计' }).click();
  assert.equal(await cell(page, 's4.review.total').inputValue(), '3');
  await typeInto(page, 's4.review.total', '5');
  await page.getByRole('button', { name: '自动计算合计' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /现填「5」，计算得 3/);
  await dialog.getByRole('button', { name: '取消' }).click();
  assert.equal(await cell(page, 's4.review.total').inputValue(), '5');
  await page.close();
});

test('the draft survives a reload', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context);
  await page.locator('[data-field="agency.name"]').fill('通榆县边昭镇人民政府');
  await typeInto(page, 's3.new.natural', '3');
  await page.keyboard.press('Tab');
  await page.locator('#save-status', { hasText: '草稿已保存' }).waitFor();
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '通榆县边昭镇人民政府');
  assert.equal(await cell(page, 's3.new.natural').inputValue(), '3');
  await context.close();
});

test('a second tab does not silently take over the draft', async () => {
  const context = await env.browser.newContext();
  const first = await openPage(context);
  await first.locator('[data-field="agency.name"]').fill('第一个标签页');
  const second = await openPage(context);
  const dialog = second.getByRole('dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /另一个标签页/);
  await dialog.getByRole('button', { name: '只读查看' }).click();
  assert.equal(await second.locator('[data-field="agency.name"]').getAttribute('readonly'), '');
  assert.equal(await second.locator('[data-field="agency.name"]').inputValue(), '第一个标签页');
  await second.getByRole('button', { name: '在此标签页编辑' }).click();
  await first.locator('[data-banner="readonly"]').waitFor();
  assert.equal(await first.locator('[data-field="agency.name"]').getAttribute('readonly'), '');
  await context.close();
});

test('a failed import leaves the draft alone; a downloaded report imports into an empty page unchanged', async () => {
  const page = await openPage();
  await importSeed(page);
  const bad = path.join(os.tmpdir(), 'xxgk-bad.json');
  fs.writeFileSync(bad, '{"format": "xxgk-annual-report/2021", "cells": {"s3.nope": 1}}');
  await page.locator('#import-file').setInputFiles(bad);
  await page.locator('#alert', { hasText: '未能导入' }).waitFor();
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '通榆县边昭镇');

  await typeInto(page, 's3.new.natural', '1');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    fromMenu(page, 'download-json'),
  ]);
  assert.equal(download.suggestedFilename(), '通榆县边昭镇2024年政府信息公开工作年度报告.json');
  const saved = path.join(os.tmpdir(), download.suggestedFilename());
  await download.saveAs(saved);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    fromMenu(page, 'download-csv'),
  ]);
  const csvPath = path.join(os.tmpdir(), 'xxgk-findings.csv');
  await csv.saveAs(csvPath);
  const csvBytes = fs.readFileSync(csvPath);
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  assert.match(csvBytes.toString('utf8'), /A001/);

  const fresh = await openPage();
  await fresh.locator('#import-file').setInputFiles(saved);
  await fresh.locator('#notice', { hasText: '已导入' }).waitFor();
  const [again] = await Promise.all([
    fresh.waitForEvent('download'),
    fromMenu(fresh, 'download-json'),
  ]);
  const savedAgain = path.join(os.tmpdir(), 'xxgk-again.json');
  await again.saveAs(savedAgain);
  assert.equal(fs.readFileSync(savedAgain, 'utf8'), fs.readFileSync(saved, 'utf8'));
  assert.equal(await cell(fresh, 's3.new.natural').inputValue(), '1');
  await page.close();
  await fresh.close();
});

test('a crash inside WebAssembly keeps what the user typed and says so in Chinese', async () => {
  const page = await openPage();
  await page.locator('[data-field="agency.name"]').fill('崩溃测试机关');
  await typeInto(page, 's3.new.natural', '4');
  // The next edit panics inside WebAssembly, as a bug in the core would.
  await page.evaluate(async () => {
    const wasm = await import('./pkg/xxgk_report.js');
    const setCell = wasm.Session.prototype.setCell;
    wasm.Session.prototype.setCell = function () {
      wasm.Session.prototype.setCell = setCell;
      wasm.crashForTesting('测试崩溃');
    };
  });
  await typeInto(page, 's3.new.business', '2');
  await page.locator('[data-banner="crash"]', { hasText: '已自动恢复' }).waitFor();
  assert.match(await page.locator('[data-banner="crash"]').innerText(), /测试崩溃/);
  assert.equal(await cell(page, 's3.new.natural').inputValue(), '4');
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '崩溃测试机关');
  // Still checking after the recovery.
  await typeInto(page, 's3.new.research', 'x');
  await page.keyboard.press('Tab');
  await cellMessage(page, 's3.new.research', 'V001').waitFor({ state: 'attached' });
  await page.close();
});

test('under a strict CSP that allows WebAssembly the page works; one that blocks it gets a Chinese message', async () => {
  const strict = await startServer(path.join(REPO, 'www'), { headers: {
    'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'",
  } });
  const blocking = await startServer(path.join(REPO, 'www'), { headers: {
    'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'",
  } });
  try {
    const page = await env.browser.newPage();
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(strict.url);
    await page.waitForSelector('body[data-ready="true"]');
    await typeInto(page, 's3.new.natural', 'abc');
    await page.keyboard.press('Tab');
    await summaryItem(page, 'V001').waitFor();
    assert.deepEqual(violations, []);
    await page.goto(blocking.url);
    await page.locator('#boot', { hasText: '安全策略' }).waitFor();
    assert.match(await page.locator('#boot').innerText(), /wasm-unsafe-eval/);
    await page.close();
  } finally {
    await strict.close();
    await blocking.close();
  }
});

test('without WebAssembly (兼容模式) the page says how to switch to 极速模式', async () => {
  const page = await env.browser.newPage();
  // As in IE or 360's 兼容模式: no WebAssembly object at all.
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(env.server.url);
  await page.locator('#boot', { hasText: '极速模式' }).waitFor();
  assert.equal(await page.locator('#boot').getAttribute('role'), 'alert');
  await page.close();
});

test('the page runs inside an iframe', async () => {
  const page = await env.browser.newPage();
  await page.setContent(`<iframe title="年度报告" src="${env.server.url}" width="1200" height="800"></iframe>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  await frame.locator('[data-cell="s3.new.natural"]').click();
  await page.keyboard.type('abc');
  await page.keyboard.press('Tab');
  await frame.locator('#summary [data-code="V001"]').waitFor();
  await page.close();
});

test('no request left the page\'s own origin', () => {
  assert.deepEqual(foreignRequests, []);
});
