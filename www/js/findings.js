// Shows findings: the error summary at the top (every finding, errors first, each a link to its
// place), the same message at each cell or field the user has already left, and a polite live
// region with the count.
import { h, clear, problemIcon } from './dom.js';
import { domId, messageId } from './form.js';

const ANNOUNCE_DELAY_MS = 700;

/** severityLabels: {error: '错误', ...} from the binding's severities(). */
export function createFindingsView({ registry, summary, live, onJump, scope, severityLabels }) {
  const root = scope || document; // a Document, or the ShadowRoot the form is rendered in
  const touched = new Set();
  const shown = new Map(); // key -> signature of what is painted there
  const shownTables = new Map();
  let summarySignature = null;
  let announceTimer = 0;
  let lastAnnounced = '';

  function signature(list) {
    let s = '';
    for (const f of list) s += f.code + '\u0001' + f.message + '\u0001' + (f.span ? f.span.start16 + ':' + f.span.end16 : '') + '\u0002';
    return s;
  }

  function render(findings) {
    const perKey = new Map();
    const perTable = new Map();
    const add = (map, key, f) => {
      const list = map.get(key);
      if (list) { if (list[list.length - 1] !== f) list.push(f); } else map.set(key, [f]);
    };
    for (const f of findings) {
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
      const sig = signature(list);
      if (shown.get(key) === sig) continue;
      paint(key, list);
      if (list.length) shown.set(key, sig); else shown.delete(key);
    }
    for (const [table, box] of registry.tableMessages) {
      const list = tableTouched(table) ? (perTable.get(table) || []) : [];
      const sig = signature(list);
      if (shownTables.get(table) === sig) continue;
      shownTables.set(table, sig);
      clear(box);
      for (const f of list) box.appendChild(messageLine(f, 'p'));
    }
    renderSummary(findings);
  }

  function tableTouched(table) {
    for (const key of touched) if (key.startsWith(table + '.')) return true;
    return false;
  }

  function paint(key, list) {
    const box = root.getElementById(messageId(key));
    const control = registry.cells.get(key) || registry.fields.get(key);
    if (box) {
      clear(box);
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

  function renderSummary(findings) {
    const sig = signature(findings);
    if (sig === summarySignature) return;
    summarySignature = sig;
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const infos = findings.length - errors - warnings;
    clear(summary);
    summary.classList.toggle('summary-clean', findings.length === 0);
    summary.classList.toggle('summary-errors', errors > 0);
    const title = countText(errors, warnings, infos);
    summary.appendChild(h('h2', { id: 'summary-title', class: 'summary-title' }, title));
    if (findings.length === 0) {
      summary.appendChild(h('p', null, '所有检查都已通过。下载报告前，仍请再通读一遍正文。'));
    } else {
      summary.appendChild(h('p', { class: 'summary-hint' }, '点击条目可跳到需要修改的位置。错误必须改正；警告请核实后决定是否修改。'));
      const list = h('ul', { class: 'summary-list' });
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
    touch(key) { touched.add(key); },
    touchAll(keys) { for (const k of keys) touched.add(k); },
    /** Forgets what was painted at a key whose message box was rebuilt. */
    forget(key) { shown.delete(key); },
    reset() {
      touched.clear();
      summarySignature = null;
    },
  };
}

/**
 * The summary's entries: every finding, except that the cells left empty in one table (V002) are
 * one entry after the first few, so that one number typed into an empty table does not bury the
 * other findings under a hundred lines. Each cell still shows its own message.
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

export function countText(errors, warnings, infos) {
  if (errors + warnings + infos === 0) return '检查结果：未发现问题';
  const parts = [];
  if (errors) parts.push(errors + ' 个错误');
  if (warnings) parts.push(warnings + ' 个警告');
  if (infos) parts.push(infos + ' 条提示');
  return '检查结果：发现 ' + parts.join('、');
}

export function targetId(f) {
  if (f.span !== null && f.field !== null) return domId('f', f.field);
  if (f.cells.length) return domId('c', f.cells[0]);
  if (f.field !== null) return f.field.startsWith('headings') ? 'headings' : domId('f', f.field);
  return 'main';
}

export function selectSpan(textarea, span) {
  textarea.focus();
  try { textarea.setSelectionRange(span.start16, span.end16); } catch (e) { /* not selectable */ }
}
