#!/usr/bin/env node
// Builds dist/ from www/ (run by `./build.sh dist` after the wasm build):
//   dist/static/            the page as it is served (www/ without tools/), plus SHA256SUMS; its
//                           JavaScript and CSS without comments and indentation, local names
//                           shortened (terser, a dev dependency; no code rewritten, exported and
//                           global names kept), as in the single file
//   dist/xxgk-report.html   one self-contained file for file:// (no server, no network): CSS,
//                           JavaScript and the WebAssembly modules (base64) inline: the page's,
//                           the documents module (Word/HTML) and the batch module (批量检查),
//                           each of the last two run in a Web Worker started from its inline
//                           worker script on first use.
// And, run by `./build.sh build` (`--worker`): www/pkg/xxgk_documents_worker.js and
// www/pkg/xxgk_batch_worker.js, the workers (www/js/documents-worker.js, batch-worker.js +
// wasm-bindgen's glue) as one classic script each, since module workers are missing in Firefox ESR 78.
// ES modules cannot load from file://, so the page's modules are concatenated into one classic
// script. Only a simple subset of module syntax is accepted; anything else fails the build:
//   import { a, b as c } from './x.js';      import * as ns from './x.js';
//   export function f / export async function f / export class C / export const x = ...
//   export { a, b as c };                     (wasm-bindgen's glue: `__wbg_init as default`)
// No dynamic import(), no import.meta (except wasm-bindgen's default wasm URL, never used here),
// no `export let/var`, `export default` or re-exports, no import cycles.
// Usage: node www/tools/dist.mjs [--www DIR] [--out DIR] | --worker [--www DIR]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error('dist.mjs: ' + message);
  process.exit(1);
}

// ---- bundling ---------------------------------------------------------------------------------

const IMPORT_NAMED = /^import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2\s*;?[ \t]*$/gm;
const IMPORT_STAR = /^import\s*\*\s*as\s+([A-Za-z_$][\w$]*)\s+from\s*(['"])([^'"]+)\2\s*;?[ \t]*$/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\}\s*;?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+(async\s+function\s*\*?|function\s*\*?|class|const)\s+([A-Za-z_$][\w$]*)/gm;
const IDENT = /^[A-Za-z_$][\w$]*$/;

function isGlue(file) {
  return /[\\/]pkg[\\/]xxgk_(report|documents|batch)\.js$/.test(file);
}

function specifiers(list, file) {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = s.match(/^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/);
    if (!m) fail(`${file}: cannot read specifier "${s}"`);
    return { name: m[1], as: m[2] || m[1] };
  });
}

/** Parses one module: its imports, its exports and its body without the module syntax. */
function parseModule(file) {
  let src = fs.readFileSync(file, 'utf8');
  const rel = path.relative(process.cwd(), file);
  if (isGlue(file)) {
    // The only import.meta in wasm-bindgen's glue: the default wasm URL, used when init gets no
    // bytes (never here). In a worker there is no document.
    const n = src.split('import.meta.url').length - 1;
    if (n !== 1) fail(`${rel}: expected one import.meta.url in wasm-bindgen's glue, found ${n}`);
    src = src.replace('import.meta.url', "(typeof document === 'object' ? document.baseURI : self.location.href)");
  }
  if (/\bimport\.meta\b/.test(src)) fail(`${rel}: import.meta is not supported in the single file`);
  // Dynamic import: `import(` not preceded by a dot (Session.import) nor a method definition.
  const dyn = src.match(/(^|[^.\w$])(?<!static\s)import\s*\(/m);
  if (dyn) fail(`${rel}: dynamic import() is not supported in the single file`);

  const imports = [];
  const exports = [];
  src = src.replace(IMPORT_NAMED, (all, list, q, from) => {
    imports.push({ from, names: specifiers(list, rel) });
    return '\u0000IMPORT' + (imports.length - 1) + '\u0000';
  });
  src = src.replace(IMPORT_STAR, (all, ns, q, from) => {
    imports.push({ from, star: ns });
    return '\u0000IMPORT' + (imports.length - 1) + '\u0000';
  });
  src = src.replace(EXPORT_LIST, (all, list) => {
    for (const s of specifiers(list, rel)) exports.push({ local: s.name, name: s.as });
    return '';
  });
  src = src.replace(EXPORT_DECL, (all, kind, name) => {
    exports.push({ local: name, name });
    return all.replace(/^export\s+/, '');
  });
  // Whatever import/export is left is outside the subset (multi-line lists, export let, default, ...).
  const left = src.match(/^[ \t]*(import|export)\b.*$/m);
  if (left) fail(`${rel}: unsupported module syntax: ${left[0].trim()}`);
  for (const e of exports) if (!IDENT.test(e.local)) fail(`${rel}: bad export ${e.local}`);
  return { file, rel, src, imports, exports };
}

/** Concatenates `entry` and everything it imports, in dependency order, into one IIFE. */
export function bundle(entry) {
  const modules = new Map(); // file -> parsed, in evaluation order
  const visiting = new Set();
  function visit(file, from) {
    if (modules.has(file)) return;
    if (visiting.has(file)) fail(`import cycle through ${path.relative(process.cwd(), file)} (from ${from})`);
    if (!fs.existsSync(file)) fail(`${from}: imports missing file ${file}`);
    visiting.add(file);
    const mod = parseModule(file);
    for (const imp of mod.imports) {
      if (!/^\.\.?\//.test(imp.from)) fail(`${mod.rel}: only relative imports are supported ("${imp.from}")`);
      imp.file = path.resolve(path.dirname(file), imp.from);
      visit(imp.file, mod.rel);
    }
    visiting.delete(file);
    modules.set(file, mod);
  }
  visit(path.resolve(entry), 'entry');

  const ids = new Map([...modules.keys()].map((f, i) => [f, '__xxgk_m' + i]));
  const parts = ['(function () {', "'use strict';"];
  for (const mod of modules.values()) {
    const target = modules;
    let body = mod.src.replace(/\u0000IMPORT(\d+)\u0000/g, (all, i) => {
      const imp = mod.imports[Number(i)];
      const dep = target.get(imp.file);
      const ns = ids.get(imp.file);
      if (imp.star) return `const ${imp.star} = ${ns};`;
      for (const n of imp.names) {
        if (!dep.exports.some((e) => e.name === n.name)) fail(`${mod.rel}: ${dep.rel} does not export ${n.name}`);
      }
      return 'const { ' + imp.names.map((n) => (n.name === n.as ? n.name : n.name + ': ' + n.as)).join(', ') + ' } = ' + ns + ';';
    });
    const exported = mod.exports.map((e) => `${JSON.stringify(e.name)}: ${e.local}`).join(', ');
    body = `// ---- ${path.relative(path.join(HERE, '..'), mod.file)}\nconst ${ids.get(mod.file)} = (function () {\n${body}\nreturn Object.freeze({ ${exported} });\n}());`;
    parts.push(body);
  }
  parts.push('}());');
  return parts.join('\n');
}

// ---- the single file ------------------------------------------------------------------------

function scriptText(js) {
  // "</script" inside a string or comment would end the element early.
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function base64Lines(bytes) {
  return bytes.toString('base64').replace(/.{1,76}/g, '$&\n');
}

// ---- comments out ----------------------------------------------------------------------------

/** JavaScript without comments and indentation, local names shortened; no code rewritten (ES2020 kept). */
async function stripJs(code, { module }) {
  const out = await minify(code, {
    module, ecma: 2020, compress: false, mangle: true,
    format: { comments: false, ascii_only: false, semicolons: false },
  });
  return out.code + '\n';
}

/** CSS without comments and the whitespace around its punctuation. */
function stripCss(css) {
  if (/["'][^"'\n]*\/\*/.test(css)) fail('app.css: a string holds "/*"; stripCss would cut it');
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '\n').replace(/\n+/g, '\n').replace(/\s*([{};,>])\s*/g, '$1').trim() + '\n';
}

/** Strips every .js and .css file under `dir` in place. */
async function stripTree(dir, files) {
  for (const rel of files) {
    const file = path.join(dir, rel);
    if (rel.endsWith('.js')) {
      const code = fs.readFileSync(file, 'utf8');
      // Classic scripts: loader.js, the worker, embed/global.js; the rest are modules.
      const module = /^(import|export)\b/m.test(code);
      fs.writeFileSync(file, await stripJs(code, { module }));
    } else if (rel.endsWith('.css')) {
      fs.writeFileSync(file, stripCss(fs.readFileSync(file, 'utf8')));
    }
  }
}

async function singleFile(www) {
  let html = fs.readFileSync(path.join(www, 'index.html'), 'utf8');
  const css = stripCss(fs.readFileSync(path.join(www, 'app.css'), 'utf8'));
  if (/<\/style/i.test(css)) fail('app.css contains </style');
  const link = '<link rel="stylesheet" href="app.css">';
  const loaderTag = '<script src="loader.js" defer></script>';
  if (!html.includes(link) || !html.includes(loaderTag) || !html.includes('</body>')) {
    fail('www/index.html no longer has the expected <link>, <script src="loader.js" defer> and </body>');
  }
  const wasm = (name) => fs.readFileSync(path.join(www, 'pkg', name + '_bg.wasm'));
  const app = await stripJs(bundle(path.join(HERE, 'single-entry.js')), { module: false });
  const worker = await stripJs(bundle(path.join(www, 'js/documents-worker.js')), { module: false });
  const batchWorker = await stripJs(bundle(path.join(www, 'js/batch-worker.js')), { module: false });
  const loader = await stripJs(fs.readFileSync(path.join(www, 'loader.js'), 'utf8'), { module: false });
  html = html.replace(link, () => '<style>\n' + css + '</style>');
  html = html.replace(loaderTag, '');
  html = html.replace('</body>', () => [
    '<script type="application/octet-stream" id="xxgk-wasm-page">\n' + base64Lines(wasm('xxgk_report')) + '</script>',
    '<script type="application/octet-stream" id="xxgk-wasm-documents">\n' + base64Lines(wasm('xxgk_documents')) + '</script>',
    '<script type="application/octet-stream" id="xxgk-wasm-batch">\n' + base64Lines(wasm('xxgk_batch')) + '</script>',
    '<script type="text/plain" id="xxgk-documents-worker">\n' + scriptText(worker) + '\n</script>',
    '<script type="text/plain" id="xxgk-batch-worker">\n' + scriptText(batchWorker) + '\n</script>',
    '<script type="text/plain" id="xxgk-places">' + scriptText(fs.readFileSync(path.join(www, 'pkg/places.tsv'), 'utf8')) + '</script>',
    '<script>\n' + scriptText(app) + '\n</script>',
    '<script>\n' + scriptText(loader) + '</script>',
    '</body>',
  ].join('\n'));
  return html;
}

// ---- the static folder ------------------------------------------------------------------------

function copyTree(from, to, skip) {
  const files = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const rel = path.relative(from, abs);
      if (skip(rel)) continue;
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) {
        fs.mkdirSync(path.join(to, path.dirname(rel)), { recursive: true });
        fs.copyFileSync(abs, path.join(to, rel));
        files.push(rel.split(path.sep).join('/'));
      }
    }
  }(from));
  return files.sort();
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const www = path.resolve(opt('--www', path.join(HERE, '..')));
  if (args.includes('--worker')) {
    for (const name of ['documents', 'batch']) {
      const file = path.join(www, 'pkg/xxgk_' + name + '_worker.js');
      const source = 'js/' + name + '-worker.js';
      fs.writeFileSync(file, '// Generated by www/tools/dist.mjs --worker from www/' + source + '; do not edit.\n' + bundle(path.join(www, source)) + '\n');
      console.log(`dist.mjs: ${path.relative(process.cwd(), file)}`);
    }
    return;
  }
  const out = path.resolve(opt('--out', path.join(www, '..', 'dist')));
  for (const name of ['xxgk_report_bg.wasm', 'xxgk_documents_bg.wasm', 'xxgk_documents_worker.js', 'xxgk_batch_bg.wasm', 'xxgk_batch_worker.js', 'places.tsv']) {
    if (!fs.existsSync(path.join(www, 'pkg', name))) fail(`missing www/pkg/${name}: run ./build.sh build first`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  const staticDir = path.join(out, 'static');
  const files = copyTree(www, staticDir, (rel) => rel === 'tools' || rel.endsWith('.wasm.d.ts'));
  await stripTree(staticDir, files);
  const sums = files.map((f) => crypto.createHash('sha256').update(fs.readFileSync(path.join(staticDir, f))).digest('hex') + '  ' + f);
  fs.writeFileSync(path.join(staticDir, 'SHA256SUMS'), sums.join('\n') + '\n');
  const single = path.join(out, 'xxgk-report.html');
  fs.writeFileSync(single, await singleFile(www));
  console.log(`dist.mjs: ${path.relative(process.cwd(), staticDir)}/ (${files.length} files + SHA256SUMS), ${path.relative(process.cwd(), single)} (${fs.statSync(single).size} bytes)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => fail(e && e.message ? e.message : String(e)));
}
