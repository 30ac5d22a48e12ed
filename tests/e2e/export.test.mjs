// Word, HTML, copy and print from the page, in current Chromium. Needs www/pkg (./build.sh build).
// Run: node --test tests/e2e/export.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { REPO, servePage, fromMenu } from './support/page-env.mjs';

const SEED = path.join(REPO, 'tests/fixtures/seed.json');
const STEM = '通榆县边昭镇2024年政府信息公开工作年度报告';

const env = servePage();

async function openSeed(contextOptions = {}) {
  const page = await env.browser.newPage({ acceptDownloads: true, ...contextOptions });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#import-file').setInputFiles(SEED);
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  return page;
}

async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-export-')), download.suggestedFilename());
  await download.saveAs(saved);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(saved) };
}

/** One member of a zip archive, read through its central directory (stored or deflated). */
function zipEntry(zip, name) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? zlib.inflateRawSync(data) : data;
    }
    at += 46 + nameLength + extra + comment;
  }
  return null;
}

test('the documents module is not loaded at start, only on the first import or export', async () => {
  const page = await env.browser.newPage({ acceptDownloads: true });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok(fetched.includes('/pkg/xxgk_report_bg.wasm'));
  assert.ok(!fetched.some((p) => p.includes('xxgk_documents')), 'not at start: ' + fetched.join(' '));
  await page.locator('#import-file').setInputFiles(SEED);
  await page.locator('#notice', { hasText: '已导入' }).waitFor();
  assert.equal(fetched.filter((p) => p === '/pkg/xxgk_documents_bg.wasm').length, 1);
  await downloadOf(page, () => fromMenu(page, 'download-docx'));
  assert.equal(fetched.filter((p) => p === '/pkg/xxgk_documents_bg.wasm').length, 1, 'fetched once');
  await page.close();
});

test('下载 Word gives the .docx named after the agency and year, with the report in word/document.xml', async () => {
  const page = await openSeed();
  const { name, bytes } = await downloadOf(page, () => fromMenu(page, 'download-docx'));
  assert.equal(name, STEM + '.docx');
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  const document = zipEntry(bytes, 'word/document.xml');
  assert.ok(document, 'word/document.xml in the package');
  const xml = document.toString('utf8');
  assert.ok(xml.includes('通榆县边昭镇'), 'the agency name');
  assert.ok(xml.includes('一、总体情况'), 'the first heading');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the Word file ends as a 公文 ends: the agency\'s name, and the 成文日期 (today, or the date the clerk sets)', async () => {
  const page = await openSeed();
  const lastParagraphs = (bytes) => {
    const xml = zipEntry(bytes, 'word/document.xml').toString('utf8');
    const body = xml.slice(0, xml.indexOf('<w:sectPr'));
    return body.split('<w:p>').slice(-2).map((p) => (p.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) || []).map((t) => t.replace(/<[^>]+>/g, '')).join(''));
  };
  const now = new Date();
  const today = now.getFullYear() + '年' + (now.getMonth() + 1) + '月' + now.getDate() + '日';
  let { bytes } = await downloadOf(page, () => fromMenu(page, 'download-docx'));
  assert.deepEqual(lastParagraphs(bytes), ['通榆县边昭镇', today]);

  const date = page.locator('[data-field="date"]');
  assert.equal(await date.getAttribute('type'), 'date');
  await date.fill('2025-01-15');
  ({ bytes } = await downloadOf(page, () => fromMenu(page, 'download-docx')));
  assert.deepEqual(lastParagraphs(bytes), ['通榆县边昭镇', '2025年1月15日']);
  const json = await downloadOf(page, () => fromMenu(page, 'download-json'));
  assert.equal(JSON.parse(json.bytes.toString('utf8')).date, '2025-01-15', 'kept in the report');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('下载网页（HTML） gives a standalone page with the report', async () => {
  const page = await openSeed();
  const { name, bytes } = await downloadOf(page, () => fromMenu(page, 'download-html'));
  assert.equal(name, STEM + '.html');
  const html = bytes.toString('utf8');
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.ok(html.includes(`<title>${STEM}</title>`));
  assert.ok(html.includes('二、主动公开政府信息情况') && html.includes('<table'));
  await page.close();
});

test('复制 HTML puts the CMS fragment on the clipboard, or selects it for Ctrl+C when refused', async () => {
  const page = await openSeed({ permissions: ['clipboard-read', 'clipboard-write'] });
  await fromMenu(page, 'copy-html');
  await page.locator('#notice', { hasText: '已复制报告的 HTML' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith('<div style="'), 'the inline-styled fragment');
  assert.ok(copied.includes('通榆县边昭镇') && !copied.includes('<style'));
  await page.close();

  // Without clipboard access (no permission, or an old browser): a selected read-only textarea.
  const refused = await openSeed();
  await refused.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await fromMenu(refused, 'copy-html');
  await refused.locator('#copy-box', { hasText: 'Ctrl+C' }).waitFor();
  const selection = await refused.evaluate(() => {
    const area = document.getElementById('copy-area');
    return { readOnly: area.readOnly, focused: document.activeElement === area, selected: area.selectionEnd - area.selectionStart, length: area.value.length };
  });
  assert.equal(selection.readOnly, true);
  assert.equal(selection.focused, true);
  assert.ok(selection.length > 1000 && selection.selected === selection.length, 'all of it selected');
  await refused.close();
});

test('print shows the report view on A4 pages: no buttons, the labels of the report', async (t) => {
  const page = await openSeed();
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await page.waitForFunction(() => window.__printed === 1);
  assert.equal(await page.locator('#print-view table').count(), 3);
  assert.equal(await page.locator('#print-view script, #print-view [onerror]').count(), 0);
  assert.equal(await page.locator('#print-view').isVisible(), false, 'hidden on screen');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#print-view').isVisible(), true);
  assert.equal(await page.locator('.toolbar').isVisible(), false);
  assert.equal(await page.locator('#report-form').isVisible(), false);
  assert.equal(await page.locator('#summary').isVisible(), false);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-print-')), 'report.pdf');
  fs.writeFileSync(file, pdf);
  const pages = Number((pdf.toString('latin1').match(/\/Type\s*\/Pages[^>]*\/Count (\d+)/) || [])[1]);
  assert.ok(pages >= 3 && pages <= 8, `3 to 8 pages, got ${pages}`);
  t.diagnostic(`${pages} pages`);
  const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  t.diagnostic(text.status === 0 ? 'text checked with pdftotext' : 'pdftotext not available: text not checked');
  if (text.status === 0) {
    for (const label of ['通榆县边昭镇', '一、总体情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况']) {
      assert.ok(text.stdout.replace(/\s+/g, '').includes(label), label);
    }
    assert.ok(!text.stdout.includes('下载 Word') && !text.stdout.includes('自动计算合计'), 'no buttons in print');
  }
  await page.close();
});

test('with an error, exporting asks first: 查看问题 focuses the summary, 仍然下载 downloads', async () => {
  const page = await openSeed();
  const input = page.locator('[data-cell="s3.new.natural"]');
  const original = await input.inputValue();
  await input.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(Number(original) + 5));
  await page.keyboard.press('Tab');
  await page.locator('#summary [data-code="A001"]').first().waitFor();

  await fromMenu(page, 'download-docx');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /报告中还有 \d+ 个错误/);
  assert.equal(await dialog.getByRole('button', { name: '下载问题清单（CSV）' }).count(), 1);
  await dialog.getByRole('button', { name: '查看问题' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'summary');

  await fromMenu(page, 'download-docx');
  const { name, bytes } = await downloadOf(page, () => page.getByRole('dialog').getByRole('button', { name: '仍然下载 Word' }).click());
  assert.equal(name, STEM + '.docx');
  assert.ok(bytes.includes(Buffer.from('word/document.xml')));

  // The issue list stays available from the same dialog.
  await fromMenu(page, 'download-html');
  const csv = await downloadOf(page, () => page.getByRole('dialog').getByRole('button', { name: '下载问题清单（CSV）' }).click());
  assert.ok(csv.name.endsWith('_检查结果.csv'));
  assert.ok(csv.bytes.toString('utf8').includes('A001'));
  await page.close();
});
