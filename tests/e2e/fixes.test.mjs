// Issue 15 in the page, as a clerk uses it at 1366×768 in current Chromium: one wrong number in
// table 三 of a real report → the suspect cell named in the summary and at the cell; 「修正」 fixes
// it; 「撤销」 and Ctrl+Z take it back, and the draft follows; 「全部安全修正」 on the seed fixes the
// headings and the regulation's name and nothing else; several equally small fixes are each a
// button; a 「已核实」 warning survives reload and a JSON round trip and lapses when its text
// changes; errors of the A and V rules offer no 已核实.
// Run: node --test tests/e2e/fixes.test.mjs (needs www/pkg: ./build.sh build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, servePage, openReady, fromMenu } from './support/page-env.mjs';

const SEED = fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'), 'utf8');
// The real 洪泽区 2024 report (a district: every row of 三 has numbers), as tests/fixes.rs uses it.
const HONGZE = fs.readFileSync(path.join(REPO, 'tests/fixtures/fixes/hongze-2024.json'), 'utf8');

const env = servePage();

const openPage = (context) => openReady(env, { context, viewport: { width: 1366, height: 768 } });

async function importText(page, text, name = 'report.json') {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
  await page.locator('#notice, #alert').filter({ hasText: /已导入|未能导入/ }).first().waitFor();
}

const cell = (page, id) => page.locator(`[data-cell="${id}"]`);

async function typeInto(page, id, text) {
  await cell(page, id).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function downloadJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), fromMenu(page, 'download-json')]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

const codes = (page) => page.evaluate(() => Array.from(document.querySelectorAll('#summary .summary-item[data-code]:not(.summary-is-reviewed)')).map((li) => li.dataset.code));

async function waitSaved(page) {
  // The draft is saved 250 ms after a change; a reload also saves on pagehide.
  await page.waitForTimeout(400);
}

test('one wrong number in 三: the suspect named in the summary and at the cell; 修正 fixes it, 撤销 and Ctrl+Z take it back, the draft follows', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context);
  await importText(page, HONGZE);
  assert.deepEqual((await codes(page)).filter((c) => c.startsWith('A')), [], 'the real report balances');
  const id = 's3.outcome_total.natural';
  const right = await cell(page, id).inputValue();
  const wrong = String(Number(right) + 1);
  await typeInto(page, id, wrong);

  // In the summary: the core's localization, with the fix that says what it does.
  const suspect = page.locator('#summary .summary-suspect');
  await suspect.waitFor();
  const said = await suspect.innerText();
  assert.match(said, new RegExp('最可能是（七）总计（自然人）填写有误：改为 ' + right));
  assert.match(said, /A001、A002、A003/);
  const fixInSummary = suspect.locator('button[data-fix]');
  assert.equal(await fixInSummary.count(), 1);
  assert.equal((await fixInSummary.innerText()).trim(), '将（七）总计（自然人）改为 ' + right);
  // The same fix is not repeated under A001, A002 and A003.
  assert.equal(await page.locator('#summary li[data-code^="A"] button[data-fix]').count(), 0);

  // At the cells: the suspect strongly, the other cells of the broken sums lightly or plainly.
  const marks = await page.evaluate((id) => ({
    strong: Array.from(document.querySelectorAll('td.sum-suspect [data-cell]')).map((i) => i.dataset.cell),
    others: document.querySelectorAll('td.sum-part, td.sum-total').length,
    own: document.querySelector(`[data-cell="${id}"]`).closest('td').className,
  }), id);
  assert.deepEqual(marks.strong, [id]);
  assert.ok(marks.others >= 10, 'the other cells of A001, A002 and A003 are marked: ' + marks.others);

  // At the cell: the popover names it and offers the fix; Tab reaches the button, Enter fixes.
  await cell(page, id).click();
  const popover = page.locator('#cell-popover');
  await popover.locator('.msg-suspect').waitFor();
  assert.match(await popover.locator('.msg-suspect').innerText(), new RegExp('改为 ' + right));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#cell-popover') !== null && document.activeElement.dataset.fix !== undefined), true, 'Tab from the cell lands on its 修正');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), id, 'Shift+Tab goes back to the cell');

  // 修正 in the summary.
  await fixInSummary.click();
  assert.equal(await cell(page, id).inputValue(), right);
  const notice = page.locator('#fix-notice');
  assert.match(await notice.innerText(), new RegExp('已修正：将（七）总计（自然人）改为 ' + right));
  assert.deepEqual((await codes(page)).filter((c) => c.startsWith('A')), [], 'every sum holds again');
  assert.equal(await page.locator('td.has-error').count(), 0);
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await cell(page, id).inputValue(), right, 'the draft saw the fix');

  // Fixed again after the reload (the undo of a fix belongs to the page that made it).
  await typeInto(page, id, wrong);
  await page.locator('#summary .summary-suspect button[data-fix]').click();
  assert.equal(await cell(page, id).inputValue(), right);

  // 撤销 in the notice.
  await page.locator('#fix-undo').click();
  assert.equal(await cell(page, id).inputValue(), wrong);
  assert.match(await page.locator('#fix-notice').innerText(), /已撤销/);
  assert.ok((await codes(page)).includes('A001'), 'the broken sums are back');
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await cell(page, id).inputValue(), wrong, 'the draft saw the undo');

  // Ctrl+Z: the fix made from the cell's popover, focus back on the cell, Ctrl+Z there undoes it.
  await cell(page, id).click();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await cell(page, id).inputValue(), right);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), id, 'focus back on the fixed cell');
  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, id).inputValue(), wrong, 'Ctrl+Z right after the fix undoes it');

  // Once the clerk has typed in a field after a fix, Ctrl+Z there is the field's own undo.
  await page.locator('#summary .summary-suspect button[data-fix]').click();
  assert.equal(await cell(page, id).inputValue(), right);
  const prose = page.locator('[data-field="text.problems"]');
  const before = await prose.inputValue();
  await prose.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('补');
  await page.keyboard.press('Control+z');
  assert.equal(await prose.inputValue(), before, 'the textarea undid its typing');
  assert.equal(await cell(page, id).inputValue(), right, 'the fix stays');
  // Outside a text field, Ctrl+Z undoes the fix.
  await page.locator('#summary-title').click();
  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, id).inputValue(), wrong);

  assert.deepEqual(page.errors, []);
  await context.close();
});

test('全部安全修正 on the seed fixes the headings and the regulation\'s name and nothing else, in one undoable step', async () => {
  const page = await openPage();
  await importText(page, SEED);
  const before = await downloadJson(page);
  const beforeCodes = await codes(page);
  assert.ok(beforeCodes.includes('S002') && beforeCodes.includes('T002'), beforeCodes.join(' '));
  await page.locator('#apply-safe-fixes').click();
  const notice = await page.locator('#fix-notice').innerText();
  assert.match(notice, /已完成 3 处安全修正/);
  assert.match(notice, /将「3、」改为「三、」/);
  assert.match(notice, /将「4、」改为「四、」/);
  assert.match(notice, /《中华人民共和国政府信息公开条例》/);

  const after = await downloadJson(page);
  // Nothing changed but the two heading numbers and the regulation's name.
  const changed = [];
  for (const key of new Set(Object.keys(before).concat(Object.keys(after)))) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.push(key);
  }
  assert.deepEqual(changed.sort(), ['headings', 'text']);
  assert.deepEqual(after.headings.map((x, i) => x === before.headings[i] ? null : [before.headings[i], x]).filter(Boolean), [
    [before.headings[2], before.headings[2].replace(/^3、\s*/, '三、')],
    [before.headings[3], before.headings[3].replace(/^4、\s*/, '四、')],
  ]);
  const fields = Object.keys(after.text).filter((k) => after.text[k] !== before.text[k]);
  assert.deepEqual(fields, ['overview']);
  assert.equal(after.text.overview, before.text.overview.replace('《政务公开条例》', '《中华人民共和国政府信息公开条例》'));
  assert.deepEqual(after.cells, before.cells);

  // Left: what a person must judge (T003 with a fix to review, T004, T008, T009); no 全部安全修正.
  assert.deepEqual((await codes(page)).sort(), ['T003', 'T003', 'T004', 'T008', 'T009']);
  assert.equal(await page.locator('#apply-safe-fixes').count(), 0);
  assert.equal(await page.locator('#summary li[data-code="T003"] button.fix-review').count(), 2, 'the scope words: a fix to review each');

  // One step back.
  await page.locator('#fix-undo').click();
  const undone = await downloadJson(page);
  assert.deepEqual(undone.headings, before.headings);
  assert.deepEqual(undone.text, before.text);
  assert.deepEqual((await codes(page)).sort(), beforeCodes.slice().sort());
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a wrong cell in 四: the tables cannot tell which, so each smallest fix is its own button and none is marked strongly', async () => {
  const page = await openPage();
  await importText(page, HONGZE);
  const target = 's4.review.upheld';
  const value = await cell(page, target).inputValue();
  await typeInto(page, target, String(Number(value) + 2));
  const line = page.locator('#summary .summary-suspect');
  await line.waitFor();
  assert.match(await line.innerText(), /种改法|无法确定/);
  const buttons = line.locator('button.fix-alternative');
  assert.ok(await buttons.count() >= 2, 'one button per smallest set');
  assert.equal(await page.locator('td.sum-suspect').count(), 0, 'no cell marked as the wrong one');
  // The clerk picks the one that restores the cell they mistyped.
  const titles = await buttons.allInnerTexts();
  const mine = titles.findIndex((t) => t.includes('改为 ' + value));
  assert.ok(mine >= 0, titles.join(' | '));
  await buttons.nth(mine).click();
  assert.equal(await cell(page, target).inputValue(), value);
  assert.deepEqual((await codes(page)).filter((c) => c === 'A004'), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('已核实: a reason asked inline, counted apart, kept through reload and the JSON, lapsing when the text changes; none for A/V errors', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context);
  await importText(page, SEED);
  // A and V errors offer no 已核实.
  const id = 's3.granted.natural';
  await typeInto(page, id, '3');
  await typeInto(page, 's4.review.upheld', 'x');
  const errorItems = page.locator('#summary li[data-code^="A"], #summary li[data-code^="V"]');
  assert.ok(await errorItems.count() >= 2);
  assert.equal(await errorItems.locator('[data-review]').count(), 0, 'no 已核实 at errors of the sums and values');
  await typeInto(page, id, '0');
  await typeInto(page, 's4.review.upheld', '0');

  const title = () => page.locator('#summary-title').innerText();
  assert.match(await title(), /发现 8 个警告/);
  const t004 = page.locator('#summary li[data-code="T004"]');
  await t004.locator('[data-review]').click();
  const reason = page.getByLabel(/核实理由/);
  assert.equal(await reason.evaluate((el) => el === document.activeElement), true, 'focus in the reason');
  // An empty reason: the core says what is missing.
  await page.keyboard.press('Enter');
  await page.locator('.review-error').waitFor();
  assert.match(await page.locator('.review-error').innerText(), /理由/);
  await page.getByLabel(/核实理由/).fill('');
  await page.getByLabel(/核实理由/).click();
  await page.keyboard.type('新郑是本镇的村名');
  await page.keyboard.press('Enter');

  const reviewed = page.locator('#summary-reviewed li[data-code="T004"]');
  await reviewed.waitFor();
  assert.match(await reviewed.innerText(), /核实理由：新郑是本镇的村名/);
  assert.match(await title(), /发现 7 个警告（另有 1 条已核实）/);
  assert.match(await page.locator('#toolbar-counts').innerText(), /7 个警告/);
  assert.equal(await page.locator('#summary .summary-list li[data-code="T004"]:not(.summary-is-reviewed)').count(), 0);

  // Reload: the draft keeps it.
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#summary-reviewed li[data-code="T004"]').waitFor();

  // The JSON keeps it, and a fresh page importing that JSON shows it reviewed.
  const json = await downloadJson(page);
  assert.equal(json.reviewed.length, 1);
  assert.equal(json.reviewed[0].code, 'T004');
  assert.equal(json.reviewed[0].reason, '新郑是本镇的村名');
  const other = await openPage(await env.browser.newContext());
  await importText(other, JSON.stringify(json));
  await other.locator('#summary-reviewed li[data-code="T004"]').waitFor();
  assert.match(await other.locator('#summary-title').innerText(), /另有 1 条已核实/);
  await other.context().close();

  // The text it concerns changes (a word typed just before 新郑): the mark lapses.
  const overview = page.locator('[data-field="text.overview"]');
  const text = await overview.inputValue();
  const at = text.indexOf('新郑');
  assert.ok(at > 2);
  await overview.click();
  await overview.evaluate((el, at) => el.setSelectionRange(at, at), at);
  await page.keyboard.type('原');
  await page.keyboard.press('Tab');
  await page.locator('#summary .summary-list li[data-code="T004"]:not(.summary-is-reviewed)').waitFor();
  assert.equal(await page.locator('#summary-reviewed').count(), 0);
  assert.match(await title(), /发现 8 个警告/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('axe-core finds no violation with a cell\'s 修正 in its popover, the 已核实 form open, and the notice of a fix', async (t) => {
  const axe = fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const page = await openPage();
  await page.addScriptTag({ content: axe });
  const run = async (state) => {
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const problems = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    t.diagnostic(`${state}: ${result.violations.length} violations`);
    assert.deepEqual(problems, [], state);
  };
  await importText(page, SEED);
  await typeInto(page, 's3.granted.natural', '3');
  await cell(page, 's3.granted.natural').click();
  await page.locator('#cell-popover button[data-fix]').waitFor();
  await page.keyboard.press('Tab');
  await run('focus on the 修正 of a cell');
  await page.locator('#summary li[data-code="T004"] [data-review]').click();
  await run('已核实 form open');
  await page.locator('#apply-safe-fixes').click();
  await page.locator('#fix-undo').waitFor();
  await run('notice of the safe fixes');
  await page.close();
});
