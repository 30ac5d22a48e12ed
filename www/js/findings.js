// Shows findings: the error summary at the top (errors first, each a link to its place; cells not
// yet filled in as progress, see progress.js), the same message at each cell or field the user has
// already left, the state of each table above it, and a polite live region with the count.
//
// Cells of a broken sum are marked by their part in it: the cell most likely wrong (the core's
// error localization, `finding.suspect`, when it names one set of cells) strongly, a total
// plainly, the parts lightly, so that one wrong number does not paint thirty cells alike.
//
// Fixes (issue 15): each finding's fixes are buttons (fixes.js makes them; form-view handles
// their clicks) in the summary and in the message box of the cell or field they change (a cell's
// box is copied into the popover). Findings marked 「已核实」 leave the cells and the counts and are
// listed apart, each with its reason; a warning that may be marked has 「已核实」, which opens a
// short inline form for the reason.
import { h, clear, append, problemIcon } from './dom.js';
import { domId, messageId } from './form.js';
import { createProgress, countsOf, RESULT_KEY } from './progress.js';
import { fixButton } from './fixes.js';
import { reviewForm, reviewInputId } from './review-form.js';

const ANNOUNCE_DELAY_MS = 700;
const TABLE_NUMERALS = { s2: '二', s3: '三', s4: '四' };

/**
 * severityLabels: {error: '错误', ...} from the binding's severities();
 * onJump(finding | {cells, field}); review(fingerprint, reason) → null, or the Chinese reason it
 * was refused.
 */
export function createFindingsView({ registry, summary, live, onJump, scope, severityLabels, popover, onCounts, review }) {
  const root = scope || document; // a Document, or the ShadowRoot the form is rendered in
  const touched = new Set();
  const present = createProgress({ tables: registry.tables, cells: registry.cells, touched });
  const shown = new Map(); // key -> signature of what is painted there
  const shownTables = new Map();
  let summarySignature = null;
  let announceTimer = 0;
  let lastAnnounced = '';
  let last = { shown: [], tables: new Map(), unfilled: 0, final: false };
  let reviewing = null; // {fingerprint, draft, error}: the 「已核实」 form that is open
  // The summary: its head is rebuilt when anything in it changes; its list keeps the items that
  // did not change (a keystroke in a table changes the sums' items, not the warnings' and their
  // buttons), so that the browser has less to lay out again.
  const summaryHead = h('div', { class: 'summary-head' });
  const summaryList = h('ul', { class: 'summary-list' });
  const summaryReviewed = h('div', { class: 'summary-reviewed-box' });
  const summaryItems = new Map(); // key → li

  // What is painted of a list of findings, without their fixes: the fixes shown at a place are
  // added where they are shown (fixIds). A fix of the sums changes with every number of its part
  // of the tables, and must not repaint every cell of every broken sum on each keystroke.
  function signature(list) {
    let s = '';
    for (const f of list) s += f.code + '\u0001' + f.message + '\u0001' + (f.span ? f.span.start16 + ':' + f.span.end16 : '') + '\u0001' + (f.reviewed || '') + '\u0002';
    return s;
  }

  function fixIds(fixes) {
    let s = '';
    for (const fix of fixes) s += fix.id + ' ';
    return s;
  }

  let lastFindings = [];

  function render(findings) {
    lastFindings = findings;
    const presentation = present(findings);
    last = presentation;
    const visible = presentation.shown.filter((f) => f.reviewed === null);
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
      const fixes = fixesAt(key, list);
      const sig = signature(list) + (role ? role.kind + (role.note || '') : '') + '|' + fixIds(fixes);
      if (shown.get(key) === sig) continue;
      paint(key, list, role, fixes);
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
    renderSummary(visible, presentation.shown.filter((f) => f.reviewed !== null), presentation, named);
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

  function paint(key, list, role, fixes) {
    const box = root.getElementById(messageId(key));
    const control = registry.cells.get(key) || registry.fields.get(key);
    if (box) {
      clear(box);
      if (role && role.note) box.appendChild(h('p', { class: 'msg msg-suspect' }, [h('span', { class: 'msg-text' }, role.note)]));
      for (const f of list) box.appendChild(messageLine(f, 'p', control));
      if (fixes.length) box.appendChild(h('div', { class: 'msg-actions' }, fixes.map(fixButton)));
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

  /** The fixes of these findings that change the cell or field `key` (each once). */
  function fixesAt(key, list) {
    const fixes = [];
    for (const f of list) {
      for (const fix of f.fixes) {
        const here = fix.edits.some((e) => (e.kind === 'cell' ? e.cell === key : e.field === key || (key === 'headings' && e.field.startsWith('headings'))));
        if (here && !fixes.some((x) => x.id === fix.id)) fixes.push(fix);
      }
    }
    return fixes;
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
   * What the core's error localization says about the broken sums (finding.suspect), once per
   * part of the tables: {message, fixes, strong: [cell]} — strong when it names one set of cells
   * (those are marked strongly and carry the message at the cell); with several equally small
   * sets the tables cannot tell, and each set's fix is its own button. Each strong cell is also
   * an entry {cell, note} as sumRoles takes it.
   */
  function suspects(sums) {
    const lines = [];
    const byMessage = new Map();
    for (const f of sums) {
      const suspect = f.suspect;
      if (!suspect || !suspect.sets.length) continue;
      let line = byMessage.get(suspect.message);
      if (!line) {
        const cells = new Set([].concat(...suspect.sets.map((set) => set.map((c) => c.cell))));
        const strong = suspect.set_count === 1 && suspect.sets.length === 1 ? suspect.sets[0].map((c) => c.cell) : [];
        line = { message: suspect.message, cells, strong, fixes: [] };
        byMessage.set(suspect.message, line);
        lines.push(line);
      }
      for (const fix of f.fixes) {
        const ofSuspect = fix.edits.every((e) => e.kind === 'cell' && line.cells.has(e.cell));
        if (ofSuspect && !line.fixes.some((x) => x.id === fix.id)) line.fixes.push(fix);
      }
    }
    const named = [];
    for (const line of lines) for (const cell of line.strong) named.push({ cell, note: line.message });
    named.lines = lines;
    return named;
  }

  function renderSummary(findings, reviewedList, presentation, named) {
    const sig = signature(findings) + '|' + fixIds([].concat(...findings.map((f) => f.fixes))) + '|' + signature(reviewedList) + '|' + presentation.unfilled + '|'
      + Array.from(presentation.tables.values()).map((t) => t.started + ':' + t.left).join(',')
      + '|' + (reviewing ? reviewing.fingerprint + ':' + (reviewing.error || '') : '');
    if (sig === summarySignature) return;
    summarySignature = sig;
    const { errors, warnings, infos, unfilled } = countsOf(presentation);
    if (!summaryHead.parentNode) append(summary, [summaryHead, summaryList, summaryReviewed]);
    const head = [];
    const items = [];
    summary.classList.toggle('summary-clean', findings.length === 0 && unfilled === 0);
    summary.classList.toggle('summary-progress', findings.length === 0 && unfilled > 0);
    summary.classList.toggle('summary-errors', errors > 0);
    const title = countText(errors, warnings, infos, unfilled, reviewedList.length);
    head.push(h('h2', { id: 'summary-title', class: 'summary-title' }, title));
    if (unfilled > 0) head.push(progressSummary(presentation));
    if (findings.length === 0) {
      head.push(h('p', null, unfilled > 0
        ? '已填写的内容暂未发现问题。全部填完后，请点击上方的检查结果或下载前的提示核对一遍。'
        : '所有检查都已通过。下载报告前，仍请再通读一遍正文。'));
    } else {
      head.push(h('p', { class: 'summary-hint' }, '点击条目可跳到需要修改的位置。错误必须改正；警告请核实后决定是否修改。'));
      const safe = safeFixCount(findings);
      if (safe > 0) {
        head.push(h('p', { class: 'summary-fixes' }, [
          h('button', { type: 'button', class: 'button', id: 'apply-safe-fixes' }, '全部安全修正'), ' ',
          h('span', { class: 'summary-fixes-text' }, '一次完成 ' + safe + ' 处不改变报告内容的修正（标有「修正」的条目）；其他修正请逐条核实后点击。'),
        ]));
      }
      const onSuspectLines = new Set();
      for (const line of named.lines) {
        for (const fix of line.fixes) onSuspectLines.add(fix.id);
        const target = line.strong[0] || line.cells.values().next().value;
        items.push({ key: 'suspect\u0001' + line.message + '\u0001' + line.fixes.map((x) => x.id).join(' '), make: () => h('li', { class: 'summary-item summary-suspect', 'data-suspect': line.strong.join(' ') || null }, [
          h('span', { class: 'icon icon-suspect', 'aria-hidden': 'true' }, '◎'),
          h('a', { href: '#' + domId('c', target), onclick: (e) => { e.preventDefault(); onJump({ cells: [target], field: null, span: null }); } }, line.message),
          line.fixes.length ? h('span', { class: 'summary-actions' }, line.fixes.map(fixButton)) : null,
        ]) });
      }
      for (const entry of summaryEntries(findings)) {
        const f = entry.finding;
        const more = entry.more ? '（同一表格中另有 ' + entry.more + ' 个单元格未填写，没有的事项请填 0）' : '';
        const fixes = f.fixes.filter((fix) => !onSuspectLines.has(fix.id));
        const canReview = f.fingerprint !== null;
        const open = canReview && reviewing && reviewing.fingerprint === f.fingerprint;
        const key = signature([f]) + fixIds(fixes) + (canReview ? 'r' : '') + more + '\u0001' + f.cells.join(' ') + '\u0001' + (f.field || '') + (open ? '\u0001open:' + (reviewing.error || '') : '');
        items.push({ key, make: () => h('li', { class: 'summary-item summary-' + f.severity, 'data-code': f.code, 'data-fingerprint': f.fingerprint }, [
          problemIcon(f.severity),
          h('span', { class: 'msg-severity' }, severityLabels[f.severity]),
          h('a', { href: '#' + targetId(f), onclick: (e) => { e.preventDefault(); onJump(f); } }, f.message + more),
          h('span', { class: 'msg-code' }, '（' + f.code + '）'),
          fixes.length || (canReview && !open) ? h('span', { class: 'summary-actions' }, [
            fixes.map(fixButton),
            canReview && !open ? h('button', { type: 'button', class: 'button button-small review-button', 'data-review': f.fingerprint, 'aria-expanded': 'false' }, '已核实') : null,
          ]) : null,
          open ? reviewForm({
            fingerprint: f.fingerprint,
            code: f.code,
            draft: reviewing.draft,
            error: reviewing.error,
            onInput: (value) => { reviewing.draft = value; },
            onSubmit: (reason) => submitReview(f.fingerprint, reason),
            onCancel: () => closeReview(f.fingerprint),
          }) : null,
        ]) });
      }
    }
    // The head and the reviewed list are replaced only when their text changes.
    const headKey = head.map((el) => el.textContent).join('\u0002');
    if (summaryHead.getAttribute('data-key') !== headKey) {
      clear(summaryHead);
      append(summaryHead, head);
      summaryHead.setAttribute('data-key', headKey);
    }
    reconcile(summaryList, items);
    summaryList.hidden = items.length === 0;
    const reviewedKey = signature(reviewedList);
    if (summaryReviewed.getAttribute('data-key') !== reviewedKey) {
      clear(summaryReviewed);
      if (reviewedList.length) summaryReviewed.appendChild(reviewedSection(reviewedList));
      summaryReviewed.setAttribute('data-key', reviewedKey);
    }
    announce(title);
  }

  /** Puts the items in `list` in order, reusing the element of each key shown before. */
  function reconcile(list, items) {
    const seen = new Set();
    let at = list.firstChild;
    for (const item of items) {
      let el = summaryItems.get(item.key);
      if (!el || seen.has(item.key)) { el = item.make(); summaryItems.set(item.key, el); }
      seen.add(item.key);
      if (el === at) { at = at.nextSibling; continue; }
      list.insertBefore(el, at);
    }
    while (at) { const next = at.nextSibling; list.removeChild(at); at = next; }
    for (const key of Array.from(summaryItems.keys())) if (!seen.has(key)) summaryItems.delete(key);
  }

  function reviewedSection(list) {
    return h('div', { class: 'summary-reviewed', id: 'summary-reviewed' }, [
      h('h3', { class: 'summary-reviewed-title' }, '已核实（' + list.length + ' 条，不计入错误和警告）'),
      h('ul', { class: 'summary-list' }, list.map((f) => h('li', { class: 'summary-item summary-is-reviewed', 'data-code': f.code, 'data-fingerprint': f.fingerprint }, [
        h('span', { class: 'icon icon-reviewed', 'aria-hidden': 'true' }, '✓'),
        h('span', { class: 'msg-severity' }, '已核实' + severityLabels[f.severity]),
        h('a', { href: '#' + targetId(f), onclick: (e) => { e.preventDefault(); onJump(f); } }, f.message),
        h('span', { class: 'msg-code' }, '（' + f.code + '）'),
        h('span', { class: 'review-reason' }, '核实理由：' + f.reviewed),
        h('span', { class: 'summary-actions' }, h('button', { type: 'button', class: 'button button-small', 'data-unreview': f.fingerprint }, '取消核实')),
      ]))),
    ]);
  }

  /** Opens the 「已核实」 form of a finding (by its fingerprint) and focuses its reason. */
  function openReview(fingerprint) {
    reviewing = { fingerprint, draft: '', error: null };
    rerenderSummary();
    const input = root.getElementById(reviewInputId(fingerprint));
    if (input) input.focus();
  }

  function closeReview(fingerprint) {
    reviewing = null;
    rerenderSummary();
    const button = summary.querySelector('[data-review="' + fingerprint + '"]');
    if (button) button.focus();
  }

  function submitReview(fingerprint, reason) {
    const refused = review(fingerprint, reason);
    if (refused) {
      reviewing = { fingerprint, draft: reason, error: refused };
      rerenderSummary();
      const input = root.getElementById(reviewInputId(fingerprint));
      if (input) input.focus();
      return;
    }
    reviewing = null;
    rerenderSummary();
    const item = summary.querySelector('.summary-is-reviewed[data-fingerprint="' + fingerprint + '"] a');
    (item || summary).focus();
  }

  function rerenderSummary() {
    summarySignature = null;
    render(lastFindings);
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
    /** Opens the 「已核实」 form of the finding with this fingerprint (its button was clicked). */
    openReview,
    /** Forgets what was painted at a key whose message box was rebuilt. */
    forget(key) { shown.delete(key); },
    reset() {
      touched.clear();
      summarySignature = null;
    },
  };
}

/** Distinct safe fixes of the findings shown (what 「全部安全修正」 makes). */
function safeFixCount(findings) {
  const ids = new Set();
  for (const f of findings) for (const fix of f.fixes) if (fix.applicability === 'safe') ids.add(fix.id);
  return ids.size;
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

export function countText(errors, warnings, infos, unfilled, reviewed = 0) {
  const left = (unfilled ? '（尚有 ' + unfilled + ' 格未填）' : '') + (reviewed ? '（另有 ' + reviewed + ' 条已核实）' : '');
  if (errors + warnings + infos === 0) return unfilled ? '检查结果：已填写的内容暂未发现问题' + left : '检查结果：未发现问题' + left;
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
