// Error localization in the browser (run by `./build.sh bench`, after the build; not a test):
// what one keystroke in a table costs the page through the binding (setCell + check, findings
// handed to JavaScript) on a real district report (淮安市洪泽区 2024), with every sum holding,
// with one wrong cell and with two and three; median over 100 batches of 20 keystrokes. The
// difference to the consistent case is the localization with its suspects and fixes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchCurrent } from '../support/browsers.mjs';
import { startServer } from '../support/server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const REPORT = fs.readFileSync(path.join(REPO, 'tests/fixtures/fixes/hongze-2024.json'), 'utf8');

const CASES = {
  'consistent tables': [],
  'one wrong cell (（七）总计（自然人）, 3 sums)': [['s3.outcome_total.natural', '98']],
  'two wrong cells': [['s3.outcome_total.natural', '98'], ['s3.unable.not_held.business', '2']],
  'three wrong cells': [['s3.outcome_total.natural', '98'], ['s3.unable.not_held.business', '2'], ['s3.new.research', '1']],
};

const server = await startServer(path.join(REPO, 'www'));
const browser = await launchCurrent();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const results = await page.evaluate(async ({ report, cases }) => {
    const wasm = await import('./pkg/xxgk_report.js');
    const out = {};
    for (const [name, wrong] of Object.entries(cases)) {
      const session = wasm.Session.fromJson(report);
      for (const [cell, value] of wrong) session.setCell(cell, value);
      // The keystroke: a cell outside the broken sums' suspects, typed and typed back.
      let n = 0;
      const keystroke = () => { session.setCell('s2.coercion.decisions', String(84 + (n++ % 2))); return session.check(); };
      const findings = keystroke();
      for (let i = 0; i < 200; i++) keystroke();
      const batches = [];
      for (let b = 0; b < 100; b++) {
        const t0 = performance.now();
        for (let i = 0; i < 20; i++) keystroke();
        batches.push((performance.now() - t0) * 1000 / 20);
      }
      batches.sort((a, b) => a - b);
      const suspect = findings.find((f) => f.suspect)?.suspect;
      out[name] = { us: batches[50], suspect: suspect ? suspect.message : '-' };
      session.free();
    }
    return out;
  }, { report: REPORT, cases: CASES });
  console.log(`Chromium ${browser.version}: one keystroke in a table (setCell + check to JS), median µs`);
  for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(44)} ${r.us.toFixed(1).padStart(7)}   ${r.suspect}`);
} finally {
  await browser.close();
  await server.close();
}
