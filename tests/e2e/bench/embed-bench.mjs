// Benchmark of the embedding deliverables (run by ./build.sh bench; not a test):
//   - size of dist/xxgk-report.html and of dist/static/ (raw and gzip -9, file by file);
//   - time from navigation to the first check of the single file opened from file://
//     (performance.now() when <body data-ready> appears: the page sets it after its first check),
//     in current Chromium and in Chromium 83, median of RUNS fresh pages.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { launchCurrent, launchChromium83 } from '../support/browsers.mjs';
import { buildDist, rmrf } from '../embed-fixtures.mjs';

const RUNS = Number(process.env.XXGK_BENCH_RUNS || 15);
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

function walk(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    return e.isDirectory() ? walk(abs, base) : [path.relative(base, abs)];
  });
}

async function timeToFirstCheck(launch, file) {
  const b = await launch();
  const times = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await b.newPage();
      await page.addInitScript(() => {
        new MutationObserver((records, observer) => {
          if (document.body && document.body.getAttribute('data-ready') === 'true') {
            window.__firstCheck = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
      });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => typeof window.__firstCheck === 'number', null, { timeout: 60000 });
      times.push(await page.evaluate(() => window.__firstCheck));
      await page.close();
    }
  } finally {
    await b.close();
  }
  times.sort((a, c) => a - c);
  return { version: b.version, median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

const dist = buildDist();
try {
  const single = fs.readFileSync(dist.single);
  console.log(`single file: ${kb(single.length)} raw, ${kb(gz(single))} gzipped`);
  let raw = 0;
  let zipped = 0;
  let loaded = 0;
  const rows = [];
  for (const f of walk(dist.static).sort()) {
    const buf = fs.readFileSync(path.join(dist.static, f));
    raw += buf.length;
    zipped += gz(buf);
    rows.push(`  ${f}: ${kb(buf.length)} / ${kb(gz(buf))}`);
    // What index.html loads at start: not the API, the documents worker, .d.ts, config.json or SHA256SUMS.
    if (!/^(embed\/|xxgk-report\.|SHA256SUMS|pkg\/xxgk_documents)|\.d\.ts$/.test(f)) loaded += gz(buf);
  }
  console.log(`static folder: ${kb(raw)} raw, ${kb(zipped)} gzipped (sum of files); index.html in current Chromium loads ${kb(loaded)} gzipped`);
  console.log(rows.join('\n'));
  for (const [name, launch] of [['current Chromium', launchCurrent], ['Chromium 83', launchChromium83]]) {
    const r = await timeToFirstCheck(launch, dist.single);
    console.log(`single file, navigation → first check, ${name} ${r.version}: median ${r.median.toFixed(0)} ms (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)}, ${RUNS} runs)`);
  }
} finally {
  rmrf(dist.dir);
}
