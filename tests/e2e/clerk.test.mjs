// The clerk's page (issue 14), as a person uses it at 1366×768 and 1024×768 in current Chromium:
// the message at a cell is always wholly on screen, cells not yet filled in are progress rather
// than errors, a broken sum points at one cell, every finding's link lands on a focused visible
// control, numbers and fields are read alike, imports say what they did, old eyes and keyboards
// find their way. Run: node --test tests/e2e/clerk.test.mjs (needs www/pkg: ./build.sh build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO, servePage, openReady } from './support/page-env.mjs';
import { mergePatch, triggerFixtures } from './support/fixtures.mjs';
import { onScreen } from './support/geometry.mjs';

const SEED = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'), 'utf8'));
const VIEWPORTS = [{ width: 1366, height: 768 }, { width: 1024, height: 768 }];

const env = servePage();

const openPage = (viewport = VIEWPORTS[0], options = {}) => openReady(env, { viewport, ...options });

async function importReport(page, report, name = 'report.json') {
  const buffer = Buffer.from(typeof report === 'string' ? report : JSON.stringify(report));
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.locator('#notice, #alert').filter({ hasText: /已导入|未能导入/ }).first().waitFor();
}

const cell = (page, id) => page.locator(`[data-cell="${id}"]`);

async function typeInto(page, id, text) {
  await cell(page, id).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function breakSeed(page, id, delta = 5) {
  if (!(await page.locator('[data-field="agency.name"]').inputValue())) await importReport(page, SEED);
  const original = await cell(page, id).inputValue();
  await typeInto(page, id, String(Number(original) + delta));
  await page.keyboard.press('Tab');
}

// ---- item 1: the message at a cell ------------------------------------------------------------

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}: the message of a broken cell in the last rows of 三 is wholly on screen, and the cell keeps its badge`, async () => {
    const page = await openPage(viewport);
    // The columns 自然人 and 总计 no longer balance (A001 twice); the row still does.
    await breakSeed(page, 's3.new.natural');
    await breakSeed(page, 's3.new.total');
    for (const id of ['s3.outcome_total.natural', 's3.carried_out.natural', 's3.carried_out.total']) {
      await cell(page, id).click();
      const popover = page.locator('#cell-popover');
      await popover.waitFor();
      assert.equal(await popover.getAttribute('data-for'), id);
      const where = await onScreen(page, '#cell-popover');
      assert.deepEqual(where.problems, [], `${id}: ${where.problems.join('; ')}`);
      const text = await popover.innerText();
      const own = await page.locator(`[id="m-${id.replace(/[^A-Za-z0-9_-]/g, '_')}"] [data-code]`).first().textContent();
      assert.ok(text.replace(/\s+/g, '').includes(own.replace(/\s+/g, '').replace(/^错误：?/, '')), 'the cell\'s own message');
      const badge = await page.evaluate((id) => {
        const icon = document.querySelector(`td:has([data-cell="${id}"]) .cell-msg .icon`);
        const r = icon && icon.getBoundingClientRect();
        return !!r && r.width >= 14 && getComputedStyle(icon).visibility !== 'hidden';
      }, id);
      assert.ok(badge, `${id}: the badge stays while the cell has focus`);
    }
    // No inner scrollbar grows in the tables.
    const inner = await page.evaluate(() => Array.from(document.querySelectorAll('.table-wrap')).map((w) => w.scrollHeight - w.clientHeight));
    assert.deepEqual(inner, [0, 0, 0]);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`${viewport.width}: going backwards with Shift+Tab through 三, the focused cell is never under the toolbar or the column headers`, async () => {
    const page = await openPage(viewport);
    await importReport(page, SEED);
    await cell(page, 's3.carried_out.total').click();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Shift+Tab');
      await page.waitForTimeout(20);
      const at = await page.evaluate(() => document.activeElement.getAttribute('data-cell'));
      const where = await onScreen(page, `[data-cell="${at}"]`);
      assert.deepEqual(where.problems, [], `${at}: ${where.problems.join('; ')}`);
    }
    await page.close();
  });
}

// ---- item 2: not yet filled in ---------------------------------------------------------------

test('typing table 四 cell by cell shows what is left, never a V002 error, until the table is otherwise filled', async () => {
  const page = await openPage();
  assert.match(await page.locator('#toolbar-counts').innerText(), /尚有 200 格未填/);
  assert.doesNotMatch(await page.locator('#summary-title').innerText(), /错误/);
  assert.equal(await page.locator('#summary.summary-errors').count(), 0, 'no red box on a fresh page');

  const ids = await page.evaluate(() => Array.from(document.querySelectorAll('.t-s4 [data-cell]')).map((i) => i.dataset.cell));
  assert.equal(ids.length, 15);
  const skipped = ids[6];
  await cell(page, ids[0]).click();
  for (const [i, id] of ids.entries()) {
    assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), id);
    if (id !== skipped) await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    if (i === ids.length - 1) break;
    const state = await page.evaluate(() => ({
      summary: document.querySelectorAll('#summary [data-code="V002"], #summary [data-code="S001"]').length,
      marked: document.querySelectorAll('td.has-error').length,
      counts: document.getElementById('toolbar-counts').textContent,
    }));
    assert.deepEqual({ summary: state.summary, marked: state.marked }, { summary: 0, marked: 0 }, `after ${id}`);
    assert.doesNotMatch(state.counts, /[1-9]\d* 个错误/, `after ${id}: ${state.counts}`);
  }
  // The table is filled except the cell passed over: that one is now an error, at the cell and in the summary.
  await page.locator(`td:has([data-cell="${skipped}"]) [data-code="V002"]`).waitFor({ state: 'attached' });
  assert.equal(await page.locator(`#summary [data-code="V002"]`).count(), 1);
  assert.match(await page.locator('#toolbar-counts').innerText(), /^1 个错误 .*尚有 185 格未填$/, 'the 185 cells of 二 and 三');
  assert.match(await page.locator('[data-progress="s3"]').innerText(), /尚未开始填写/);

  // Asking for the result: every empty cell and table counts now (the CLI's view).
  await page.locator('#toolbar-counts').click();
  await page.locator('#summary [data-code="S001"]').first().waitFor();
  assert.match(await page.locator('#summary-title').innerText(), /3 个错误/, 'S001 for 二 and 三, V002 for the skipped cell');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'summary');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('after asking for the result, the empty cells of a table are listed three at a time, then counted', async () => {
  const page = await openPage();
  await typeInto(page, 's3.new.natural', '3');
  await page.keyboard.press('Tab');
  assert.equal(await page.locator('#summary [data-code="V002"]').count(), 0, 'progress while filling');
  await page.locator('#toolbar-counts').click();
  const empty = page.locator('#summary [data-code="V002"]');
  await empty.first().waitFor();
  assert.equal(await empty.count(), 3);
  assert.match(await empty.nth(2).textContent(), /同一表格中另有 \d+ 个单元格未填写/);
  assert.match(await page.locator('#summary-title').textContent(), /发现 \d+ 个错误/);
  await page.close();
});

test('a download counts every empty cell: the dialog says so before the file is made', async () => {
  const page = await openPage();
  await typeInto(page, 's4.review.upheld', '1');
  await page.keyboard.press('Tab');
  await page.locator('#download-button').click();
  await page.locator('#download-docx').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /报告中还有 \d+ 个错误/);
  await dialog.getByRole('button', { name: '查看问题' }).click();
  await page.locator('#summary [data-code="V002"]').first().waitFor();
  await page.close();
});

// ---- item 3: one wrong number -----------------------------------------------------------------

test('one wrong number: the cell every broken sum shares is named, and total, parts and that cell look different', async () => {
  const page = await openPage();
  await breakSeed(page, 's3.granted.natural', 3);
  const suspect = page.locator('#summary .summary-suspect');
  await suspect.waitFor();
  assert.match(await suspect.innerText(), /予以公开.*自然人|自然人.*予以公开/);
  const classes = await page.evaluate(() => {
    const of = (id) => document.querySelector(`[data-cell="${id}"]`).closest('td').className;
    return {
      suspect: of('s3.granted.natural'),
      rowTotal: of('s3.granted.total'),
      columnTotal: of('s3.outcome_total.natural'),
      part: of('s3.granted.business'),
      strong: document.querySelectorAll('td.sum-suspect').length,
    };
  });
  assert.match(classes.suspect, /sum-suspect/);
  assert.match(classes.rowTotal, /sum-total/);
  assert.match(classes.columnTotal, /sum-total/);
  assert.match(classes.part, /sum-part/);
  assert.equal(classes.strong, 1, 'one cell marked strongly');
  await suspect.locator('a').click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), 's3.granted.natural');
  await page.locator('#cell-popover .msg-suspect').waitFor();
  await page.close();
});

// ---- item 5: every finding link lands ---------------------------------------------------------

async function followEveryLink(page, covered, label) {
  const count = await page.locator('#summary .summary-list a').count();
  for (let i = 0; i < count; i++) {
    const link = page.locator('#summary .summary-list a').nth(i);
    const code = await link.evaluate((a) => a.closest('li').dataset.code || 'suspect');
    await link.click();
    await page.waitForTimeout(30);
    const landed = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { ok: false, what: 'nothing focused' };
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
      const tag = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.dataset.cell ? '[' + el.dataset.cell + ']' : '');
      return { ok: true, what: tag, ring, selector: el.id ? '#' + CSS.escape(el.id) : null };
    });
    assert.ok(landed.ok, `${label} ${code}: ${landed.what}`);
    assert.ok(landed.ring, `${label} ${code}: focus visible on ${landed.what}`);
    assert.notEqual(landed.what, 'div#summary', `${label} ${code}: lands on its control, not back on the summary`);
    const where = await onScreen(page, landed.selector, { partly: true });
    assert.deepEqual(where.problems, [], `${label} ${code} → ${landed.what}: ${where.problems.join('; ')}`);
    covered.add(code);
  }
}

test('every finding link of the seed and of every broken fixture lands on a focused, visible control', async (t) => {
  const covered = new Set();
  const fixtures = [{ name: 'seed', report: SEED, cells: {} }].concat(triggerFixtures().filter((f) => !f.previous).map((f) => ({
    name: f.name, report: mergePatch(SEED, f.patch), cells: f.patch.cells || {},
  })));
  for (const fixture of fixtures) {
    const page = await openPage();
    await importReport(page, fixture.report);
    if (await page.locator('#alert', { hasText: '未能导入' }).count()) {
      // Text that is no number cannot be in a report file; the clerk types it.
      await importReport(page, SEED);
      for (const [id, value] of Object.entries(fixture.cells)) {
        await typeInto(page, id, value === null ? '' : String(value));
        await page.keyboard.press('Tab');
      }
    }
    await followEveryLink(page, covered, fixture.name);
    assert.deepEqual(page.errors, [], fixture.name);
    await page.close();
  }
  t.diagnostic('codes followed: ' + Array.from(covered).sort().join(' '));
  for (const code of ['A001', 'A002', 'A003', 'A004', 'I001', 'P001', 'P002', 'S001', 'S002', 'S003', 'S004', 'S005',
    'T001', 'T002', 'T003', 'T004', 'T005', 'T006', 'T007', 'T008', 'T009', 'T010', 'T011', 'T012', 'V001', 'V002', 'V003']) {
    assert.ok(covered.has(code), 'followed a link of ' + code);
  }
});

// ---- item 6: numbers and fields ---------------------------------------------------------------

test('numbers and fields: ３.０ is 3, 「２０２４」 and 「2024年」 are 2024, 20 digits are 数字过大, a wrong year or phone is counted', async () => {
  const page = await openPage();
  await typeInto(page, 's3.new.natural', '３.０');
  await page.keyboard.press('Tab');
  assert.equal(await cell(page, 's3.new.natural').inputValue(), '3');
  await typeInto(page, 's3.new.business', '99999999999999999999');
  await page.keyboard.press('Tab');
  const big = page.locator('td:has([data-cell="s3.new.business"]) [data-code="V001"]');
  await big.waitFor({ state: 'attached' });
  assert.match(await big.textContent(), /数字过大/);
  assert.doesNotMatch(await big.textContent(), /不是非负整数/);

  const year = page.locator('[data-field="year"]');
  for (const typed of ['２０２４', '2024年', '「2024」']) {
    await year.fill(typed);
    await year.press('Tab');
    assert.equal(await page.locator('#summary [data-code="V001"]').filter({ hasText: '报告年度' }).count(), 0, typed);
  }
  const before = await page.locator('#toolbar-counts').innerText();
  await year.fill('20245');
  await year.press('Tab');
  await page.locator('#summary [data-code="V001"]', { hasText: '报告年度' }).waitFor();
  await page.locator('[data-field-wrap="year"] [data-code="V001"]').waitFor();
  const after = await page.locator('#toolbar-counts').innerText();
  assert.equal(Number(/(\d+) 个错误/.exec(after)[1]), Number(/(\d+) 个错误/.exec(before)[1]) + 1, `${before} → ${after}`);

  const warnings = async () => Number(/(\d+) 个警告/.exec(await page.locator('#toolbar-counts').innerText())[1]);
  const warned = await warnings();
  await page.locator('[data-field="agency.phone"]').fill('abc');
  await page.locator('[data-field="agency.phone"]').press('Tab');
  await page.locator('#summary [data-code="T006"]').waitFor();
  await page.locator('[data-field-wrap="agency.phone"] [data-code="T006"]').waitFor();
  assert.equal(await warnings(), warned + 1, 'phone 「abc」 is one more warning');
  await page.close();
});

// ---- item 7: imports --------------------------------------------------------------------------

test('imports: a GBK .txt is read; a failed import clears the last notice; JSON says no 「0 个表格」; the region is filled', async () => {
  const page = await openPage();
  const gbk = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', path.join(REPO, 'tests/fixtures/import/seed.txt')]);
  assert.equal(gbk.status, 0, 'iconv makes the GBK text, as Notepad\'s ANSI saves it');
  await page.locator('#import-file').setInputFiles({ name: '年度报告.txt', mimeType: 'text/plain', buffer: gbk.stdout });
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), '通榆县边昭镇');
  assert.equal(await page.locator('[data-field="agency.region"]').inputValue(), '吉林省白城市通榆县', 'the region the place-name table knows');

  const picture = await page.screenshot({ type: 'png' });
  await page.locator('#import-file').setInputFiles({ name: 'picture.png', mimeType: 'image/png', buffer: picture });
  await page.locator('#alert', { hasText: '未能导入' }).waitFor();
  assert.match(await page.locator('#alert').innerText(), /图片/);
  assert.doesNotMatch(await page.locator('#alert').innerText(), /GBK/);
  assert.equal((await page.locator('#notice').innerText()).trim(), '', 'the last import notice is gone');

  await page.close();

  const fresh = await openPage();
  await importReport(fresh, SEED, 'seed.json');
  const notice = await fresh.locator('#notice').innerText();
  assert.doesNotMatch(notice, /0 个表格/);
  assert.match(notice, /已从JSON 文件导入：200 个单元格中 200 个已填写数字/);
  assert.equal((await fresh.locator('#alert').innerText()).trim(), '');
  await fresh.close();
});

// ---- item 9: the findings CSV (made by the core, export::csv) -----------------------------------

test('检查结果（.csv） is for people: official labels, Chinese rule names, numbers as numbers, the IDs last', async () => {
  const page = await openPage();
  await breakSeed(page, 's3.new.natural');
  const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.locator('#download-button').click();
    await page.locator('#download-csv').click();
  })()]);
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
  const [header, ...lines] = csv.trim().split('\r\n');
  assert.equal(header, '级别,代码,规则,位置,原文,填写值,计算值,相差,说明,最可能有误,修正,已核实,单元格或字段编号');
  const a001 = lines.find((l) => l.includes(',A001,'));
  assert.ok(a001, csv);
  assert.match(a001, /^错误,A001,/);
  assert.match(a001, /（七）总计（自然人）等 4 个单元格/, 'the official label of the total, then how many cells');
  assert.match(a001, /,5,0,5,|,0,5,-5,|,5,0,-5,/, 'numbers as numbers: ' + a001);
  assert.doesNotMatch(a001, /'-/);
  assert.match(a001, /s3\.new\.natural/, 'the IDs in the last column');
  // Issue 15: the suspect and the fix, with how safe it is.
  assert.match(a001, /最可能是（一）本年新收政府信息公开申请数量（自然人）填写有误|最可能是[^,]*本年新收[^,]*自然人[^,]*填写有误/, a001);
  assert.match(a001, /改为 0（需复核）/, a001);
  await page.close();
});

// ---- item 8: old eyes and keyboards ----------------------------------------------------------

test('Tab reaches 「导入报告文件…」 and shows a focus ring; badge and message text are at least 14 px', async () => {
  const page = await openPage();
  let id = null;
  for (let i = 0; i < 10 && id !== 'import-button'; i++) {
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => document.activeElement.id);
  }
  assert.equal(id, 'import-button');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow };
  });
  assert.match(ring.outline, /solid 3px/);
  assert.notEqual(ring.shadow, 'none');

  await breakSeed(page, 's3.new.natural');
  await cell(page, 's3.outcome_total.natural').click();
  const sizes = await page.evaluate(() => [
    '#cell-popover .msg-text', '#cell-popover .msg-code', 'td .cell-msg .icon', '.summary-item a', '.field-msg .msg-text',
  ].map((s) => [s, parseFloat(getComputedStyle(document.querySelector(s)).fontSize)]));
  for (const [selector, size] of sizes) assert.ok(size >= 14, `${selector}: ${size}px`);
  await page.close();
});

for (const [label, viewport] of [['1366', { width: 1366, height: 768 }], ['1024', { width: 1024, height: 768 }], ['1366 at 150 %', { width: 911, height: 512 }]]) {
  test(`${label}: tables 二, 三 and 四 fit without sideways scrolling`, async () => {
    const page = await openPage(viewport);
    const fit = await page.evaluate(() => Array.from(document.querySelectorAll('.table-wrap')).map((w) => ({
      table: w.firstElementChild.className, over: w.firstElementChild.offsetWidth - w.clientWidth, scrolls: w.classList.contains('is-scrolling'),
    })));
    for (const t of fit) assert.ok(t.over <= 0 && !t.scrolls, `${t.table}: ${t.over}px too wide`);
    await page.close();
  });
}

test('a read-only tab says so at the cell the clerk types into', async () => {
  const context = await env.browser.newContext();
  const first = await context.newPage();
  await first.goto(env.server.url);
  await first.waitForSelector('body[data-ready="true"]');
  await first.locator('[data-field="agency.name"]').fill('第一个标签页');
  const second = await context.newPage();
  await second.goto(env.server.url);
  await second.getByRole('dialog').getByRole('button', { name: '只读查看' }).click();
  await second.locator('[data-cell="s3.new.natural"]').click();
  await second.keyboard.type('5');
  const tip = second.locator('td:has([data-cell="s3.new.natural"]) #readonly-tip');
  await tip.waitFor();
  assert.match(await tip.innerText(), /只读/);
  assert.equal(await second.locator('[data-cell="s3.new.natural"]').inputValue(), '');
  await context.close();
});

// ---- the four states, for axe-core --------------------------------------------------------------

test('axe-core finds no violation: empty, imported with errors, with warnings, dialog open', async (t) => {
  const axe = fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const run = async (page, state) => {
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const problems = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    t.diagnostic(`${state}: ${result.violations.length} violations`);
    assert.deepEqual(problems, [], state);
  };
  const empty = await openPage();
  await run(empty, 'empty');
  await empty.close();

  const broken = await openPage();
  await breakSeed(broken, 's3.new.natural');
  await cell(broken, 's3.outcome_total.natural').click();
  await run(broken, 'imported with errors');

  const warnings = await openPage();
  await importReport(warnings, SEED);
  await run(warnings, 'with warnings');
  await warnings.close();

  await broken.locator('#download-button').click();
  await broken.locator('#download-docx').click();
  await broken.getByRole('dialog').waitFor();
  await run(broken, 'dialog open');
  await broken.close();
});

// ---- start-up: what the page leaves for later ----------------------------------------------------

test('the place-name table of T004 is not loaded at start, but with the first prose typed; then T004 finds 新郑', async () => {
  const page = await env.browser.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok(!fetched.includes('/pkg/places.tsv'), 'not at start');
  await page.locator('[data-field="agency.name"]').fill('通榆县边昭镇人民政府');
  const overview = page.locator('[data-field="text.overview"]');
  await overview.click();
  await page.keyboard.type('我镇认真学习新郑经验以外，还为建设美丽新郑努力。');
  await overview.press('Tab');
  await page.locator('#summary [data-code="T004"]').waitFor();
  assert.equal(fetched.filter((p) => p === '/pkg/places.tsv').length, 1, 'fetched once');
  await page.close();
});
