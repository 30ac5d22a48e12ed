// Renders the report form: the agency block, the prose and the three tables, all labels of the
// tables coming from the core's layouts. Returns a registry of the inputs by cell ID or field path.
import { h } from './dom.js';

const AGENCY_FIELDS = [
  { path: 'agency.name', label: '机关名称', hint: '例如：通榆县边昭镇人民政府', wide: true },
  { path: 'agency.level', label: '机关层级', select: true },
  { path: 'agency.region', label: '所辖行政区域', hint: '例如：吉林省白城市通榆县' },
  { path: 'year', label: '报告年度', hint: '四位数字，例如：2024', inputmode: 'numeric', short: true },
  { path: 'agency.address', label: '地址', wide: true },
  { path: 'agency.postcode', label: '邮政编码', inputmode: 'numeric', short: true },
  { path: 'agency.phone', label: '联系电话', hint: '含区号，例如：0436-4831355' },
  { path: 'agency.email', label: '电子邮箱（选填）', inputmode: 'email' },
];

const PROSE_HINTS = {
  'text.preamble': '编制依据、报告由哪几部分组成、统计期限（1月1日至12月31日）、咨询方式等。',
  'text.overview': '主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面的情况。',
  'text.problems': '存在的主要问题，以及已经或准备采取的改进措施。',
  'text.other': '是否收取信息处理费（没有收取也请写明），以及其他需要报告的事项。',
};

export function domId(prefix, key) {
  return prefix + '-' + key.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Message container for a cell or field. */
export function messageId(key) {
  return domId('m', key);
}

export function renderForm(root, { layouts, levels, textFields }) {
  const registry = { cells: new Map(), fields: new Map(), tables: [], fieldWraps: new Map(), tableMessages: new Map() };

  root.appendChild(agencySection(levels, registry));
  const prose = new Map(textFields.map((f) => [f.key, f]));
  root.appendChild(proseSection(prose.get('text.preamble'), registry, '前言'));
  root.appendChild(proseSection(prose.get('text.overview'), registry));
  for (const layout of layouts) root.appendChild(tableSection(layout, registry));
  root.appendChild(proseSection(prose.get('text.problems'), registry));
  root.appendChild(proseSection(prose.get('text.other'), registry));
  return registry;
}

function fieldBlock(path, label, hint, control, registry) {
  const hintId = domId('h', path);
  const msg = h('div', { class: 'field-msg', id: messageId(path) });
  control.id = domId('f', path);
  control.setAttribute('data-field', path);
  if (hint) control.setAttribute('aria-describedby', hintId);
  const wrap = h('div', { class: 'field', 'data-field-wrap': path }, [
    h('label', { for: control.id, class: 'field-label' }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    msg,
    control,
  ]);
  registry.fields.set(path, control);
  registry.fieldWraps.set(path, wrap);
  return wrap;
}

function agencySection(levels, registry) {
  const grid = h('div', { class: 'field-grid' });
  for (const f of AGENCY_FIELDS) {
    let control;
    if (f.select) {
      control = h('select', { class: 'select' }, [
        h('option', { value: '' }, '（请选择）'),
        levels.map((l) => h('option', { value: l.key }, l.label)),
      ]);
    } else {
      control = h('input', {
        type: 'text', class: 'input' + (f.short ? ' input-short' : ''), autocomplete: 'off',
        inputmode: f.inputmode || null, spellcheck: 'false',
      });
    }
    const block = fieldBlock(f.path, f.label, f.hint, control, registry);
    if (f.wide) block.classList.add('field-wide');
    grid.appendChild(block);
  }
  return h('section', { class: 'section', 'aria-labelledby': 'sec-agency' }, [
    h('h2', { id: 'sec-agency' }, '基本信息'),
    grid,
  ]);
}

function proseSection(field, registry, title) {
  const headingId = domId('sec', field.key);
  const textarea = h('textarea', { class: 'textarea', rows: field.key === 'text.overview' ? 12 : 6, spellcheck: 'false' });
  return h('section', { class: 'section', 'aria-labelledby': headingId }, [
    h('h2', { id: headingId }, title || field.label),
    fieldBlock(field.key, (title || field.label) + '（正文）', PROSE_HINTS[field.key], textarea, registry),
  ]);
}

function tableSection(layout, registry) {
  const headingId = domId('sec', layout.id);
  const table = h('table', { class: 'report-table t-' + layout.id }, h('caption', { class: 'visually-hidden' }, layout.caption + '（统计表）'));
  const thead = h('thead');
  const tbody = h('tbody');
  table.appendChild(thead);
  table.appendChild(tbody);

  // Grid positions: which grid column each cell starts in, given the row spans above it.
  const pending = new Array(layout.columns).fill(0);
  const inputRows = [];
  let seenInput = false;
  layout.rows.forEach((row) => {
    const tr = h('tr');
    let col = 0;
    const rowInputs = [];
    const carried = pending.map((p) => p > 0);
    for (let c = 0; c < pending.length; c++) if (pending[c] > 0) pending[c] -= 1;
    for (const cell of row) {
      while (col < layout.columns && carried[col]) col += 1;
      const colspan = cell.colspan;
      const rowspan = cell.kind === 'label' ? cell.rowspan : 1;
      for (let c = col; c < Math.min(col + colspan, layout.columns); c++) pending[c] = rowspan - 1;
      if (cell.kind === 'label') {
        const attrs = { colspan: colspan > 1 ? colspan : null, rowspan: rowspan > 1 ? rowspan : null };
        if (cell.scope === 'none') {
          tr.appendChild(h('td', Object.assign({ class: 'corner-note' }, attrs), cell.text));
        } else {
          const cls = 'label label-' + cell.scope + (cell.scope === 'rowgroup' && col === 0 ? ' label-outer' : '');
          tr.appendChild(h('th', Object.assign({ scope: cell.scope, class: cls }, attrs), cell.text));
        }
      } else {
        seenInput = true;
        const input = h('input', {
          type: 'text', class: 'cell-input', id: domId('c', cell.cell), 'data-cell': cell.cell,
          'aria-label': cell.name, autocomplete: 'off', spellcheck: 'false',
          inputmode: cell.cell === 's2.fee.amount' ? 'decimal' : 'numeric',
        });
        const msg = h('div', { class: 'cell-msg', id: messageId(cell.cell) });
        tr.appendChild(h('td', { class: 'cell', colspan: colspan > 1 ? colspan : null }, [input, msg]));
        const position = { table: layout.id, row: inputRows.length, col, colspan, input };
        rowInputs.push(position);
        registry.cells.set(cell.cell, input);
        input.xxgkPosition = position;
      }
      col += colspan;
    }
    if (rowInputs.length) inputRows.push(rowInputs);
    // Header rows above the first input go in <thead>; table 二 repeats its headers, so all of it is body.
    (seenInput || layout.id === 's2' ? tbody : thead).appendChild(tr);
  });
  if (!thead.firstChild) thead.remove();
  registry.tables.push({ id: layout.id, rows: inputRows });

  const tableMsg = h('div', { class: 'table-msg', id: messageId('table.' + layout.id) });
  registry.tableMessages.set(layout.id, tableMsg);
  return h('section', { class: 'section', id: 'section-' + layout.id, 'aria-labelledby': headingId }, [
    h('h2', { id: headingId }, layout.caption),
    tableMsg,
    h('div', { class: 'table-wrap' }, table),
  ]);
}
