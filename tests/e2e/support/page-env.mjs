// Shared set-up of the page's end-to-end tests: www/ on a local static server and one current
// Chromium for the whole test file, both closed after it. Usage:
//   const env = servePage();   ...   await env.browser.newPage(); await page.goto(env.server.url);
import { before, after } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchCurrent } from './browsers.mjs';
import { startServer } from './server.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function servePage() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(path.join(REPO, 'www'));
    env.browser = await launchCurrent();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Chooses an item of the toolbar's 「下载」 menu (download-docx, download-html, copy-html,
 *  download-json, download-csv) as a person would: open the menu, click the item. `scope` is a
 *  page, a frame locator or a locator prefix holder with .locator(). */
export async function fromMenu(scope, id) {
  await scope.locator('#download-button').click();
  await scope.locator('#' + id).click();
}
