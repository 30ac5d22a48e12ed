#!/usr/bin/env node
// Regenerates src/data/places.tsv from the npm package @vant/area-data (MIT).
//
//   npm install --no-save @vant/area-data@2.1.0
//   node src/data/gen_places.mjs [path/to/node_modules/@vant/area-data] > src/data/places.tsv
//
// No dependencies besides the data package. Output is deterministic (sorted by
// code, no timestamps). See PLACES.md for the format and the rules.
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function findPackage() {
  const arg = process.argv[2];
  if (arg) return path.resolve(arg);
  for (let d = here; ; d = path.dirname(d)) {
    const p = path.join(d, 'node_modules', '@vant', 'area-data');
    if (existsSync(p)) return p;
    if (path.dirname(d) === d) break;
  }
  throw new Error('@vant/area-data not found: npm install --no-save @vant/area-data@2.1.0, or pass its path');
}

const pkgDir = findPackage();
const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const { areaList } = require(path.join(pkgDir, 'dist', 'index.cjs'));

// ---------------------------------------------------------------- filtering
// Mainland only: 台湾/香港/澳门 (codes >= 710000) are left out (their sub-units
// in the package are partly not official, and mentions of them in a report are
// not copy-paste evidence).
const MAINLAND_MAX = 710000;
// City-level entries that are placeholders, not real units: the city level of
// the four municipalities and the "省直辖县级行政区划" groups. Their children
// are attached to the province.
const PLACEHOLDER_CITY = new Set(['110100', '120100', '310100', '500100', '500200', '419000', '429000', '469000', '659000']);
// Prefecture-level cities without county-level divisions: the package lists
// towns/streets/zones under them, which are not county-level units.
const NO_COUNTIES = new Set(['441900', '442000', '460400', '620200']);
// Entries in the package that are not (or no longer) county-level units.
const DROP = new Map([
  ['320112', '江北新区: state-level new area, not a county-level division'],
  ['321150', '镇江新区: development zone'],
  ['320611', '港闸区: abolished 2020 (merged into 崇川区)'],
  ['350402', '梅列区: abolished 2021 (merged into 三元区)'],
  ['370634', '长岛县: abolished 2020 (merged into 蓬莱区)'],
]);

function keepCounty(code, name) {
  const tail = +code.slice(4);
  // NBS statistical codes xx70-xx79 / xx90-xx99 are development zones and
  // other non-administrative areas; real county codes are 01-69 and 80-89.
  if ((tail >= 70 && tail <= 79) || tail >= 90) return false;
  if (NO_COUNTIES.has(code.slice(0, 4) + '00')) return false;
  if (DROP.has(code)) return false;
  if (/(镇|乡|街道|街道办事处|苏木)$/.test(name) || name === '市辖区') return false;
  return true;
}

const units = []; // {code, level, full, parent}
const byCode = new Map();
function add(code, level, full, parent) {
  const u = { code, level, full, parent };
  units.push(u);
  byCode.set(code, u);
}
const sortedEntries = (o) => Object.entries(o).sort((a, b) => a[0].localeCompare(b[0]));
for (const [code, name] of sortedEntries(areaList.province_list)) {
  if (+code < MAINLAND_MAX) add(code, 'p', name, '');
}
for (const [code, name] of sortedEntries(areaList.city_list)) {
  if (+code >= MAINLAND_MAX || PLACEHOLDER_CITY.has(code)) continue;
  add(code, 'c', name, code.slice(0, 2) + '0000');
}
for (const [code, name] of sortedEntries(areaList.county_list)) {
  if (+code >= MAINLAND_MAX || !keepCounty(code, name)) continue;
  const city = code.slice(0, 4) + '00';
  const parent = byCode.has(city) ? city : code.slice(0, 2) + '0000';
  add(code, 'k', name, parent);
}
for (const u of units) {
  if (u.parent && !byCode.has(u.parent)) throw new Error(`orphan ${u.code} ${u.full}`);
}

// ---------------------------------------------------------------- short names
// The 56 ethnic groups (as written in autonomous-area names, without 族).
const ETHNIC = ('汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
  '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 ' +
  '独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各').split(' ').sort((a, b) => b.length - a.length);
const ETH = `(?:${ETHNIC.join('|')})族?`;
const AUTONOMY = new RegExp(`^(.{2,}?)(?:${ETH})+自治(?:区|州|县|旗)$`);
// Ethnic districts that are not autonomous areas: 管城回族区 -> 管城.
const ETHNIC_DISTRICT = new RegExp(`^(.{2,}?)(?:${ETHNIC.join('|')})族区$`);
const SUFFIXES = ['特别行政区', '行政委员会', '自治区', '自治州', '自治县', '自治旗', '新区', '矿区', '地区', '林区', '特区',
  '省', '市', '县', '区', '盟', '旗'];

function shortName(full) {
  let m = AUTONOMY.exec(full) || ETHNIC_DISTRICT.exec(full);
  let s = full;
  let fromBanner = false;
  if (m) s = m[1];
  else {
    // Longest suffix first, but never strip to a single character when a
    // shorter suffix leaves two (清新区 -> 清新, not 清); a one-character
    // result is kept only when nothing better exists (盂县 -> 盂, flagged 'o').
    let best = null;
    for (const suf of SUFFIXES) {
      if (full.endsWith(suf) && full.length > suf.length) {
        const cand = full.slice(0, -suf.length);
        if (best === null || ([...best.s].length < 2 && [...cand].length > [...best.s].length)) {
          best = { s: cand, banner: suf.endsWith('旗') };
        }
        if ([...best.s].length >= 2) break;
      }
    }
    if (best) { s = best.s; fromBanner = best.banner; }
  }
  if (s.endsWith('族') && s.length > 2) s = s.slice(0, -1); // 鄂温克族自治旗
  // 科尔沁右翼前旗 -> "科尔沁右翼前" is never written: no short form.
  if (fromBanner && /[前中后左右]$/.test(s)) return '';
  return s === full ? '' : s;
}
for (const u of units) u.short = shortName(u.full);

// ---------------------------------------------------------------- flags
const provinceOf = (u) => u.code.slice(0, 2);
// Every string used as a full or short name -> set of provinces / count of units.
const fullCount = new Map();
const nameProvinces = new Map();
const note = (s, u) => {
  if (!s) return;
  if (!nameProvinces.has(s)) nameProvinces.set(s, new Set());
  nameProvinces.get(s).add(provinceOf(u));
};
for (const u of units) {
  fullCount.set(u.full, (fullCount.get(u.full) || 0) + 1);
  note(u.full, u);
  note(u.short, u);
}

const common = new Map(); // word -> reason
const commonFile = path.join(here, 'places_common_words.txt');
for (const line of readFileSync(commonFile, 'utf8').split('\n')) {
  const t = line.trim();
  if (!t || t.startsWith('#')) continue;
  const [w, ...reason] = t.split(/\s+/);
  common.set(w, reason.join(' '));
}

const ambiguousShortOfDupFull = new Set(units.filter((u) => u.short && fullCount.get(u.full) > 1).map((u) => u.short));
for (const u of units) {
  let f = '';
  if (fullCount.get(u.full) > 1) f += 'A';
  if (common.has(u.full)) f += 'W';
  if (u.short) {
    // Ambiguous: used under more than one province, or equal to some unit's
    // full name, or derived from a duplicated full name (two 向阳区 in
    // 黑龙江: "向阳" alone cannot say which).
    if (nameProvinces.get(u.short).size > 1 || fullCount.has(u.short) || ambiguousShortOfDupFull.has(u.short)) f += 'a';
    if (common.has(u.short)) f += 'w';
    if ([...u.short].length < 2) f += 'o';
  }
  u.flags = f || '-';
}
const usedCommon = new Set(units.flatMap((u) => [u.full, u.short]));
for (const w of common.keys()) {
  if (!usedCommon.has(w)) process.stderr.write(`warning: common word ${w} is not a place name in the data\n`);
}

// ---------------------------------------------------------------- output
const out = [];
out.push(`# places.tsv generated by gen_places.mjs from ${pkg.name}@${pkg.version} (${pkg.license}); see PLACES.md`);
out.push('# code\tlevel(p/c/k)\tfull\tshort(empty=none)\tparent\tflags(A/W full: ambiguous/common; a/w/o short: ambiguous/common/one-char; -=none)');
for (const u of units) out.push([u.code, u.level, u.full, u.short, u.parent, u.flags].join('\t'));
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`units: ${units.length} (p ${units.filter((u) => u.level === 'p').length}, c ${units.filter((u) => u.level === 'c').length}, k ${units.filter((u) => u.level === 'k').length})\n`);
