// Renders the report form: the agency block, the prose and the three tables, all labels of the
// tables coming from the core's layouts. Returns a registry of the inputs by cell ID or field path.
import { h } from './dom.js';

// How the form presents the agency block; the fields and their names come from the binding
// (reportFields()), only the hints and keyboard modes are the page's own.
const FIELD_PRESENTATION = {
  'agency.name': { hint: '例如：通榆县边昭镇人民政府', wide: true },
  'agency.level': { select: true },
  'agency.region': { hint: '例如：吉林省白城市通榆县' },
  'year': { hint: '四位数字，例如：2024', inputmode: 'numeric', short: true },
  'agency.address': { wide: true },
  'agency.postcode': { inputmode: 'numeric', short: true },
  'agency.phone': { hint: '含区号，例如：0436-4831355' },
  'agency.email': { inputmode: 'email' },
  'date': { hint: '写在 Word 文件末尾的机关名称下方；不填时，下载当天的日期。', type: 'date', short: true },
};

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

/** binding: {layouts, levels, textFields, reportFields, cellCatalog} as the binding returns them. */
export function renderForm(root, { layouts, levels, textFields, reportFields, cellCatalog }) {
  const registry = { cells: new Map(), fields: new Map(), tables: [], fieldWraps: new Map(), tableMessages: new Map() };
  const amountCells = new Set(cellCatalog.filter((c) => c.kind === 'amount').map((c) => c.id));

  root.appendChild(agencySection(reportFields, levels, registry));
  const prose = new Map(textFields.map((f) => [f.path, f]));
  root.appendChild(proseSection(prose.get('text.preamble'), registry, '前言'));
  root.appendChild(proseSection(prose.get('text.overview'), registry));
  for (const layout of layouts) root.appendChild(tableSection(layout, registry, amountCells));
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

function agencySection(reportFields, levels, registry) {
  const grid = h('div', { class: 'field-grid' });
  for (const field of reportFields) {
    const f = FIELD_PRESENTATION[field.path] || {};
    let control;
    if (f.select) {
      control = h('select', { class: 'select' }, [
        h('option', { value: '' }, '（请选择）'),
        levels.map((l) => h('option', { value: l.key }, l.label)),
      ]);
    } else {
      control = h('input', {
        type: f.type || 'text', class: 'input' + (f.short ? ' input-short' : ''), autocomplete: 'off',
        inputmode: f.inputmode || null, spellcheck: 'false',
      });
    }
    const label = field.label + (field.optional ? '（选填）' : '');
    const block = fieldBlock(field.path, label, f.hint, control, registry);
    if (f.wide) block.classList.add('field-wide');
    grid.appendChild(block);
  }
  return h('section', { class: 'section', 'aria-labelledby': 'sec-agency' }, [
    h('h2', { id: 'sec-agency' }, '基本信息'),
    grid,
  ]);
}

function proseSection(field, registry, title) {
  const headingId = domId('sec', field.path);
  const textarea = h('textarea', { class: 'textarea', rows: field.path === 'text.overview' ? 12 : 6, spellcheck: 'false' });
  return h('section', { class: 'section', 'aria-labelledby': headingId }, [
    h('h2', { id: headingId }, title || field.label),
    fieldBlock(field.path, (title || field.label) + '（正文）', PROSE_HINTS[field.path], textarea, registry),
  ]);
}

function tableSection(layout, registry, amountCells) {
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
          const outer = cell.scope === 'rowgroup' && col === 0;
          const cls = 'label label-' + cell.scope + (outer ? ' label-outer' : '');
          // Vertical text in a block inside the cell: Chromium 83 ignores writing-mode on table cells.
          const text = outer ? h('span', { class: 'vertical-text' }, cell.text) : cell.text;
          tr.appendChild(h('th', Object.assign({ scope: cell.scope, class: cls }, attrs), text));
        }
      } else {
        seenInput = true;
        const input = h('input', {
          type: 'text', class: 'cell-input', id: domId('c', cell.cell), 'data-cell': cell.cell,
          'aria-label': cell.name, autocomplete: 'off', spellcheck: 'false',
          inputmode: amountCells.has(cell.cell) ? 'decimal' : 'numeric',
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
