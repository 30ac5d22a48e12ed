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
