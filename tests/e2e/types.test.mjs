// The TypeScript declarations against what the code really does (issue 13, item 8): a test that
// fails on drift. Run: node --test tests/e2e/types.test.mjs (needs www/pkg: ./build.sh build).
//
// - www/pkg/xxgk_report.d.ts and xxgk_documents.d.ts are written by wasm-bindgen from the Rust
//   binding (function signatures from the Rust types, unchecked_return_type for what is handed over
//   as plain objects, whose interfaces are the typescript_custom_section next to the Rust structs
//   in src/wasm/types.rs). Real values from the binding — every free function, findings with cells,
//   fields and text spans, totals, import summaries of every file in tests/fixtures/import — are written
//   into a .ts file as literals typed by those declarations and compiled with tsc --strict: a field
//   the declarations lack (excess property), a field they promise that is missing, or a wrong type
//   (null for a number, "pdf" outside a union) fails.
// - No function or method of the binding may be declared as returning `any`.
// - www/xxgk-report.d.ts (the embedding API, hand-written) compiles against the binding's types, and
//   its exports, XxgkReportApi and MountedForm name exactly what xxgk-report.js exports and mount()
//   returns (read from the module in the browser).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { REPO } from './support/page-env.mjs';
import { launchCurrent } from './support/browsers.mjs';
import { startServer } from './support/server.mjs';

const WWW = path.join(REPO, 'www');
const SEED = fs.readFileSync(path.join(REPO, 'tests/fixtures/seed.json'), 'utf8');
const HONGZE = fs.readFileSync(path.join(REPO, 'tests/fixtures/batch/hongze-2024.json'), 'utf8');
const IMPORTS = path.join(REPO, 'tests/fixtures/import');
// Every import fixture (each format a reader adds lands here), so a new format in ImportFound fails
// the test until the declarations name it.
const importFixtures = () => fs.readdirSync(IMPORTS).filter((f) => fs.statSync(path.join(IMPORTS, f)).isFile())
  .map((name) => ({ name, bytes: Array.from(fs.readFileSync(path.join(IMPORTS, name))) }));

let server;
let browser;
let values;

before(async () => {
  server = await startServer(WWW);
  browser = await launchCurrent();
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  values = await page.evaluate(async ({ seed, hongze, fixtures }) => {
    const w = await import('./pkg/xxgk_report.js');
    const d = await import('./pkg/xxgk_documents.js');
    await d.default();
    const b = await import('./pkg/xxgk_batch.js');
    await b.default();
    const api = await import('./xxgk-report.js');
    await api.init();
    const host = document.createElement('div');
    document.body.appendChild(host);
    const handle = api.mount(host, { draftKey: null });

    const broken = w.Session.fromJson(seed);
    broken.setCell('s3.new.natural', '9'); // A001/A003 with cells and numbers
    broken.setCell('s3.new.business', 'abc'); // V001
    broken.setField('text.overview', '😀根据《政务公开条例》，全省2024年收到申请 3 件。'); // spans
    broken.setField('agency.postcode', '12'); // a field finding
    const partial = new w.Session();
    for (const [id, v] of [['s4.review.upheld', '1'], ['s4.review.corrected', '2'], ['s4.review.other', '0'], ['s4.review.pending', '0']]) partial.setCell(id, v);
    partial.setCell('s4.review.total', '5');
    const files = [d.importFile(new TextEncoder().encode(seed), 'seed.json')];
    for (const f of fixtures) {
      try { files.push(d.importFile(new Uint8Array(f.bytes), f.name)); } catch (e) { /* a fixture meant to fail */ }
    }
    const imported = w.Session.fromDraft(files[files.length - 1].json);
    const findings = broken.check();
    const applied = broken.applySafeFixes();
    const undone = broken.undoFix();

    // A batch with a pair (Y001), a copied passage, a broken file and a 2019-table report.
    const encode = (o) => new TextEncoder().encode(JSON.stringify(o));
    const current = JSON.parse(hongze);
    const last = JSON.parse(hongze);
    last.year = 2023;
    last.cells['s3.carried_out.natural'] = 99;
    const copier = JSON.parse(seed);
    copier.text.overview += JSON.parse(hongze).text.overview.slice(40, 400);
    const batch = new b.Batch();
    const batchFiles = [batch.add('洪泽2024.json', encode(current)), batch.add('洪泽2023.json', encode(last)), batch.add('边昭镇.json', encode(copier))];
    batchFiles.push(batch.add('坏.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1])), batch.addFailed('大.docx', '太大'));
    for (const f of fixtures) if (f.name === 'y2019.docx') batchFiles.push(batch.add(f.name, new Uint8Array(f.bytes)));
    const comparison = batch.compare();
    const withPrevious = w.Session.fromJson(hongze);
    const previous = withPrevious.setPrevious(JSON.stringify(last));
    return {
      layouts: w.layouts(), cellCatalog: w.cellCatalog(), rules: w.rules(), levels: w.levels(),
      textFields: w.textFields(), reportFields: w.reportFields(), severities: w.severities(),
      findings, applied, undone, totals: partial.proposeTotals(), headings: broken.headings(),
      importSummary: imported.importSummary(), cellSources: imported.cellSources(), files,
      batchFiles, comparison, years: batch.years(), rollup: batch.rollup(2024, '淮安市人民政府'), batchFindings: batch.findings(0),
      previous, previousFindings: withPrevious.check(), noPrevious: (withPrevious.clearPrevious(), withPrevious.previous()),
      apiExports: Object.keys(api).sort(), apiObject: Object.keys(api.api).sort(), handle: Object.keys(handle).sort(),
    };
  }, { seed: SEED, hongze: HONGZE, fixtures: importFixtures() });
  await page.close();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function tsc(dir, files) {
  const tsconfig = {
    compilerOptions: { strict: true, noEmit: true, target: 'es2020', module: 'es2020', moduleResolution: 'bundler', lib: ['esnext', 'dom'], skipLibCheck: false, types: [] },
    files,
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  try {
    execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return (e.stdout || '') + (e.stderr || '');
  }
}

const literal = (v) => JSON.stringify(v, null, 1);

test('what the binding returns is exactly what its declarations say', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-types-'));
  const pkg = path.join(WWW, 'pkg');
  const v = values;
  assert.ok(v.findings.some((f) => f.span !== null) && v.findings.some((f) => f.cells.length > 1) && v.findings.some((f) => f.field !== null && f.span === null), 'findings of every shape');
  assert.ok(v.totals.length > 0 && v.totals.some((t) => t.current !== ''), 'totals, one typed');
  assert.ok(v.findings.some((f) => f.suspect !== null) && v.findings.some((f) => f.fixes.some((x) => x.edits.some((e) => e.kind === 'text'))), 'suspects and fixes');
  assert.ok(v.applied.length > 0 && v.undone !== null, 'fixes applied and undone');
  assert.ok(v.comparison.pairs.length === 1 && v.comparison.copies.length > 0 && v.batchFiles.some((f) => f.error !== null), 'a batch of every shape');
  assert.ok(v.previousFindings.some((f) => f.code === 'Y001') && v.noPrevious === null, 'last year\'s report given and taken back');
  const source = `
import type * as W from ${JSON.stringify(path.join(pkg, 'xxgk_report'))};
import type * as D from ${JSON.stringify(path.join(pkg, 'xxgk_documents'))};
import type * as B from ${JSON.stringify(path.join(pkg, 'xxgk_batch'))};

// Values the binding returned, as literals: excess and missing properties are errors.
export const layouts: W.TableLayout[] = ${literal(v.layouts)};
export const cellCatalog: W.CellInfo[] = ${literal(v.cellCatalog)};
export const rules: W.RuleInfo[] = ${literal(v.rules)};
export const levels: W.LevelInfo[] = ${literal(v.levels)};
export const textFields: W.TextFieldInfo[] = ${literal(v.textFields)};
export const reportFields: W.ReportField[] = ${literal(v.reportFields)};
export const severities: W.SeverityInfo[] = ${literal(v.severities)};
export const findings: W.Finding[] = ${literal(v.findings)};
export const applied: W.AppliedFix[] = ${literal(v.applied)};
export const undone: W.Edit[] | null = ${literal(v.undone)};
export const totals: W.TotalProposal[] = ${literal(v.totals)};
export const headings: string[] | null = ${literal(v.headings)};
export const importSummary: W.ImportSummary = ${literal(v.importSummary)};
export const cellSources: Record<string, string> = ${literal(v.cellSources)};
export const files: D.ImportedFile[] = ${literal(v.files)};
export const batchFiles: B.BatchFile[] = ${literal(v.batchFiles)};
export const comparison: B.BatchComparison = ${literal(v.comparison)};
export const years: B.BatchYear[] = ${literal(v.years)};
export const rollup: B.BatchRollup = ${literal(v.rollup)};
export const batchFindings: W.Finding[] = ${literal(v.batchFindings)};
export const previous: W.PreviousReport = ${literal(v.previous)};
export const noPrevious: W.PreviousReport | null = ${literal(v.noPrevious)};

// The declared signatures are the ones the page relies on.
declare const w: typeof W;
declare const d: typeof D;
declare const b: typeof B;
declare const s: W.Session;
declare const batch: B.Batch;
export const calls = {
  layouts: w.layouts() satisfies W.TableLayout[], cellCatalog: w.cellCatalog() satisfies W.CellInfo[],
  rules: w.rules() satisfies W.RuleInfo[], levels: w.levels() satisfies W.LevelInfo[],
  textFields: w.textFields() satisfies W.TextFieldInfo[], reportFields: w.reportFields() satisfies W.ReportField[],
  severities: w.severities() satisfies W.SeverityInfo[], lastPanic: w.lastPanic() satisfies string | undefined,
  fromJson: w.Session.fromJson('{}') satisfies W.Session, fromDraft: w.Session.fromDraft('{}') satisfies W.Session,
  setCell: s.setCell('s3.new.natural', '1') satisfies string, cellText: s.cellText('s3.new.natural') satisfies string,
  setField: s.setField('year', '2024') satisfies void, field: s.field('year') satisfies string,
  headings: s.headings() satisfies string[] | null, check: s.check() satisfies W.Finding[],
  checkCount: s.checkCount() satisfies number, proposeTotals: s.proposeTotals() satisfies W.TotalProposal[],
  toJson: s.toJson() satisfies string, findingsCsv: s.findingsCsv() satisfies string, fileStem: s.fileStem() satisfies string,
  isBlank: s.isBlank() satisfies boolean, filledCells: s.filledCells() satisfies number,
  importSummary: s.importSummary() satisfies W.ImportSummary,
  applyFix: s.applyFix('0123456789abcdef') satisfies W.AppliedFix, applySafeFixes: s.applySafeFixes() satisfies W.AppliedFix[],
  undoFix: s.undoFix() satisfies W.Edit[] | null, markReviewed: s.markReviewed('0123456789abcdef', '理由') satisfies void,
  unmarkReviewed: s.unmarkReviewed('0123456789abcdef') satisfies boolean,
  importFile: d.importFile(new Uint8Array(), 'a.docx') satisfies D.ImportedFile,
  toDocx: d.toDocx('{}') satisfies Uint8Array, docxFileName: d.docxFileName('{}') satisfies string,
  htmlFragment: d.htmlFragment('{}') satisfies string, htmlPage: d.htmlPage('{}') satisfies string,
  isReportFileName: w.isReportFileName('a.docx') satisfies boolean,
  setPrevious: s.setPrevious('{}') satisfies W.PreviousReport, clearPrevious: s.clearPrevious() satisfies void,
  previous: s.previous() satisfies W.PreviousReport | null,
  maxFileBytes: b.maxFileBytes() satisfies number, batch: new b.Batch() satisfies B.Batch,
  add: batch.add('a.json', new Uint8Array()) satisfies B.BatchFile, addFailed: batch.addFailed('a', 'b') satisfies B.BatchFile,
  length: batch.length satisfies number, compare: batch.compare() satisfies B.BatchComparison,
  reportJson: batch.reportJson(0) satisfies string, batchFindings: batch.findings(0) satisfies W.Finding[],
  findingsXlsx: batch.findingsXlsx() satisfies Uint8Array, batchFindingsCsv: batch.findingsCsv() satisfies string,
  batchYears: batch.years() satisfies B.BatchYear[], rollup: batch.rollup(2024, '') satisfies B.BatchRollup,
  rollupXlsx: batch.rollupXlsx(2024, '') satisfies Uint8Array,
};
`;
  fs.writeFileSync(path.join(dir, 'values.ts'), source);
  const errors = tsc(dir, ['values.ts']);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(errors, '', 'tsc found the declarations and the values apart:\n' + errors.slice(0, 4000));
});

test('no function or method of the binding is declared as returning any', () => {
  for (const name of ['xxgk_report.d.ts', 'xxgk_documents.d.ts', 'xxgk_batch.d.ts']) {
    const file = path.join(WWW, 'pkg', name);
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
    const untyped = [];
    const visit = (node) => {
      if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && (!node.type || node.type.kind === ts.SyntaxKind.AnyKeyword)) {
        const owner = ts.isClassDeclaration(node.parent) ? node.parent.name.text + '.' : '';
        if (!/^(__|initSync$|default$)/.test(node.name.text)) untyped.push(owner + node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    assert.deepEqual(untyped, [], name + ': returns any (add unchecked_return_type in the Rust binding)');
  }
});

test('xxgk-report.d.ts compiles against the binding and names exactly what xxgk-report.js exports and mount() returns', () => {
  const file = path.join(WWW, 'xxgk-report.d.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-api-types-'));
  fs.writeFileSync(path.join(dir, 'use.ts'), `import type * as A from ${JSON.stringify(file.replace(/\.d\.ts$/, ''))};\nexport type Check = A.MountOptions & A.MountedForm & A.XxgkReportApi;\n`);
  const errors = tsc(dir, ['use.ts']);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(errors, '', errors);

  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const exported = [];
  const members = {};
  for (const st of sf.statements) {
    const isExported = st.modifiers && st.modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (isExported && ts.isFunctionDeclaration(st)) exported.push(st.name.text);
    if (isExported && ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) exported.push(d.name.text);
    if (ts.isInterfaceDeclaration(st)) members[st.name.text] = st.members.map((m) => m.name.text).sort();
  }
  assert.deepEqual(exported.sort(), values.apiExports, 'exports of xxgk-report.js');
  assert.deepEqual(members.XxgkReportApi, values.apiObject, 'the api object');
  assert.deepEqual(members.MountedForm, values.handle, 'what mount() returns');
});
