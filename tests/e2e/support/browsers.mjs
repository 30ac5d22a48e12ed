// Browser launchers for the end-to-end tests (playwright-core, no downloaded browsers).
//
//   const b = await launchCurrent();      // Debian's Chromium (/usr/bin/chromium)
//   const b = await launchChromium83();   // Chromium 83 from chrome-aws-lambda@3.1.1
//   const page = await b.newPage();       // fresh isolated context per call
//   ...; await b.close();
//
// Both return {name, version, browser, newContext(opts), newPage(opts), close()}.
// Chromium 83 is driven over CDP. Current Playwright locators call
// Element.checkVisibility, which Chromium 83 lacks: there use page.evaluate,
// page.keyboard and page.mouse instead of locators / page.click / page.fill.
import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Flags used for every Chromium we start: headless, no sandbox (we run as root),
// and nothing that talks to the network on its own.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CURRENT_CHROMIUM = process.env.XXGK_CHROMIUM ?? '/usr/bin/chromium';

function wrap(name, browser, cleanup) {
  let closed = false;
  return {
    name,
    browser,
    version: browser.version(),
    newContext: (opts = {}) => browser.newContext(opts),
    async newPage(opts = {}) {
      const ctx = await browser.newContext(opts);
      const page = await ctx.newPage();
      // Closing the page also closes its private context.
      page.once('close', () => ctx.close().catch(() => {}));
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => {});
      await cleanup();
    },
  };
}

// Current Debian Chromium, launched by Playwright. Playwright itself adds a
// fresh temporary --user-data-dir for every launch() and deletes it on close.
export async function launchCurrent({ args = [] } = {}) {
  const browser = await chromium.launch({
    executablePath: CURRENT_CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...args],
    timeout: 60_000,
  });
  return wrap('current', browser, async () => {});
}

// ---- Chromium 83 -----------------------------------------------------------

const C83_SRC = path.join(REPO, 'node_modules/chrome-aws-lambda/bin');
const C83_DIR = process.env.XXGK_CHROMIUM83_DIR
  ?? path.join(REPO, 'node_modules/.cache/chromium83');

// Decompress chrome-aws-lambda's brotli files once into C83_DIR; returns the binary path.
export function ensureChromium83() {
  const exe = path.join(C83_DIR, 'chromium');
  const stamp = path.join(C83_DIR, '.complete');
  if (fs.existsSync(stamp)) return exe;
  if (!fs.existsSync(path.join(C83_SRC, 'chromium.br'))) {
    throw new Error(`chrome-aws-lambda@3.1.1 not installed (${C83_SRC}); run npm ci`);
  }
  fs.rmSync(C83_DIR, { recursive: true, force: true });
  fs.mkdirSync(C83_DIR, { recursive: true });
  const unbr = (name) => zlib.brotliDecompressSync(fs.readFileSync(path.join(C83_SRC, name)));
  fs.writeFileSync(exe, unbr('chromium.br'), { mode: 0o755 });
  for (const tarball of ['aws', 'swiftshader']) {
    const dest = path.join(C83_DIR, tarball);
    fs.mkdirSync(dest);
    const tarFile = path.join(C83_DIR, `${tarball}.tar`);
    fs.writeFileSync(tarFile, unbr(`${tarball}.tar.br`));
    const r = spawnSync('tar', ['-xf', tarFile, '-C', dest], { encoding: 'utf8' });
    fs.rmSync(tarFile);
    if (r.status !== 0) throw new Error(`tar failed for ${tarball}: ${r.stderr}`);
  }
  fs.writeFileSync(stamp, '83.0.4103\n');
  return exe;
}

// Start Chromium 83 with a free DevTools port and connect Playwright over CDP.
export async function launchChromium83({ args = [] } = {}) {
  const exe = ensureChromium83();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-c83-'));
  const proc = spawn(exe, [
    ...CHROMIUM_FLAGS,
    // No --single-process: with it Chromium 83 crashes when a second browser
    // context (Target.createBrowserContext) opens a page.
    '--no-zygote',
    '--disable-dev-shm-usage',
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    ...args,
    'about:blank',
  ], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // Uses Debian's system libraries (libnss3, fontconfig, ...), which the
    // chromium package pulls in; the aws/ libs of chrome-aws-lambda are not needed.
  });
  const cleanup = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await new Promise((r) => proc.once('exit', r));
    }
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  let wsUrl;
  try {
    wsUrl = await new Promise((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`Chromium 83 did not start:\n${log}`)), 30_000);
      proc.stderr.on('data', (d) => {
        log += d;
        const m = log.match(/DevTools listening on (ws:\/\/\S+)/);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Chromium 83 exited (${code}):\n${log}`)); });
    });
    proc.stderr.resume(); // keep draining its log
    const browser = await chromium.connectOverCDP(wsUrl, { timeout: 30_000 });
    return wrap('chromium83', browser, cleanup);
  } catch (e) {
    await cleanup();
    throw e;
  }
}
