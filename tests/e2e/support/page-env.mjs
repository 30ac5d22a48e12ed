// Shared set-up of the page's end-to-end tests: www/ on a local static server and one Chromium
// (current, or the one given: launchChromium83) for the whole test file, both closed after it.
// Usage:
//   const env = servePage();   ...   const page = await openReady(env, { viewport });
import { before, after } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchCurrent } from './browsers.mjs';
import { startServer } from './server.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function servePage(launch = launchCurrent) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(path.join(REPO, 'www'));
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A new page (in `context` when given, else in the env's browser) at the served page, once the
 *  page says it is ready; `page.errors` collects its uncaught errors. `watch(page)` runs before
 *  the page loads (to listen to its requests). */
export async function openReady(env, { context = null, viewport, watch, ...options } = {}) {
  // A context's pages take its own options.
  const page = context ? await context.newPage() : await env.browser.newPage(Object.assign({ acceptDownloads: true }, viewport ? { viewport } : {}, options));
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  if (watch) watch(page);
  await page.goto(env.server.url);
  // waitForFunction, not a selector: Playwright's selector engine does not run in Chromium 83.
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
  return page;
}

/** Chooses an item of the toolbar's 「下载」 menu (download-docx, download-html, copy-html,
 *  download-json, download-csv) as a person would: open the menu, click the item. `scope` is a
 *  page, a frame locator or a locator prefix holder with .locator(). */
export async function fromMenu(scope, id) {
  await scope.locator('#download-button').click();
  await scope.locator('#' + id).click();
}
