// The clerk's page (issue 14) on the floor browser, Chromium 83 at 1366×768: the smoke part of
// clerk.test.mjs, driven with evaluate and the keyboard (no locators there).
// Run: node --test tests/e2e/clerk-c83.test.mjs (needs www/pkg: ./build.sh build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { launchChromium83 } from './support/browsers.mjs';
import { REPO, servePage, openReady } from './support/page-env.mjs';
import { chooseFile } from './support/files.mjs';
import { onScreen } from './support/geometry.mjs';

const SEED = fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'));
const env = servePage(launchChromium83);

const openPage = () => openReady(env, { viewport: { width: 1366, height: 768 } });

const noticeSays = (page, text) => page.waitForFunction((t) => document.getElementById('notice').textContent.includes(t), text, { timeout: 30000 });

async function typeInCell(page, id, text) {
  await page.evaluate((id) => { const i = document.querySelector(`[data-cell="${id}"]`); i.scrollIntoView({ block: 'center' }); i.focus(); i.select(); }, id);
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

test('Chromium 83: one slim toolbar row, tables without sideways or inner scrolling, a focus ring on 「导入报告文件…」', async () => {
  const page = await openPage();
  const layout = await page.evaluate(() => ({
    toolbar: document.querySelector('.toolbar').getBoundingClientRect().height,
    wraps: Array.from(document.querySelectorAll('.table-wrap')).map((w) => [w.scrollWidth - w.clientWidth, w.scrollHeight - w.clientHeight]),
    counts: document.getElementById('toolbar-counts').textContent,
  }));
  assert.ok(layout.toolbar < 60, `toolbar ${layout.toolbar}px tall`);
  assert.deepEqual(layout.wraps, [[0, 0], [0, 0], [0, 0]], 'no scrolling in 二, 三, 四 (二 used to scroll for 1 px)');
  assert.match(layout.counts, /尚有 200 格未填/);
  let id = null;
  for (let i = 0; i < 10 && id !== 'import-button'; i++) {
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => document.activeElement.id);
  }
  assert.equal(id, 'import-button');
  assert.match(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle + getComputedStyle(document.activeElement).outlineWidth), /solid3px/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Chromium 83: the message of a broken cell in the last rows of 三 is wholly on screen; the shared cell is named', async () => {
  const page = await openPage();
  await chooseFile(page, 'seed.json', SEED);
  await noticeSays(page, '已导入');
  await typeInCell(page, 's3.new.natural', '5');
  for (const id of ['s3.outcome_total.natural', 's3.carried_out.natural']) {
    await page.evaluate((id) => { const i = document.querySelector(`[data-cell="${id}"]`); i.scrollIntoView({ block: 'end' }); i.focus(); }, id);
    await page.waitForFunction((id) => { const p = document.getElementById('cell-popover'); return !p.hidden && p.getAttribute('data-for') === id; }, id);
    await page.waitForTimeout(50);
    const where = await onScreen(page, '#cell-popover');
    assert.deepEqual(where.problems, [], id + ': ' + where.problems.join('; '));
  }
  const named = await page.evaluate(() => {
    const s = document.querySelector('#summary .summary-suspect');
    return { text: s && s.textContent, strong: document.querySelectorAll('td.sum-suspect').length };
  });
  assert.match(named.text, /本年新收政府信息公开申请数量（自然人）/);
  assert.equal(named.strong, 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Chromium 83 (issue 15): 修正 at the cell and in the summary, 撤销, Ctrl+Z, 全部安全修正', async () => {
  const page = await openPage();
  await chooseFile(page, 'seed.json', SEED);
  await noticeSays(page, '已导入');
  const id = 's3.granted.natural';
  const value = () => page.evaluate((id) => document.querySelector(`[data-cell="${id}"]`).value, id);
  const fixNotice = () => page.evaluate(() => { const n = document.getElementById('fix-notice'); return n.hidden ? '' : n.textContent; });
  await typeInCell(page, id, '3');
  // The cell's 修正: Tab from the cell reaches it in the popover, Enter makes it.
  await page.evaluate((id) => { const i = document.querySelector(`[data-cell="${id}"]`); i.scrollIntoView({ block: 'center' }); i.focus(); }, id);
  await page.waitForFunction(() => document.querySelector('#cell-popover button[data-fix]') !== null);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '将（一）予以公开（自然人）改为 0');
  await page.keyboard.press('Enter');
  assert.equal(await value(), '0');
  assert.match(await fixNotice(), /已修正/);
  await page.keyboard.press('Control+z');
  assert.equal(await value(), '3', 'Ctrl+Z on the fixed cell right after the fix');
  // 修正 in the summary, then 撤销.
  await page.evaluate(() => document.querySelector('#summary .summary-suspect button[data-fix]').click());
  assert.equal(await value(), '0');
  await page.evaluate(() => document.getElementById('fix-undo').click());
  assert.equal(await value(), '3');
  await typeInCell(page, id, '0');
  // 全部安全修正: the two heading numbers and the regulation's name.
  await page.evaluate(() => document.getElementById('apply-safe-fixes').click());
  assert.match(await fixNotice(), /已完成 3 处安全修正/);
  const left = await page.evaluate(() => Array.from(document.querySelectorAll('#summary .summary-item[data-code]')).map((li) => li.dataset.code).sort());
  assert.deepEqual(left, ['T003', 'T003', 'T004', 'T008', 'T009']);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Chromium 83: typing table 四 cell by cell shows no V002 error; a GBK .txt imports', async () => {
  const page = await openPage();
  const ids = await page.evaluate(() => Array.from(document.querySelectorAll('.t-s4 [data-cell]')).map((i) => i.dataset.cell));
  for (const id of ids.slice(0, 14)) {
    await typeInCell(page, id, '0');
    const errors = await page.evaluate(() => document.querySelectorAll('#summary [data-code="V002"], td.has-error').length);
    assert.equal(errors, 0, 'after ' + id);
  }
  await page.close();

  const gbk = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', path.join(REPO, 'tests/fixtures/import/seed.txt')]);
  assert.equal(gbk.status, 0);
  const fresh = await openPage();
  await chooseFile(fresh, '年度报告.txt', gbk.stdout);
  await noticeSays(fresh, '已导入');
  assert.equal(await fresh.evaluate(() => document.querySelector('[data-field="agency.name"]').value), '通榆县边昭镇');
  assert.deepEqual(fresh.errors, []);
  await fresh.close();
});

test('Chromium 83: the real WPS-exported PDF imports; the notice says from which pages', async () => {
  const page = await openPage();
  await chooseFile(page, '洪泽区2024年报告.pdf', fs.readFileSync(path.join(REPO, 'tests/fixtures/real/hongze-2024/report.pdf')));
  await noticeSays(page, '已导入');
  const state = await page.evaluate(() => ({
    name: document.querySelector('[data-field="agency.name"]').value,
    cell: document.querySelector('[data-cell="s2.license.decisions"]').value,
    notice: document.getElementById('notice').textContent,
  }));
  assert.equal(state.name, '淮安市洪泽区人民政府');
  assert.equal(state.cell, '9487');
  assert.match(state.notice, /从PDF 文件第 \d+(–\d+)? 页读到 3 个统计表/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
