// Shared by embed*.test.mjs and bench/embed-bench.mjs: the snippets of docs/embedding.md, a fresh
// dist/ built into a temporary folder, and host pages ("portals") that use the snippets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_JSON = fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'), 'utf8');
export const SEED = JSON.parse(SEED_JSON);

/** The code blocks of docs/embedding.md marked ```lang snippet=NAME, by name. */
export function docSnippets() {
  const doc = fs.readFileSync(path.join(REPO, 'docs/embedding.md'), 'utf8');
  const found = {};
  const re = /^```[\w-]+ snippet=([\w-]+)\n([\s\S]*?)^```$/gm;
  let m;
  while ((m = re.exec(doc)) !== null) found[m[1]] = m[2];
  return found;
}

/** Builds dist/ (static folder + single file) from www/ into a temporary folder. */
export function buildDist() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-dist-'));
  execFileSync(process.execPath, [path.join(REPO, 'www/tools/dist.mjs'), '--out', out], { stdio: 'pipe' });
  return { dir: out, single: path.join(out, 'xxgk-report.html'), static: path.join(out, 'static') };
}

/** A site root with the form's static folder at /xxgk/ and the given pages ({name: text}). */
export function makeSite(staticDir, pages) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-site-'));
  fs.symlinkSync(staticDir, path.join(dir, 'xxgk'));
  for (const [name, text] of Object.entries(pages)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

// A portal with aggressive global CSS: everything unset, tables/inputs hidden, odd fonts and sizes.
export const HOSTILE_CSS = `
* { all: unset; }
html, body { display: block; font-size: 11px; font-family: serif; color: #c00; letter-spacing: 3px; text-align: center; line-height: 1; }
table, input, textarea, select, button, h2 { display: none !important; }
div { border: 7px solid magenta; padding: 40px; }
section, form { display: inline !important; }
.toolbar, .summary, .xr-root, [hidden] { display: none !important; }
p { color: #0f0; font-size: 30px; }
`;

/** A portal page: the given body (a snippet), hostile CSS unless {plain: true}, a host table and paragraph. */
export function portalPage(body, { plain = false, head = '' } = {}) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>某某县人民政府门户网站</title>
${plain ? '' : '<style>' + HOSTILE_CSS + '</style>'}${head}
</head><body>
<p id="host-p">门户网站自己的内容</p>
<table id="host-table"><tr><td>门户表格</td></tr></table>
${body}
</body></html>
`;
}

export function rmrf(dir) {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
