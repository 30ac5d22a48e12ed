// The folder of reports a supervising office receives, for the batch view's tests and benchmark:
// made from the real reports under tests/fixtures (the seed township report as JSON, as
// LibreOffice's .docx and as extracted text, which import to the seed's cells; a 2019-table .docx; 淮安市洪泽区's and 沭阳县发改局's published reports),
// varied the way a batch varies (other agencies, a mistyped number, last year's report) and
// with a broken and a non-report file among them. What the tests check is planted on purpose:
//   - 部门/洪泽区2023.json and 部门/洪泽区2024.json: one agency's consecutive years, whose
//     carry-over does not match (Y001 on the 2024 report);
//   - 乡镇/某县第7镇.json: the seed's report for another township with a passage of 沭阳县
//     发改局's report in it (copied text between two agencies);
//   - every fourth township report has one mistyped number (errors), the others none of their own.
// corpus(n) gives n files (n ≥ 20) as [{path, bytes, kind}], kind: 'report' | 'broken' | 'other';
// corpus(n, {mixed: true}) makes two in three of the township files the seed's .docx and .txt
// (formats as a real folder mixes them: the .docx costs most to read).
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './page-env.mjs';

const fixture = (name) => fs.readFileSync(path.join(REPO, 'tests/fixtures', name));
const json = (name) => JSON.parse(fixture(name).toString('utf8'));

/** The township variants: the seed as another township; `wrong` adds to one count (an A001/A003 error). */
function township(i, wrong) {
  const report = json('seed.json');
  report.agency.name = '某县第' + i + '镇人民政府';
  if (wrong) report.cells['s3.new.natural'] = Number(report.cells['s3.new.natural']) + wrong;
  return report;
}

const bytesOf = (report) => Buffer.from(JSON.stringify(report, null, 1), 'utf8');

/** 洪泽区's published 2024 report and its 2023 report as it would be with a broken carry-over. */
function hongzePair() {
  const current = json('batch/hongze-2024.json');
  const previous = json('batch/hongze-2024.json');
  previous.year = 2023;
  // 2023's 结转下年度继续办理 (自然人) 5 against 2024's 上年结转 as published.
  previous.cells['s3.carried_out.natural'] = Number(current.cells['s3.carried_in.natural']) + 5;
  return { current, previous };
}

/** A stretch of 沭阳县发改局's overview (its own words, not the format's). */
export function plantedPassage() {
  return json('batch/shuyang-fgj-2023.json').text.overview.slice(60, 380);
}

export function corpus(n, { mixed = false } = {}) {
  const files = [];
  const add = (p, bytes, kind = 'report') => files.push({ path: p, bytes, kind });
  const { current, previous } = hongzePair();
  add('部门/洪泽区2023.json', bytesOf(previous));
  add('部门/洪泽区2024.json', bytesOf(current));
  add('部门/沭阳县发改局2023.json', fixture('batch/shuyang-fgj-2023.json'));
  const copier = township(7, 0);
  copier.text.overview += '\n' + plantedPassage();
  add('乡镇/某县第7镇.json', bytesOf(copier));
  add('乡镇/边昭镇（Word）.docx', fixture('import/seed.docx'));
  add('乡镇/边昭镇（文本）.txt', fixture('import/seed.txt'));
  add('乡镇/其他/旧版表格.docx', fixture('import/y2019.docx'));
  const seedDocx = fixture('import/seed.docx');
  add('乡镇/其他/损坏.docx', seedDocx.subarray(0, seedDocx.length >> 1), 'broken');
  add('乡镇/其他/照片.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'other');
  const seedText = fixture('import/seed.txt');
  for (let i = 1; files.length < n; i++) {
    if (i === 7) continue;
    if (mixed && i % 3 === 1) add('乡镇/原件/边昭镇' + i + '.docx', seedDocx);
    else if (mixed && i % 3 === 2) add('乡镇/原件/边昭镇' + i + '.txt', seedText);
    else add('乡镇/某县第' + i + '镇.json', bytesOf(township(i, i % 4 === 0 ? i : 0)));
  }
  return files;
}

/** Writes the corpus under `dir` (nested folders, as an office keeps them). */
export function writeCorpus(dir, files) {
  for (const f of files) {
    const target = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.bytes);
  }
}
