// PDF import in the page (run by `./build.sh bench`, after the build): the documents module's
// importFile, as the page's worker calls it, on the published 5-page WPS PDF of 洪泽区 and on
// LibreOffice's 4-page PDF of the seed (and the seed .docx for comparison), in current
// Chromium. Each file in a fresh page: the first call (right after the module is instantiated:
// it includes the engine's compiling of the functions it runs) and the median and p90 of 30
// further calls, in ms; and the cells the import filled. The last row reads the published PDF
// right after one other PDF in the same page: what is left of its first call once the engine
// has compiled the reader's code (lazily, on its first run) is the hongze-specific part.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchCurrent } from '../support/browsers.mjs';
import { startServer } from '../support/server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SEED_PDF = 'tests/fixtures/import/lo-pdf/seed.pdf';
const FILES = {
  'seed.docx (for comparison)': 'tests/fixtures/import/seed.docx',
  'hongze-2024 report.pdf (WPS, 5 pages)': 'tests/fixtures/real/hongze-2024/report.pdf',
  'seed.pdf (LibreOffice, 4 pages)': SEED_PDF,
  'hongze-2024 report.pdf, after seed.pdf': 'tests/fixtures/real/hongze-2024/report.pdf',
};

const server = await startServer(path.join(REPO, 'www'));
const browser = await launchCurrent();
try {
  const results = {};
  for (const [what, file] of Object.entries(FILES)) {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    const bytes = Array.from(fs.readFileSync(path.join(REPO, file)));
    const before = what.includes('after seed.pdf') ? Array.from(fs.readFileSync(path.join(REPO, SEED_PDF))) : null;
    results[what] = await page.evaluate(async ([bytes, name, before]) => {
      const documents = await import('./pkg/xxgk_documents.js');
      await documents.default();
      if (before) documents.importFile(new Uint8Array(before), 'seed.pdf');
      const data = new Uint8Array(bytes);
      let t0 = performance.now();
      const first = documents.importFile(data, name);
      const firstMs = performance.now() - t0;
      const runs = [];
      for (let i = 0; i < 30; i++) {
        t0 = performance.now();
        documents.importFile(data, name);
        runs.push(performance.now() - t0);
      }
      runs.sort((a, b) => a - b);
      const cells = Object.values(JSON.parse(first.json).cells).filter((v) => v !== null).length;
      return { first: firstMs.toFixed(1), median: runs[15].toFixed(1), p90: runs[27].toFixed(1), cells };
    }, [bytes, path.basename(file), before]);
    await page.close();
  }
  console.log(`PDF import in the page (${browser.name} ${browser.version}), ms:`);
  console.table(results);
} finally {
  await browser.close();
  await server.close();
}
