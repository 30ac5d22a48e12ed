// The screenshot set of docs/page/ (not a test; run by hand after ./build.sh build):
//   node tests/e2e/screenshots.mjs
// At 1366×768 in current Chromium, and the first view in Chromium 83 too:
//   first-view.png         a fresh page: the slim toolbar, 尚有 200 格未填, no red box
//   deep-in-table-3.png    the seed imported, one number off in 三 (本年新收, 自然人): the cell
//                          every broken sum shares marked strongly and named, the totals plainly,
//                          the parts lightly; the focused cell's message wholly on screen above it
//   one-wrong-number.png   the same report at the summary: the core's suspect named first with its
//                          修正 button (「将…改为 0」), 「全部安全修正」, then the two broken sums,
//                          then the warnings of the seed, each with 修正 or 已核实 where it has one
//   fix-at-cell.png        the suspect cell focused, Tab pressed: its popover names it, and focus is
//                          on the cell's 修正 button
//   safe-fixes-made.png    the seed after a click on 「全部安全修正」: the notice at the bottom lists the
//                          three fixes (the headings and the regulation's name) with 撤销; what a person
//                          must judge is left
//   first-view-c83.png     the first view in Chromium 83
// What each shows is what tests/e2e/clerk.test.mjs checks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchCurrent, launchChromium83 } from './support/browsers.mjs';
import { startServer } from './support/server.mjs';
import { chooseFile } from './support/files.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(REPO, 'docs/page');
const SEED = fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'));
fs.mkdirSync(OUT, { recursive: true });

const server = await startServer(path.join(REPO, 'www'));
try {
  for (const [name, launch] of [['current', launchCurrent], ['c83', launchChromium83]]) {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(server.url);
      await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true');
      await page.screenshot({ path: path.join(OUT, name === 'current' ? 'first-view.png' : 'first-view-c83.png') });
      if (name !== 'current') continue;
      await chooseFile(page, 'seed.json', SEED);
      await page.waitForFunction(() => /已导入/.test(document.getElementById('notice').textContent));
      const input = page.locator('[data-cell="s3.new.natural"]');
      await input.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('5');
      await page.keyboard.press('Tab');
      // Down to the last rows of 三, to the column total that no longer balances.
      await page.locator('[data-cell="s3.outcome_total.natural"]').click();
      await page.evaluate(() => window.scrollBy(0, document.querySelector('[data-cell="s3.outcome_total.natural"]').getBoundingClientRect().bottom - window.innerHeight + 60));
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(OUT, 'deep-in-table-3.png') });
      await page.locator('#toolbar-counts').click();
      await page.mouse.move(5, 400);
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(OUT, 'one-wrong-number.png') });

      // The suspect cell's own 修正, reached by Tab from the cell.
      await page.locator('[data-cell="s3.new.natural"]').click();
      await page.keyboard.press('Tab');
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(OUT, 'fix-at-cell.png') });
      await page.keyboard.press('Escape');
      await page.locator('[data-cell="s3.new.natural"]').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('0');
      await page.keyboard.press('Tab');
      await page.locator('#toolbar-counts').click();
      await page.locator('#apply-safe-fixes').click();
      await page.locator('#summary').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, document.getElementById('summary').getBoundingClientRect().top + window.scrollY - 70));
      await page.mouse.move(5, 400);
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(OUT, 'safe-fixes-made.png') });
    } finally {
      await browser.close();
    }
  }
  console.log('docs/page/: first-view.png, first-view-c83.png, deep-in-table-3.png, one-wrong-number.png, fix-at-cell.png, safe-fixes-made.png');
} finally {
  await server.close();
}
