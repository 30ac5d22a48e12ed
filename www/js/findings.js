// Shows findings: the error summary at the top (errors first, each a link to its place; cells not
// yet filled in as progress, see progress.js), the same message at each cell or field the user has
// already left, the state of each table above it, and a polite live region with the count.
//
// Cells of a broken sum are marked by their part in it: the cell most likely wrong (the finding's
// `suspect`, or else the one cell every broken sum has in common) strongly, a total plainly, the
// parts lightly, so that one wrong number does not paint thirty cells alike.
import { h, clear, problemIcon } from './dom.js';
import { domId, messageId } from './form.js';
import { createProgress, countsOf, RESULT_KEY } from './progress.js';

const ANNOUNCE_DELAY_MS = 700;
const TABLE_NUMERALS = { s2: '二', s3: '三', s4: '四' };

/**
 * severityLabels: {error: '错误', ...} from the binding's severities(); cellLabels: Map id → label;
 * resolve(key) → the control a finding's key lands on; onJump(finding | {cells, field}).
 */
export function createFindingsView({ registry, summary, live, onJump, scope, severityLabels, cellLabels, popover, onCounts }) {
  const root = scope || document; // a Document, or the ShadowRoot the form is rendered in
  const touched = new Set();
  const present = createProgress({ tables: registry.tables, cells: registry.cells, touched });
  const shown = new Map(); // key -> signature of what is painted there
  const shownTables = new Map();
  let summarySignature = null;
  let announceTimer = 0;
  let lastAnnounced = '';
  let last = { shown: [], tables: new Map(), unfilled: 0, final: false };

  function signature(list) {
    let s = '';
    for (const f of list) s += f.code + '\u0001' + f.message + '\u0001' + (f.span ? f.span.start16 + ':' + f.span.end16 : '') + '\u0002';
    return s;
  }

  function render(findings) {
    const presentation = present(findings);
    last = presentation;
    const visible = presentation.shown;
    const sums = visible.filter(isSum);
    const named = suspects(sums);
    const roles = sumRoles(sums, named);
    const perKey = new Map();
    const perTable = new Map();
    const add = (map, key, f) => {
      const list = map.get(key);
      if (list) { if (list[list.length - 1] !== f) list.push(f); } else map.set(key, [f]);
    };
    for (const f of visible) {
      if (f.code === 'S001' && f.cells.length > 0) {
        add(perTable, f.cells[0].slice(0, 2), f);
        continue;
      }
      for (const cell of f.cells) add(perKey, cell, f);
      if (f.field !== null) add(perKey, f.field.startsWith('headings') ? 'headings' : f.field, f);
    }
    const keys = new Set(shown.keys());
    for (const key of perKey.keys()) if (touched.has(key)) keys.add(key);
    for (const key of keys) {
      const list = touched.has(key) ? (perKey.get(key) || []) : [];
      const role = list.length ? roles.get(key) || null : null;
      const sig = signature(list) + (role ? role.kind + (role.note || '') : '');
      if (shown.get(key) === sig) continue;
      paint(key, list, role);
      if (list.length) shown.set(key, sig); else shown.delete(key);
    }
    for (const [table, box] of registry.tableMessages) {
      const list = tableTouched(table) || presentation.final ? (perTable.get(table) || []) : [];
      const state = presentation.tables.get(table);
      const sig = signature(list) + '|' + (state ? state.started + ':' + state.left : '');
      if (shownTables.get(table) === sig) continue;
      shownTables.set(table, sig);
      clear(box);
      for (const f of list) box.appendChild(messageLine(f, 'p'));
      if (state && state.left > 0 && !list.length) box.appendChild(progressLine(table, state));
    }
    renderSummary(visible, presentation, named);
    if (popover) popover.refresh();
    if (onCounts) onCounts(countsOf(presentation));
  }

  function tableTouched(table) {
    for (const key of touched) if (key.startsWith(table + '.')) return true;
    return false;
  }

  function progressLine(table, state) {
    const text = state.started ? '本表尚有 ' + state.left + ' 格未填（没有的事项请填 0）。' : '本表尚未开始填写。';
    return h('p', { class: 'progress-line', 'data-progress': table }, [
      h('span', { class: 'progress-text' }, text), ' ',
      h('button', { type: 'button', class: 'link-button', onclick: () => jumpToEmpty(table) }, state.started ? '跳到下一个未填的格' : '开始填写本表'),
    ]);
  }

  /** Focuses the first empty cell of a table after the one that has focus (or the first). */
  function jumpToEmpty(table) {
    const t = registry.tables.find((x) => x.id === table);
    const inputs = [].concat(...t.rows.map((row) => row.map((p) => p.input)));
    const active = root.activeElement;
    const from = inputs.indexOf(active) + 1;
    const next = inputs.slice(from).concat(inputs.slice(0, from)).find((input) => input.value === '');
    if (next) onJump({ cells: [next.getAttribute('data-cell')], field: null, span: null });
  }

  function paint(key, list, role) {
    const box = root.getElementById(messageId(key));
    const control = registry.cells.get(key) || registry.fields.get(key);
    if (box) {
      clear(box);
      if (role && role.note) box.appendChild(h('p', { class: 'msg msg-suspect' }, [h('span', { class: 'msg-text' }, role.note)]));
      for (const f of list) box.appendChild(messageLine(f, 'p', control));
    }
    if (!control) return;
    const hasError = list.some((f) => f.severity === 'error');
    const hasWarning = !hasError && list.length > 0;
    if (hasError) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
    const holder = control.closest('td, .field');
    if (holder) {
      holder.classList.toggle('has-error', hasError);
      holder.classList.toggle('has-warning', hasWarning);
      for (const kind of ['suspect', 'total', 'part']) holder.classList.toggle('sum-' + kind, !!role && role.kind === kind);
    }
    const described = (control.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== messageId(key));
    if (list.length) described.push(messageId(key));
    if (described.length) control.setAttribute('aria-describedby', described.join(' '));
    else control.removeAttribute('aria-describedby');
  }

  function messageLine(f, tag, control) {
    const line = h(tag, { class: 'msg msg-' + f.severity, 'data-code': f.code }, [
      problemIcon(f.severity),
      h('span', { class: 'msg-severity' }, severityLabels[f.severity]),
      h('span', { class: 'msg-text' }, f.message),
      h('span', { class: 'msg-code' }, '（' + f.code + '）'),
    ]);
    if (f.span !== null && control && control.tagName === 'TEXTAREA') {
      line.appendChild(spanContext(f, control));
    }
    return line;
  }

  function spanContext(f, textarea) {
    const { context, snippet } = f.span;
    const at = context.indexOf(snippet);
    const quote = at < 0
      ? h('q', { class: 'context' }, h('mark', null, snippet))
      : h('q', { class: 'context' }, [context.slice(0, at), h('mark', null, snippet), context.slice(at + snippet.length)]);
    return h('span', { class: 'span-block' }, [
      h('span', { class: 'context-label' }, '原文：'), quote, ' ',
      h('button', {
        type: 'button', class: 'link-button',
        onclick: () => selectSpan(textarea, f.span),
      }, '在正文中选中这段文字'),
    ]);
  }

  /** The part each cell plays in the broken sums: Map id → {kind: 'suspect'|'total'|'part', note}. */
  function sumRoles(sums, named) {
    const roles = new Map();
    const rank = { suspect: 3, total: 2, part: 1 };
    const give = (cell, kind, note) => {
      const had = roles.get(cell);
      if (!had || rank[kind] > rank[had.kind]) roles.set(cell, { kind, note: note || null });
    };
    for (const f of sums) {
      f.cells.forEach((cell, i) => give(cell, i === 0 ? 'total' : 'part'));
    }
    for (const s of named) give(s.cell, 'suspect', s.note);
    return roles;
  }

  /**
   * The cells most likely wrong, each with its note at the cell and its line in the summary: the
   * core's when it names one set (f.suspect, issue 15); until then the one cell that every broken
   * sum of a table has in common, if there is exactly one.
   */
  function suspects(sums) {
    const named = [];
    const fromCore = sums.filter((f) => f.suspect && f.suspect.set_count === 1 && f.suspect.sets.length === 1);
    if (fromCore.length) {
      const seen = new Set();
      for (const f of fromCore) {
        for (const s of f.suspect.sets[0]) {
          if (seen.has(s.cell)) continue;
          seen.add(s.cell);
          named.push({ cell: s.cell, note: f.suspect.message, message: f.suspect.message });
        }
      }
      return named;
    }
    // Per table: the cells every broken sum there shares.
    const byTable = new Map();
    for (const f of sums) {
      const t = f.cells[0].slice(0, 2);
      if (!byTable.has(t)) byTable.set(t, []);
      byTable.get(t).push(f);
    }
    for (const list of byTable.values()) {
      if (list.length < 2) continue;
      let common = new Set(list[0].cells);
      for (const f of list.slice(1)) common = new Set(f.cells.filter((c) => common.has(c)));
      if (common.size !== 1) continue;
      const cell = common.values().next().value;
      const label = cellLabels.get(cell) || cell;
      named.push({
        cell,
        note: '这一格同时出现在 ' + list.length + ' 处不相符的合计中，最可能是它填写有误，请先核对。',
        message: '这 ' + list.length + ' 处合计不相符都涉及同一格：' + label + '。最可能是这一格填写有误，请先核对它。',
      });
    }
    return named;
  }

  function renderSummary(findings, presentation, named) {
    const sig = signature(findings) + '|' + presentation.unfilled + '|' + Array.from(presentation.tables.values()).map((t) => t.started + ':' + t.left).join(',');
    if (sig === summarySignature) return;
    summarySignature = sig;
    const { errors, warnings, infos, unfilled } = countsOf(presentation);
    clear(summary);
    summary.classList.toggle('summary-clean', findings.length === 0 && unfilled === 0);
    summary.classList.toggle('summary-progress', findings.length === 0 && unfilled > 0);
    summary.classList.toggle('summary-errors', errors > 0);
    const title = countText(errors, warnings, infos, unfilled);
    summary.appendChild(h('h2', { id: 'summary-title', class: 'summary-title' }, title));
    if (unfilled > 0) summary.appendChild(progressSummary(presentation));
    if (findings.length === 0) {
      summary.appendChild(h('p', null, unfilled > 0
        ? '已填写的内容暂未发现问题。全部填完后，请点击上方的检查结果或下载前的提示核对一遍。'
        : '所有检查都已通过。下载报告前，仍请再通读一遍正文。'));
    } else {
      summary.appendChild(h('p', { class: 'summary-hint' }, '点击条目可跳到需要修改的位置。错误必须改正；警告请核实后决定是否修改。'));
      const list = h('ul', { class: 'summary-list' });
      for (const s of named) {
        list.appendChild(h('li', { class: 'summary-item summary-suspect', 'data-suspect': s.cell }, [
          h('span', { class: 'icon icon-suspect', 'aria-hidden': 'true' }, '◎'),
          h('a', { href: '#' + domId('c', s.cell), onclick: (e) => { e.preventDefault(); onJump({ cells: [s.cell], field: null, span: null }); } }, s.message),
        ]));
      }
      for (const entry of summaryEntries(findings)) {
        const f = entry.finding;
        const more = entry.more ? '（同一表格中另有 ' + entry.more + ' 个单元格未填写，没有的事项请填 0）' : '';
        list.appendChild(h('li', { class: 'summary-item summary-' + f.severity, 'data-code': f.code }, [
          problemIcon(f.severity),
          h('span', { class: 'msg-severity' }, severityLabels[f.severity]),
          h('a', { href: '#' + targetId(f), onclick: (e) => { e.preventDefault(); onJump(f); } }, f.message + more),
          h('span', { class: 'msg-code' }, '（' + f.code + '）'),
        ]));
      }
      summary.appendChild(list);
    }
    announce(title);
  }

  function progressSummary(presentation) {
    const parts = [];
    for (const [table, state] of presentation.tables) {
      const name = '表' + TABLE_NUMERALS[table];
      if (!state.started) parts.push(name + '尚未开始');
      else if (state.left > 0) parts.push(name + '尚有 ' + state.left + ' 格未填');
    }
    return h('p', { class: 'summary-progress-line', id: 'summary-progress' }, '填写进度：' + parts.join('，') + '。未填的格子在填完全表、点击检查结果或下载时才算作错误。');
  }

  function announce(text) {
    if (text === lastAnnounced) return;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      lastAnnounced = text;
      live.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  return {
    touched,
    render,
    get presentation() { return last; },
    touch(key) { touched.add(key); },
    touchAll(keys) { for (const k of keys) touched.add(k); },
    /** From now on every finding counts (the clerk asked for the result, or downloads). */
    finalize() { touched.add(RESULT_KEY); },
    /** Forgets what was painted at a key whose message box was rebuilt. */
    forget(key) { shown.delete(key); },
    reset() {
      touched.clear();
      summarySignature = null;
    },
  };
}

function isSum(f) {
  return f.severity === 'error' && f.cells.length > 1 && f.reported !== null && f.computed !== null && f.code !== 'S001';
}

/**
 * The summary's entries: every finding, except that the cells left empty in one table (V002) are
 * one entry after the first few, so that empty cells do not bury the other findings under a
 * hundred lines. Each cell still shows its own message.
 */
const EMPTY_CELLS_LISTED = 3;

export function summaryEntries(findings) {
  const entries = [];
  const emptyByTable = new Map();
  for (const f of findings) {
    if (f.code !== 'V002' || f.cells.length !== 1) {
      entries.push({ finding: f, more: 0 });
      continue;
    }
    const table = f.cells[0].slice(0, 2);
    const group = emptyByTable.get(table) || { listed: 0, last: null };
    emptyByTable.set(table, group);
    if (group.listed < EMPTY_CELLS_LISTED) {
      group.listed += 1;
      group.last = { finding: f, more: 0 };
      entries.push(group.last);
    } else {
      group.last.more += 1;
    }
  }
  return entries;
}

export function countText(errors, warnings, infos, unfilled) {
  const left = unfilled ? '（尚有 ' + unfilled + ' 格未填）' : '';
  if (errors + warnings + infos === 0) return unfilled ? '检查结果：已填写的内容暂未发现问题' + left : '检查结果：未发现问题';
  const parts = [];
  if (errors) parts.push(errors + ' 个错误');
  if (warnings) parts.push(warnings + ' 个警告');
  if (infos) parts.push(infos + ' 条提示');
  return '检查结果：发现 ' + parts.join('、') + left;
}

/** The id of the control a finding's link lands on (the same as the jump's target). */
export function targetId(f) {
  if (f.field !== null && f.field.startsWith('headings')) return domId('f', f.field === 'headings' ? 'headings' : f.field);
  if (f.span !== null && f.field !== null) return domId('f', f.field);
  if (f.cells.length) return domId('c', f.cells[0]);
  if (f.field !== null) return domId('f', f.field);
  return 'import-report';
}

export function selectSpan(textarea, span) {
  textarea.focus();
  try { textarea.setSelectionRange(span.start16, span.end16); } catch (e) { /* not selectable */ }
}
