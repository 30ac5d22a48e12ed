// 本机草稿: drafts kept by agency and year, listed, opened and deleted as a clerk would; the single
// draft slot of the earlier version is moved in. Run: node --test tests/e2e/drafts.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { REPO, servePage } from './support/page-env.mjs';

const SEED = path.join(REPO, 'tests/fixtures/seed.json');
const env = servePage();

async function openPage(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const rows = (page) => page.locator('#drafts-table tbody tr');
const rowOf = (page, name) => rows(page).filter({ hasText: name });

test('two reports of two agencies are two drafts: listed, opened, deleted; neither overwrites the other', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await page.locator('[data-field="agency.name"]').fill('洮南市民政局');
  await page.locator('[data-field="year"]').fill('2023');
  await page.locator('[data-cell="s3.new.natural"]').fill('8');
  await page.locator('#save-status', { hasText: '草稿已保存' }).waitFor();

  // A second report (another agency and year) comes in: the first stays as it was.
  await page.locator('#import-file').setInputFiles(SEED);
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  assert.match(await page.locator('#notice').innerText(), /原来的草稿「洮南市民政局」仍保存在「本机草稿」中/);
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '通榆县边昭镇');
  await page.locator('#save-status', { hasText: '草稿已保存' }).waitFor();

  await page.getByRole('button', { name: '本机草稿' }).click();
  await page.locator('#drafts-table').waitFor();
  assert.equal(await rows(page).count(), 2);
  assert.match(await rowOf(page, '通榆县边昭镇').innerText(), /2024 年[\s\S]*正在编辑|正在编辑[\s\S]*2024 年/);
  assert.match(await rowOf(page, '洮南市民政局').innerText(), /2023 年/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'drafts-title', 'focus moves to the list');

  // Open the first one: the form shows it, as it was typed.
  await rowOf(page, '洮南市民政局').getByRole('button', { name: '打开' }).click();
  await page.locator('#report-form').waitFor();
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '洮南市民政局');
  assert.equal(await page.locator('[data-cell="s3.new.natural"]').inputValue(), '8');
  assert.equal(await page.locator('[data-cell="s3.new.business"]').inputValue(), '');

  // After a reload the tab goes on with the draft it had open.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '洮南市民政局');

  // Delete the other one, after saying yes.
  await page.getByRole('button', { name: '本机草稿' }).click();
  await rowOf(page, '通榆县边昭镇').getByRole('button', { name: '删除' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('删除草稿「通榆县边昭镇 · 2024 年」？').waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  assert.equal(await rows(page).count(), 2);
  await rowOf(page, '通榆县边昭镇').getByRole('button', { name: '删除' }).click();
  await dialog.getByRole('button', { name: '删除草稿' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#drafts-table tbody tr').length === 1);
  assert.equal(await rowOf(page, '洮南市民政局').count(), 1);

  // A new blank report is a third draft once something is typed in it.
  await page.getByRole('button', { name: '新建空白报告' }).click();
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '');
  await page.locator('[data-field="agency.name"]').fill('白城市教育局');
  await page.locator('#save-status', { hasText: '草稿已保存' }).waitFor();
  await page.getByRole('button', { name: '本机草稿' }).click();
  assert.equal(await rows(page).count(), 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('typing the agency and year of another draft keeps both and says so', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context);
  await page.locator('#import-file').setInputFiles(SEED);
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  await page.getByRole('button', { name: '本机草稿' }).click();
  await page.getByRole('button', { name: '新建空白报告' }).click();
  await page.locator('[data-field="agency.name"]').fill('通榆县边昭镇');
  await page.locator('[data-field="year"]').fill('2024');
  await page.locator('[data-banner="duplicate"]', { hasText: '本机还有一份「通榆县边昭镇 · 2024 年」的草稿' }).waitFor();
  await page.locator('[data-banner="duplicate"]').getByRole('button', { name: '打开那份草稿' }).click();
  assert.match(await page.locator('[data-field="text.overview"]').inputValue(), /新郑/);
  await context.close();
});

test('the one draft of the earlier version is moved into 本机草稿 and opened', async () => {
  const context = await env.browser.newContext();
  const seed = JSON.parse(await (await import('node:fs')).promises.readFile(SEED, 'utf8'));
  await context.addInitScript((json) => {
    if (!sessionStorage.getItem('planted')) {
      sessionStorage.setItem('planted', '1');
      localStorage.setItem('xxgk-report/draft/v1', JSON.stringify({ json, touched: ['s3.new.natural'], savedAt: Date.now() - 86400000 }));
    }
  }, JSON.stringify(seed));
  const page = await openPage(context);
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '通榆县边昭镇');
  await page.locator('#notice', { hasText: '已恢复本机保存的草稿' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('xxgk-report/draft/v1')), null, 'the old slot is gone');
  await page.getByRole('button', { name: '本机草稿' }).click();
  assert.equal(await rows(page).count(), 1);
  assert.match(await rows(page).first().innerText(), /通榆县边昭镇[\s\S]*2024 年/);
  await context.close();
});
