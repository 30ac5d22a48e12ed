// The error summary when a clerk starts on an empty form: one number typed into an empty table
// must not bury the other findings under a line per empty cell. Run: node --test tests/e2e/summary.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servePage } from './support/page-env.mjs';

const env = servePage();

test('empty cells of one table are summed up after the first three, and each cell keeps its message', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const first = page.locator('[data-cell="s3.new.natural"]');
  await first.click();
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  const empty = page.locator('#summary [data-code="V002"]');
  await empty.first().waitFor();
  assert.equal(await empty.count(), 3, 'three empty cells of table 三 are listed one by one');
  const last = await empty.nth(2).textContent();
  assert.match(last, /同一表格中另有 \d+ 个单元格未填写/);
  const title = await page.locator('#summary-title').textContent();
  assert.match(title, /17\d 个错误/, 'the count still counts every empty cell: ' + title);
  // A cell the clerk passed through, leaving it empty, is marked with its own message.
  await page.keyboard.press('Tab');
  await page.locator('td:has([data-cell="s3.new.business"]) [data-code="V002"]').waitFor({ state: 'attached' });
  await page.close();
});
