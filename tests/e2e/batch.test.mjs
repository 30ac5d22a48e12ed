// The 「批量检查」 view as the supervising office uses it, and 「上一年度报告」 in the form.
// Run: node --test tests/e2e/batch.test.mjs (needs www/pkg: ./build.sh build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { REPO, servePage } from './support/page-env.mjs';
import { corpus, writeCorpus, plantedPassage } from './support/batch-corpus.mjs';

const env = servePage();

async function openPage(options) {
  const page = await env.browser.newPage(Object.assign({ viewport: { width: 1366, height: 768 } }, options || {}));
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function openBatch(page) {
  await page.getByRole('button', { name: '批量检查' }).click();
  await page.locator('#batch').waitFor();
}

/** Drops files on the batch view as a person dragging a selection from the file manager would. */
async function dropFiles(page, files) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const binary = atob(f.b64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      dt.items.add(new File([data], f.name));
    }
    return dt;
  }, files.map((f) => ({ name: path.basename(f.path), b64: Buffer.from(f.bytes).toString('base64') })));
  for (const event of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('#batch', event, { dataTransfer: transfer });
  }
}

const done = (page) => page.locator('#batch[data-state="done"]').waitFor({ timeout: 120000 });

const rowNumbers = (page, col) => page.locator('#batch-rows tr').evaluateAll((trs, c) =>
  trs.map((tr) => tr.querySelector('[data-col="' + c + '"]').textContent).map((t) => (t === '' ? -1 : Number(t))), col);

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** The sheet called `name` of an .xlsx, as rows of cell values. */
async function sheet(bytes, name) {
  const sheets = await readXlsxFile(bytes);
  const found = sheets.find((s) => s.sheet === name);
  assert.ok(found, 'sheet ' + name + ' in ' + sheets.map((s) => s.sheet).join(', '));
  return found.data;
}

/** Exact sums of a count cell over JSON reports (the .docx and .txt of the seed are the seed). */
function expectedSum(files, cell) {
  let sum = 0;
  for (const f of files) {
    if (f.path.endsWith('.json')) {
      const report = JSON.parse(f.bytes.toString('utf8'));
      if (report.year === 2024) sum += Number(report.cells[cell]);
    }
  }
  return sum;
}

test('50 files dropped on the batch view: sorted by errors, one opened and back, findings and 汇总 downloaded and read back', async () => {
  const files = corpus(50);
  const page = await openPage();
  await openBatch(page);
  await dropFiles(page, files);
  await done(page);
  const rows = page.locator('#batch-rows tr');
  assert.equal(await rows.count(), 50, 'a row per file dropped (a file given by itself is always read)');
  // One broken file never stops the others: its message is in its row.
  const broken = rows.filter({ hasText: '损坏.docx' });
  assert.match(await broken.locator('.batch-problems').textContent(), /损坏|不完整|无法/);
  assert.equal(await broken.getByRole('button', { name: /打开/ }).count(), 0);
  assert.match(await page.locator('#batch-totals').textContent(), /共 50 个文件/);

  await page.getByRole('button', { name: '错误', exact: true }).click();
  assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'descending');
  const errors = await rowNumbers(page, 'errors');
  assert.deepEqual(errors, errors.slice().sort((a, b) => b - a), 'most errors first');
  assert.ok(errors[0] > 0);
  await page.getByRole('button', { name: '错误', exact: true }).click();
  const ascending = await rowNumbers(page, 'errors');
  assert.deepEqual(ascending, ascending.slice().sort((a, b) => a - b));
  await page.getByRole('button', { name: '错误', exact: true }).click();

  // Open the report with most errors: it is in the form, in a draft of its own; then back to the list.
  const first = rows.first();
  const agency = await first.locator('td').nth(1).textContent();
  const firstErrors = Number(await first.locator('[data-col="errors"]').textContent());
  await first.getByRole('button', { name: /打开/ }).click();
  await page.locator('#report-form').waitFor();
  assert.equal(await page.locator('[data-field="agency.name"]').inputValue(), agency);
  assert.match(await page.locator('#toolbar-counts').textContent(), new RegExp('^' + firstErrors + ' 个错误'));
  await page.getByRole('button', { name: '返回批量检查' }).click();
  await page.locator('#batch').waitFor();
  assert.equal(await rows.count(), 50, 'the list is still there');
  await page.getByRole('button', { name: '本机草稿' }).click();
  assert.equal(await page.locator('#drafts-table tbody tr').count(), 1, 'the opened report went into a draft of its own');
  await page.getByRole('button', { name: '批量检查' }).click();

  const findings = await download(page, () => page.getByRole('button', { name: '下载本批检查结果（Excel）' }).click());
  assert.match(findings.name, /\.xlsx$/);
  const summary = await sheet(findings.bytes, '报告汇总');
  assert.equal(summary.length, 51, 'a header and one row per file');
  assert.equal(summary[0][0], '文件');
  const hongze = summary.find((r) => r[0] === '洪泽区2024.json');
  assert.ok(hongze && String(hongze[9]).includes('Y001'), 'the pair counted for the later year: ' + JSON.stringify(hongze));
  assert.ok((await sheet(findings.bytes, '问题明细')).some((r) => r[4] === 'Y001'));
  const csv = await download(page, () => page.getByRole('button', { name: '下载本批检查结果（CSV）' }).click());
  assert.equal(csv.bytes.toString('utf8').charCodeAt(0), 0xfeff);

  // The 汇总 of 2024: chosen by default (most reports), every cell the exact sum.
  assert.equal(await page.locator('#rollup-year').inputValue(), '2024');
  await page.locator('#rollup-agency').fill('某县人民政府');
  const rollup = await download(page, () => page.getByRole('button', { name: '下载汇总表（Excel）' }).click());
  const totals = await sheet(rollup.bytes, '汇总表');
  const value = (id) => totals.find((r) => r[0] === id)[2];
  const seed = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'), 'utf8'));
  for (const id of ['s3.new.natural', 's3.new.total', 's4.review.total']) {
    const docxAndText = 2 * Number(seed.cells[id]);
    assert.equal(value(id), expectedSum(files, id) + docxAndText, id);
  }
  const json = await download(page, () => page.getByRole('button', { name: '下载汇总报告（JSON）' }).click());
  const aggregated = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(aggregated.agency.name, '某县人民政府');
  assert.equal(aggregated.cells['s3.new.natural'], value('s3.new.natural'));
  assert.match(await page.locator('#rollup-about').textContent(), /汇总了 \d+ 份 2024 年的报告/);
  const word = await download(page, () => page.getByRole('button', { name: '下载汇总报告（Word）' }).click());
  assert.match(word.name, /^某县人民政府2024年.*（汇总）\.docx$/);
  assert.deepEqual([...word.bytes.subarray(0, 2)], [0x50, 0x4b]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a folder chosen as a whole: walked recursively, pairs of consecutive years and copied text shown', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-batch-'));
  const files = corpus(24);
  writeCorpus(path.join(dir, '报告'), files);
  const page = await openPage();
  await openBatch(page);
  await page.locator('#batch-folder').setInputFiles(path.join(dir, '报告'));
  await done(page);
  assert.equal(await page.locator('#batch-rows tr').count(), files.filter((f) => f.kind !== 'other').length, 'the picture is skipped');
  assert.match(await page.locator('#batch-totals').textContent(), /已跳过 1 个不是报告的文件/);
  assert.ok(await page.locator('#batch-rows').getByText('报告/部门/洪泽区2024.json').isVisible(), 'paths inside the folder');

  const pair = page.locator('#batch-pairs tbody tr');
  assert.equal(await pair.count(), 1);
  assert.match(await pair.textContent(), /淮安市洪泽区人民政府.*2023 年：报告\/部门\/洪泽区2023\.json.*2024 年：报告\/部门\/洪泽区2024\.json/);
  assert.ok(await pair.locator('[data-code="Y001"]').count() >= 1);

  const copy = page.locator('#batch-copies .batch-copy');
  assert.equal(await copy.count(), 1, 'the planted passage and nothing of the text every township shares');
  const text = await copy.textContent();
  assert.match(text, /沭阳县发改局2023\.json/);
  assert.match(text, /某县第7镇\.json/);
  const passage = await copy.locator('.batch-passage').textContent();
  assert.ok(passage.length >= 30 && plantedPassage().replace(/\s/g, '').includes(passage.replace(/\s/g, '').slice(0, 30)), passage);

  // The later report of the pair opens with last year's report: Y001 is in the form too.
  await pair.getByRole('button', { name: '报告/部门/洪泽区2024.json' }).click();
  await page.locator('#summary [data-code="Y001"]').first().waitFor();
  assert.match(await page.locator('#previous-state').textContent(), /洪泽区2023\.json/);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a batch report of the agency and year the clerk is typing is opened only when the clerk agrees', async () => {
  const files = corpus(20).filter((f) => f.path === '乡镇/某县第1镇.json');
  const page = await openPage();
  const name = page.locator('[data-field="agency.name"]');
  await name.fill('某县第1镇人民政府');
  await page.locator('[data-field="year"]').fill('2024');
  await page.locator('[data-cell="s3.new.natural"]').fill('3');
  await page.locator('[data-cell="s3.new.natural"]').press('Tab');
  await openBatch(page);
  await dropFiles(page, files);
  await done(page);
  await page.locator('#batch-rows tr').first().getByRole('button', { name: /打开/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('用批量检查中的报告替换当前内容？').waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '返回报告' }).click();
  assert.equal(await page.locator('[data-cell="s3.new.natural"]').inputValue(), '3', 'what was typed is untouched');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('cancel stops the batch: the files read stay listed, the rest is not read', async () => {
  const files = corpus(300);
  const page = await openPage();
  await openBatch(page);
  // Press 取消 as soon as the first rows show.
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelectorAll('#batch-rows tr').length > 0) {
        observer.disconnect();
        document.getElementById('batch-cancel').click();
      }
    }).observe(document.getElementById('batch-rows'), { childList: true });
  });
  await dropFiles(page, files);
  await done(page);
  const count = await page.locator('#batch-rows tr').count();
  assert.ok(count > 0 && count < 300, count + ' rows');
  assert.match(await page.locator('#notice').textContent(), /已取消/);
  assert.match(await page.locator('#batch-totals').textContent(), new RegExp('共 ' + count + ' 个文件'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('上一年度报告 in the form: Y001 appears, the draft remembers it, and it can be removed', async () => {
  const files = corpus(20);
  const current = files.find((f) => f.path === '部门/洪泽区2024.json');
  const previous = files.find((f) => f.path === '部门/洪泽区2023.json');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-previous-'));
  fs.writeFileSync(path.join(dir, '洪泽区2024.json'), current.bytes);
  fs.writeFileSync(path.join(dir, '洪泽区2023.json'), previous.bytes);
  const page = await openPage();
  await page.locator('#import-file').setInputFiles(path.join(dir, '洪泽区2024.json'));
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  assert.equal(await page.locator('#summary [data-code="Y001"]').count(), 0);
  await page.locator('#previous-file').setInputFiles(path.join(dir, '洪泽区2023.json'));
  const y001 = page.locator('#summary [data-code="Y001"]').first();
  await y001.waitFor();
  assert.match(await y001.textContent(), /2023 年报告结转下年度继续办理（自然人）为/);
  assert.match(await page.locator('#previous-state').textContent(), /洪泽区2023\.json.*淮安市洪泽区人民政府 2023 年/);
  // At the cell too, once the clerk goes there.
  await y001.locator('a').click();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-cell')), 's3.carried_in.natural');

  await page.waitForTimeout(400); // the draft is saved (250 ms debounce)
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#summary [data-code="Y001"]').first().waitFor();
  assert.match(await page.locator('#previous-state').textContent(), /洪泽区2023\.json/);

  // Last year's report of another year: said so at the block.
  await page.locator('[data-field="year"]').fill('2025');
  assert.match(await page.locator('#previous-note').textContent(), /不是相邻年度/);
  await page.locator('[data-field="year"]').fill('2024');
  await page.getByRole('button', { name: '不再对比' }).click();
  await page.locator('#summary [data-code="Y001"]').first().waitFor({ state: 'detached' });
  assert.match(await page.locator('#previous-state').textContent(), /尚未选择/);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});
