// Smoke test of the test infrastructure itself: both browsers start, the static
// server serves wasm correctly, and the wasm feature floor of Chromium 83 is
// what build.sh's legacy build assumes (see fixtures/wasm-floor/README.md).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './support/server.mjs';
import { launchCurrent, launchChromium83 } from './support/browsers.mjs';
import { MODULES, CHROMIUM83 } from './fixtures/wasm-floor/modules.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

// Chromium 83 predates CSP 'wasm-unsafe-eval' (97+): under a CSP it needs
// 'unsafe-eval' to compile wasm at all. One server per policy.
const CSP = {
  none: undefined,
  wasmOnly: "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  unsafeEval: "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' 'unsafe-eval'",
};
const servers = {};
let server;
before(async () => {
  for (const [k, csp] of Object.entries(CSP)) {
    servers[k] = await startServer(FIXTURES, { headers: csp ? { 'Content-Security-Policy': csp } : {} });
  }
  server = servers.none;
});
after(() => Promise.all(Object.values(servers).map((s) => s.close())));

test('static server sends wasm with application/wasm and no-cache', async () => {
  const res = await fetch(`${server.url}wasm-floor/legacy/wprobe_bg.wasm`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  assert.match(res.headers.get('cache-control'), /no-cache/);
  assert.equal(res.headers.get('content-security-policy'), null);
  const strict = await fetch(`${servers.wasmOnly.url}wasm-floor/index.html`);
  assert.match(strict.headers.get('content-security-policy'), /'wasm-unsafe-eval'$/);
  const js = await fetch(`${server.url}wasm-floor/legacy/wprobe.js`);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  assert.equal((await fetch(`${server.url}../package.json`)).status, 404);
});

// Validate each feature module inside the page.
async function validateAll(page) {
  return page.evaluate((mods) => Object.fromEntries(
    Object.entries(mods).map(([k, v]) => [k, WebAssembly.validate(new Uint8Array(v))]),
  ), MODULES);
}

// Load the probe page and poll (without locators, which Chromium 83 cannot run).
async function runProbe(page, variant, srv = server) {
  await page.goto(`${srv.url}wasm-floor/index.html?variant=${variant}`);
  for (let i = 0; i < 100; i++) {
    const probe = await page.evaluate(() => window.__probe);
    if (probe && probe.done) return probe;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`probe page (${variant}) did not finish; page errors: ${page.__errors?.join(' | ')}`);
}

function assertProbeRan(probe) {
  assert.equal(probe.ok, true, probe.error);
  assert.equal(probe.add, 5);
  assert.equal(probe.greet, '你好, 张三! 3');
  assert.equal(probe.panicked, true, 'a Rust panic surfaces as a JS exception');
  assert.equal(probe.hookSaw, true, 'console_error_panic_hook logged the panic message');
}

for (const [name, launch] of [['current Chromium', launchCurrent], ['Chromium 83', launchChromium83]]) {
  describe(name, () => {
    let b;
    let page;
    before(async () => {
      b = await launch();
      page = await b.newPage();
      page.__errors = [];
      page.on('pageerror', (e) => page.__errors.push(String(e)));
    });
    after(() => b?.close());

    test('reports its version', () => {
      const major = Number(b.version.split('.')[0]);
      if (name === 'Chromium 83') assert.equal(major, 83);
      else assert.ok(major > 83, b.version);
    });

    test('WebAssembly.validate matches the expected feature set', async () => {
      await page.goto(`${server.url}wasm-floor/index.html?variant=none`);
      const got = await validateAll(page);
      const want = name === 'Chromium 83'
        ? CHROMIUM83
        : Object.fromEntries(Object.keys(MODULES).map((k) => [k, true]));
      assert.deepEqual(got, want);
    });

    test('legacy wasm-bindgen module runs', async () => {
      assertProbeRan(await runProbe(page, 'legacy'));
    });

    test('modern (reference-types) module: runs only on current Chromium', async () => {
      const probe = await runProbe(page, 'modern');
      if (name === 'Chromium 83') {
        assert.equal(probe.ok, false);
        assert.match(probe.error, /invalid (value|local) type|Compiling function/i, probe.error);
      } else {
        assertProbeRan(probe);
      }
    });

    test("CSP: 'wasm-unsafe-eval' is enough only on current Chromium", async () => {
      const probe = await runProbe(page, 'legacy', servers.wasmOnly);
      if (name === 'Chromium 83') {
        assert.equal(probe.ok, false);
        assert.match(probe.error, /Wasm code generation disallowed/);
        assertProbeRan(await runProbe(page, 'legacy', servers.unsafeEval));
      } else {
        assertProbeRan(probe);
      }
    });
  });
}
