// 「批量检查」: the supervising office drops a folder or many reports; the batch worker reads and
// checks them one at a time (batch-client.js) while this view shows a progress bar and a table
// of reports that can be sorted and opened in the form. Once every file is read, the batch is
// compared (pairs of one agency's consecutive years, passages copied between agencies) and the
// findings and the roll-up (汇总) can be downloaded. Nothing is uploaded.
import { h, clear, append, problemIcon } from './dom.js';
import { filesOfDrop, filesOfInput, takeReports } from './batch-files.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// Rows are re-drawn at most this often while files come in.
const RENDER_EVERY_MS = 200;

const COLUMNS = [
  { key: 'index', label: '序号', numeric: true },
  { key: 'file', label: '文件' },
  { key: 'agency', label: '机关名称' },
  { key: 'year', label: '年度', numeric: true },
  { key: 'errors', label: '错误', numeric: true },
  { key: 'warnings', label: '警告', numeric: true },
  { key: 'problems', label: '导入问题' },
];

const collator = typeof Intl === 'object' && Intl.Collator ? new Intl.Collator('zh-CN') : null;
const compareText = (a, b) => (collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0);

/** What a row's 导入问题 column says: the file's message when it could not be read. */
function problemsOf(row) {
  return row.error !== null ? row.error : row.importProblems.join('；');
}

function sortValue(row, key) {
  if (key === 'problems') return problemsOf(row);
  if (key === 'errors' || key === 'warnings') return row.error !== null ? -1 : row[key];
  if (key === 'year') return row.year === null ? -1 : row.year;
  return row[key];
}

function secondsText(s) {
  if (s < 60) return Math.max(1, Math.round(s)) + ' 秒';
  return Math.floor(s / 60) + ' 分 ' + Math.round(s % 60) + ' 秒';
}

/**
 * ctx: {client() → batch client (made on first use), isReportFileName(name), documents,
 *       notices, download(name, content, type), openReport(json, {file, previous, origin}) → Promise,
 *       back(), importFormats}
 */
export function createBatchView(ctx) {
  let client = null;
  const rows = []; // by index
  const rowEls = [];
  let comparison = null;
  let sort = { key: 'index', descending: false };
  let skipped = 0;
  let startedAt = 0;
  let startedWith = 0;
  let renderTimer = 0;
  let state = 'empty';

  const heading = h('h2', { id: 'batch-title', tabindex: '-1' }, '批量检查');
  const folderInput = h('input', { type: 'file', id: 'batch-folder', class: 'visually-hidden', webkitdirectory: true, multiple: true, onchange: () => fromInput(folderInput) });
  const filesInput = h('input', { type: 'file', id: 'batch-files', class: 'visually-hidden', multiple: true, accept: ctx.importFormats, onchange: () => fromInput(filesInput) });
  const dropZone = h('div', { class: 'batch-drop', id: 'batch-drop' }, [
    h('p', null, '把一个文件夹（含子文件夹）或多份报告文件拖到这里，或者：'),
    h('p', null, [
      folderInput, h('label', { for: 'batch-folder', class: 'button button-primary', id: 'batch-choose-folder' }, '选择文件夹…'), ' ',
      filesInput, h('label', { for: 'batch-files', class: 'button', id: 'batch-choose-files' }, '选择文件…'),
      h('span', { class: 'batch-drop-more' }, ' 也可以继续拖入文件夹或文件，加入本批'),
    ]),
    h('p', { class: 'hint' }, '可检查 Word 或 WPS 保存的 .docx、从 Word 复制出的文本 .txt、本页下载的 JSON 等格式；文件夹中的其他文件（图片、表格等）会跳过。再次拖入的文件会加入本批；两个年度的报告一起检查时，同一机关相邻年度的报告会自动配对对比。'),
  ]);

  const bar = h('progress', { id: 'batch-bar', max: '1', value: '0' });
  const progressText = h('span', { id: 'batch-progress-text' });
  const cancelButton = h('button', { type: 'button', class: 'button', id: 'batch-cancel', onclick: cancel }, '取消');
  const progress = h('div', { class: 'batch-progress', id: 'batch-progress', role: 'status', hidden: true }, [bar, ' ', progressText, ' ', cancelButton]);

  const totals = h('p', { class: 'batch-totals', id: 'batch-totals', role: 'status' });
  const downloads = h('p', { class: 'batch-downloads', hidden: true }, [
    h('button', { type: 'button', class: 'button', id: 'batch-xlsx', onclick: () => downloadFindings('xlsx') }, '下载本批检查结果（Excel）'), ' ',
    h('button', { type: 'button', class: 'button', id: 'batch-csv', onclick: () => downloadFindings('csv') }, '下载本批检查结果（CSV）'), ' ',
    h('button', { type: 'button', class: 'button button-warning', id: 'batch-clear', onclick: clearBatch }, '清空本批'),
  ]);

  const sortButtons = new Map();
  const headRow = h('tr', null, COLUMNS.map((c) => {
    const button = h('button', { type: 'button', class: 'sort-button', 'data-sort': c.key, onclick: () => sortBy(c.key) },
      [c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' })]);
    sortButtons.set(c.key, button);
    return h('th', { scope: 'col', class: c.numeric ? 'num' : null }, button);
  }).concat([h('th', { scope: 'col' }, '操作')]));
  const tbody = h('tbody', { id: 'batch-rows' });
  const table = h('table', { class: 'batch-table batch-files-table', id: 'batch-table', hidden: true }, [
    h('caption', { class: 'visually-hidden' }, '批量检查的报告（点击列标题排序）'),
    h('colgroup', null, ['index', 'file', 'agency', 'year', 'errors', 'warnings', 'problems', 'action'].map((c) => h('col', { class: 'col-' + c }))),
    h('thead', null, headRow),
    tbody,
  ]);

  const pairsBox = h('section', { class: 'batch-part', id: 'batch-pairs', 'aria-labelledby': 'batch-pairs-title', hidden: true });
  const copiesBox = h('section', { class: 'batch-part', id: 'batch-copies', 'aria-labelledby': 'batch-copies-title', hidden: true });
  const duplicatesBox = h('section', { class: 'batch-part', id: 'batch-duplicates', hidden: true });
  const rollupBox = createRollup();

  const element = h('section', { class: 'section batch-view', id: 'batch', 'aria-labelledby': 'batch-title', 'data-state': 'empty' }, [
    heading,
    h('p', { class: 'hint' }, '一次检查多份年度报告：每份报告的错误和警告、相邻年度的对比、不同机关之间雷同的文字，并可下载检查结果和汇总表。文件只在本机浏览器中读取，不会上传。'),
    dropZone,
    progress,
    totals,
    downloads,
    h('div', { class: 'batch-table-wrap' }, table),
    pairsBox,
    copiesBox,
    duplicatesBox,
    rollupBox.element,
    h('p', null, h('button', { type: 'button', class: 'button', id: 'batch-back', onclick: () => ctx.back() }, '返回报告')),
  ]);

  function setState(next) {
    state = next;
    element.setAttribute('data-state', next);
    element.classList.toggle('has-files', next !== 'empty');
  }

  function getClient() {
    if (client) return client;
    client = ctx.client();
    client.on('row', (row) => { rows[row.index] = row; scheduleRender(); });
    client.on('progress', showProgress);
    client.on('idle', () => compare());
    client.on('restart', ({ file, message }) => ctx.notices.say('「' + file + '」未能检查（' + message + '），已跳过，其余文件继续检查。'));
    client.on('unavailable', (message) => { setState('failed'); progress.hidden = true; ctx.notices.alert(message); });
    return client;
  }

  // ---- taking files -----------------------------------------------------------------------------

  function fromInput(input) {
    const found = filesOfInput(input.files);
    input.value = '';
    add(found, []);
  }

  /** A drop while this view is shown (app.js routes it here): the entries are taken at once. */
  function drop(dataTransfer) {
    filesOfDrop(dataTransfer).then(({ found, problems }) => add(found, problems), (e) => ctx.notices.alert('未能读取拖入的文件：' + (e && e.message ? e.message : e)));
  }

  function add(found, problems) {
    const { taken, skipped: notReports } = takeReports(found, ctx.isReportFileName);
    skipped += notReports;
    const files = taken.concat(problems.map((path) => ({ path, message: '无法读取这个文件或文件夹：可能已被移动、删除，或没有读取权限' })));
    if (!files.length) {
      ctx.notices.say(notReports ? '拖入的 ' + notReports + ' 个文件都不是报告文件（按扩展名判断），没有可检查的文件。' : '没有找到可检查的文件。');
      showTotals();
      return;
    }
    ctx.notices.alert(null);
    const c = getClient();
    if (!c.busy) { startedAt = Date.now(); startedWith = c.length; }
    comparison = null;
    showComparison();
    rollupBox.element.hidden = true;
    setState('running');
    table.hidden = false;
    c.add(files).catch((e) => ctx.notices.alert(e && e.message ? e.message : String(e)));
  }

  function showProgress({ done, total }) {
    const running = done < total;
    progress.hidden = !running;
    bar.max = Math.max(total, 1);
    bar.value = done;
    if (!running) return;
    const elapsed = (Date.now() - startedAt) / 1000;
    const count = done - startedWith;
    let text = '已检查 ' + done + ' / ' + total + ' 个文件';
    if (count > 0 && elapsed > 1) {
      const rate = count / elapsed;
      text += '（每秒 ' + (rate >= 10 ? Math.round(rate) : rate.toFixed(1)) + ' 个，约还需 ' + secondsText((total - done) / rate) + '）';
    }
    progressText.textContent = text;
  }

  async function cancel() {
    if (!client) return;
    cancelButton.disabled = true;
    await client.cancel();
    cancelButton.disabled = false;
    ctx.notices.say('已取消：已检查的 ' + client.length + ' 个文件保留在下表中，其余文件没有检查。');
    compare();
  }

  function clearBatch() {
    if (client) client.clear();
    rows.length = 0;
    rowEls.length = 0;
    shownOrder = [];
    comparison = null;
    skipped = 0;
    clear(tbody);
    table.hidden = true;
    progress.hidden = true;
    rollupBox.element.hidden = true;
    setState('empty');
    render();
    showComparison();
    ctx.notices.say('已清空本批检查结果。');
  }

  let comparing = false;
  async function compare() {
    if (!client || client.busy || comparing) return;
    comparing = true;
    setState('comparing');
    progress.hidden = false;
    cancelButton.hidden = true;
    progressText.textContent = '正在对比相邻年度的报告和不同机关之间的文字……';
    try {
      comparison = await client.request('compare');
      updateRows(comparison.files);
      await rollupBox.refresh();
    } catch (e) {
      if (!client.busy) ctx.notices.alert('未能完成对比：' + (e && e.message ? e.message : e));
    } finally {
      comparing = false;
      progress.hidden = true;
      cancelButton.hidden = false;
    }
    if (client.busy) return; // more files came meanwhile: compared again once they are read
    setState('done');
    render();
    showComparison();
  }

  // ---- the table --------------------------------------------------------------------------------

  function scheduleRender() {
    if (renderTimer) return;
    renderTimer = setTimeout(() => { renderTimer = 0; render(); }, RENDER_EVERY_MS);
  }

  function sortBy(key) {
    const column = COLUMNS.find((c) => c.key === key);
    // Numbers: most first on the first click (the reports with most errors on top); text: A–Z.
    sort = sort.key === key ? { key, descending: !sort.descending } : { key, descending: !!column.numeric && key !== 'index' };
    render();
  }

  function rowElement(row) {
    const failed = row.error !== null;
    const open = failed ? null : h('button', {
      type: 'button', class: 'button button-small', 'data-action': 'open', 'aria-label': '在表单中打开「' + row.file + '」',
      onclick: () => openFile(row.index),
    }, '打开');
    const problems = problemsOf(row);
    return h('tr', { 'data-index': String(row.index), class: failed ? 'is-failed' : row.errors > 0 ? 'has-errors' : null }, [
      h('td', { class: 'num' }, String(row.index + 1)),
      h('th', { scope: 'row', class: 'batch-file' }, failed ? row.file : h('button', { type: 'button', class: 'link-button', onclick: () => openFile(row.index) }, row.file)),
      h('td', { class: 'batch-agency' }, row.agency || (failed ? '' : '（未写明）')),
      h('td', { class: 'num' }, row.year === null ? '' : String(row.year)),
      h('td', { class: 'num', 'data-col': 'errors' }, failed ? '' : String(row.errors)),
      h('td', { class: 'num', 'data-col': 'warnings' }, failed ? '' : String(row.warnings)),
      h('td', { class: 'batch-problems' }, failed ? [problemIcon('error'), problems] : [problems, row.previous ? h('span', { class: 'batch-previous' }, '已与上年「' + row.previous + '」对比') : null]),
      h('td', null, open),
    ]);
  }

  // The rows in the order the table shows them. When the rows already shown keep their order
  // (files coming in while the sort stays the same), only the new rows are inserted, each at its
  // place: the rows already there are neither restyled nor moved. The table is fixed-layout, so
  // adding rows does not measure every cell again.
  let shownOrder = [];

  function render() {
    const present = [];
    for (let i = 0; i < rows.length; i++) if (rows[i]) present.push(rows[i]);
    const key = sort.key;
    const sign = sort.descending ? -1 : 1;
    if (key !== 'index' || sort.descending) {
      present.sort((a, b) => {
        const x = sortValue(a, key);
        const y = sortValue(b, key);
        const order = typeof x === 'number' ? x - y : compareText(x, y);
        return order !== 0 ? sign * order : a.index - b.index;
      });
    }
    const shown = new Set(shownOrder);
    let incremental = tbody.childNodes.length === shownOrder.length;
    for (let i = 0, j = 0; incremental && i < present.length; i++) {
      if (!shown.has(present[i].index)) continue;
      incremental = present[i].index === shownOrder[j];
      j += 1;
    }
    if (incremental) {
      let next = 0;
      for (const row of present) {
        if (shown.has(row.index)) { next += 1; continue; }
        if (!rowEls[row.index]) rowEls[row.index] = rowElement(row);
        tbody.insertBefore(rowEls[row.index], next < shownOrder.length ? rowEls[shownOrder[next]] : null);
      }
    } else {
      const fragment = document.createDocumentFragment();
      for (const row of present) {
        if (!rowEls[row.index]) rowEls[row.index] = rowElement(row);
        fragment.appendChild(rowEls[row.index]);
      }
      clear(tbody);
      tbody.appendChild(fragment);
    }
    shownOrder = present.map((r) => r.index);
    for (const [k, button] of sortButtons) {
      const th = button.parentNode;
      if (k === key) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending'); else th.removeAttribute('aria-sort');
    }
    showTotals(present);
  }

  /** Rows whose counts changed after the comparison (cross-year findings) are drawn again, in place. */
  function updateRows(files) {
    for (const row of files) {
      const old = rows[row.index];
      rows[row.index] = row;
      const el = rowEls[row.index];
      if (!el || (old && old.errors === row.errors && old.warnings === row.warnings && old.previous === row.previous)) continue;
      const fresh = rowElement(row);
      if (el.parentNode) el.parentNode.replaceChild(fresh, el);
      rowEls[row.index] = fresh;
    }
  }

  function showTotals(present) {
    const list = present || rows.filter(Boolean);
    downloads.hidden = list.length === 0 || state === 'running';
    if (!list.length) { totals.textContent = skipped ? '已跳过 ' + skipped + ' 个不是报告的文件。' : ''; return; }
    let errors = 0;
    let warnings = 0;
    let withErrors = 0;
    let failed = 0;
    for (const r of list) {
      if (r.error !== null) { failed += 1; continue; }
      errors += r.errors;
      warnings += r.warnings;
      if (r.errors > 0) withErrors += 1;
    }
    const parts = ['共 ' + list.length + ' 个文件：' + errors + ' 个错误、' + warnings + ' 个警告', withErrors + ' 份报告有错误'];
    if (failed) parts.push(failed + ' 个文件无法读取');
    if (comparison) {
      if (comparison.pairs.length) parts.push(comparison.pairs.length + ' 对相邻年度的报告');
      if (comparison.copies.length) parts.push(comparison.copies.length + ' 处不同机关之间雷同的文字');
    }
    if (skipped) parts.push('已跳过 ' + skipped + ' 个不是报告的文件');
    totals.textContent = parts.join('；') + '。';
  }

  // ---- pairs, copies, duplicates ----------------------------------------------------------------

  function fileButton(index) {
    const row = rows[index];
    const name = row ? row.file : '';
    return h('button', { type: 'button', class: 'link-button', onclick: () => openFile(index) }, name);
  }

  function showComparison() {
    const pairs = comparison ? comparison.pairs : [];
    const copies = comparison ? comparison.copies : [];
    const duplicates = comparison ? comparison.duplicates : [];
    clear(pairsBox);
    pairsBox.hidden = pairs.length === 0;
    if (pairs.length) {
      append(pairsBox, [
        h('h3', { id: 'batch-pairs-title' }, '跨年度对比（' + pairs.length + ' 对）'),
        h('p', { class: 'hint' }, '同一机关相邻年度的两份报告自动配对，核对上年结转（Y001）、现行有效件数（Y002）和内容雷同（Y003）；发现的问题计入本年度报告。'),
        h('table', { class: 'batch-table batch-pairs-table' }, [
          h('thead', null, h('tr', null, ['机关名称', '上一年度', '本年度', '跨年度问题'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, pairs.map((p) => h('tr', { 'data-current': String(p.current) }, [
            h('th', { scope: 'row' }, p.agency),
            h('td', null, [String(p.previousYear) + ' 年：', fileButton(p.previous)]),
            h('td', null, [String(p.currentYear) + ' 年：', fileButton(p.current)]),
            h('td', null, p.findings.length === 0 ? '未发现问题' : h('ul', { class: 'batch-findings' }, p.findings.map((f) =>
              h('li', { 'data-code': f.code }, [problemIcon(f.severity), h('span', { class: 'msg-code' }, f.code + ' '), f.message])))),
          ]))),
        ]),
      ]);
    }
    clear(copiesBox);
    copiesBox.hidden = copies.length === 0;
    if (copies.length) {
      const side = (s) => [fileButton(s.index), '（' + (s.agency || '未写明机关') + '，' + s.part + '，约占该部分 ' + Math.round(s.share * 100) + '%）'];
      append(copiesBox, [
        h('h3', { id: 'batch-copies-title' }, '不同机关之间雷同的文字（' + copies.length + ' 处）'),
        h('p', { class: 'hint' }, '不同机关的报告中相同或几乎相同的段落。格式规定的表述和本批大多数报告共有的套话不计在内。'),
        h('ol', { class: 'batch-copy-list' }, copies.map((c) => h('li', { class: 'batch-copy' }, [
          h('p', null, side(c.a).concat([' 与 '], side(c.b), ['：相同文字 ' + c.letters + ' 字'])),
          h('blockquote', { class: 'batch-passage' }, c.passage),
        ]))),
      ]);
    }
    clear(duplicatesBox);
    duplicatesBox.hidden = duplicates.length === 0;
    if (duplicates.length) {
      append(duplicatesBox, [h('h3', null, '同一机关同一年度的多份报告'), h('ul', null, duplicates.map((d) => h('li', null, d.note)))]);
    }
  }

  // ---- opening a report -------------------------------------------------------------------------

  async function openFile(index) {
    const row = rows[index];
    if (!row || row.error !== null || !client) return;
    try {
      const json = await client.request('reportJson', index);
      const pair = comparison ? comparison.pairs.find((p) => p.current === index) : null;
      const previous = pair ? { file: rows[pair.previous].file, json: await client.request('reportJson', pair.previous) } : null;
      await ctx.openReport(json, { file: row.file, previous });
    } catch (e) {
      ctx.notices.alert('未能打开「' + row.file + '」：' + (e && e.message ? e.message : e));
    }
  }

  // ---- downloads --------------------------------------------------------------------------------

  async function downloadFindings(kind) {
    if (!client) return;
    try {
      if (kind === 'xlsx') ctx.download('批量检查结果.xlsx', await client.request('findingsXlsx'), XLSX_TYPE);
      else ctx.download('批量检查结果.csv', await client.request('findingsCsv'), 'text/csv;charset=utf-8');
    } catch (e) {
      ctx.notices.alert('未能生成检查结果：' + (e && e.message ? e.message : e));
    }
  }

  function createRollup() {
    const yearSelect = h('select', { class: 'select', id: 'rollup-year' });
    const agencyInput = h('input', { type: 'text', class: 'input', id: 'rollup-agency', autocomplete: 'off', spellcheck: 'false' });
    const about = h('div', { class: 'rollup-about', id: 'rollup-about', 'aria-live': 'polite' });
    const run = async (action) => {
      const year = Number(yearSelect.value);
      const agency = agencyInput.value.trim();
      try {
        if (action === 'xlsx') {
          ctx.download('汇总表_' + year + '年.xlsx', await client.request('rollupXlsx', year, agency), XLSX_TYPE);
          return;
        }
        const rolled = await client.request('rollup', year, agency);
        showAbout(rolled);
        if (action === 'json') ctx.download(rolled.fileStem + '（汇总）.json', rolled.json, 'application/json');
        if (action === 'docx') {
          const [name, bytes] = await Promise.all([ctx.documents.docxFileName(rolled.json), ctx.documents.toDocx(rolled.json)]);
          ctx.download(name.replace(/\.docx$/, '（汇总）.docx'), bytes, DOCX_TYPE);
        }
        if (action === 'open') await ctx.openReport(rolled.json, { file: year + ' 年汇总报告', previous: null });
      } catch (e) {
        ctx.notices.alert('未能汇总：' + (e && e.message ? e.message : e));
      }
    };
    const button = (id, label, action) => h('button', { type: 'button', class: 'button', id, onclick: () => run(action) }, label);
    const element = h('section', { class: 'batch-part batch-rollup', id: 'batch-rollup', 'aria-labelledby': 'rollup-title', hidden: true }, [
      h('h3', { id: 'rollup-title' }, '汇总（逐格相加）'),
      h('p', { class: 'hint' }, '把同一年度各份报告的统计表逐格相加，得到本级政府年度报告的统计表；汇总报告可在表单中打开，补写正文后下载。'),
      h('div', { class: 'field-grid' }, [
        h('div', { class: 'field' }, [h('label', { for: 'rollup-year', class: 'field-label' }, '汇总年度'), yearSelect]),
        h('div', { class: 'field' }, [h('label', { for: 'rollup-agency', class: 'field-label' }, '汇总机关名称（选填）'), agencyInput]),
      ]),
      h('p', { class: 'batch-downloads' }, [
        button('rollup-xlsx', '下载汇总表（Excel）', 'xlsx'), ' ',
        button('rollup-json', '下载汇总报告（JSON）', 'json'), ' ',
        button('rollup-docx', '下载汇总报告（Word）', 'docx'), ' ',
        button('rollup-open', '在表单中打开汇总报告', 'open'),
      ]),
      about,
    ]);
    yearSelect.addEventListener('change', () => run('about'));

    function showAbout(rolled) {
      clear(about);
      const errors = rolled.findings.filter((f) => f.severity === 'error').length;
      append(about, h('p', null, '汇总了 ' + rolled.sources + ' 份 ' + rolled.year + ' 年的报告' + (errors ? '；汇总后的表格有 ' + errors + ' 个错误（见汇总表的「检查结果」）' : '') + '。'));
      const notes = rolled.leftOut.concat(rolled.problems);
      if (notes.length) {
        const shown = notes.slice(0, 20);
        if (notes.length > shown.length) shown.push('……另有 ' + (notes.length - shown.length) + ' 条，详见汇总表的「检查结果」');
        append(about, h('ul', { class: 'rollup-notes' }, shown.map((n) => h('li', null, n))));
      }
    }

    return {
      element,
      /** After a comparison: the years to choose from (most reports first chosen), and what the sum says. */
      async refresh() {
        const years = await client.request('years');
        element.hidden = years.length === 0;
        if (!years.length) return;
        const kept = yearSelect.value;
        clear(yearSelect);
        let best = years[0];
        for (const y of years) {
          if (y.reports >= best.reports) best = y;
          yearSelect.appendChild(h('option', { value: String(y.year) }, y.year + ' 年（' + y.reports + ' 份报告）'));
        }
        yearSelect.value = years.some((y) => String(y.year) === kept) ? kept : String(best.year);
        await run('about');
      },
    };
  }

  return {
    name: 'batch',
    element,
    focusTarget: () => heading,
    drop,
    get state() { return state; },
  };
}
