// Smoke test on the floor browser, Chromium 83 (driven with evaluate/keyboard: no locators there).
// Needs the legacy build in www/pkg/legacy (./build.sh build).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium83 } from './support/browsers.mjs';
import { startServer } from './support/server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server;
let browser;

before(async () => {
  server = await startServer(path.join(REPO, 'www'));
  browser = await launchChromium83();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('Chromium 83: the page loads the legacy build, takes typing and shows a finding', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.XXGK_PKG), 'pkg/legacy/');

  await page.evaluate(() => document.querySelector('[data-cell="s3.new.natural"]').focus());
  await page.keyboard.type('１２件');
  await page.keyboard.press('Tab');
  await page.keyboard.type('abc');
  await page.keyboard.press('Tab');
  const state = await page.evaluate(() => ({
    normalised: document.querySelector('[data-cell="s3.new.natural"]').value,
    atCell: document.querySelector('td:not([hidden]) [id="m-s3_new_business"] [data-code="V001"]') !== null,
    inSummary: document.querySelector('#summary [data-code="V001"] a') !== null,
    invalid: document.querySelector('[data-cell="s3.new.business"]').getAttribute('aria-invalid'),
  }));
  assert.deepEqual(state, { normalised: '12', atCell: true, inSummary: true, invalid: 'true' });
  assert.deepEqual(errors, []);
  await page.close();
});
