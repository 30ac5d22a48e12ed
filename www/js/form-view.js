// The report form as a view: the error summary, the notes on the imported file, the headings
// block, the form drawn from the binding's tables and fields. Typing goes to the report store as
// edits; every store change is rendered here (on a replacement the form is filled again; after a
// fix or its undo, the cells and fields it wrote).
//
// The buttons of fixes and of 「已核实」 (in the summary, the message boxes and the cell popover,
// which copies them) are handled here by delegation: fixes by `fixes` (fixes.js), the marks by
// the session (markReviewed / unmarkReviewed), each an edit of the store.
import { h, clear, append } from './dom.js';
import { renderForm, domId, messageId } from './form.js';
import { createFindingsView, selectSpan } from './findings.js';
import { createCellPopover } from './cell-popover.js';
import { createImportReport } from './import-report.js';
import { wireGrid } from './grid.js';

// Prose is checked when the clerk pauses (or leaves the field), not on every keystroke: the prose
// rules are what costs time on a slow machine.
const PROSE_PAUSE_MS = 400;

/**
 * binding: what the form is drawn from (layouts, levels, textFields, reportFields, cellCatalog,
 * severityLabels, officialHeadings); readOnly(): whether edits are refused (and why: readOnlyReason());
 * notices: for the grid's paste message; onCounts({errors, warnings, unfilled}): the toolbar;
 * afterAgency: an element shown after the agency block (「上一年度报告」), or null; fixes: fixes.js.
 */
export function createFormView({ binding, store, scope, readOnly, readOnlyReason, notices, intro, onCounts, afterAgency, fixes }) {
  const summary = h('div', { class: 'summary', id: 'summary', tabindex: '-1', 'aria-labelledby': 'summary-title' });
  const live = h('div', { class: 'visually-hidden', id: 'findings-live', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'report-form', id: 'report-form', novalidate: true, onsubmit: (e) => e.preventDefault() });
  const headingsBlock = h('section', { class: 'section headings-block', id: 'headings', tabindex: '-1', 'aria-labelledby': 'headings-title', hidden: true });
  const importReport = createImportReport();
  const element = h('div', { class: 'view view-form' }, [intro, summary, live, importReport.element, headingsBlock, form]);

  const registry = renderForm(form, binding);
  if (afterAgency) form.insertBefore(afterAgency, form.children[1] || null);
  const headingsList = h('ol', { class: 'headings-list', tabindex: '-1', id: domId('f', 'headings') });
  registry.fields.set('headings', headingsList);
  const headingItems = [];
  const root = scope || document;
  const cellOrder = Array.from(registry.cells.values());
  let stickyTop = () => 0;
  let reveal = (el) => el.scrollIntoView({ block: 'center' });
  const popover = createCellPopover({
    host: element,
    messageBox: (input) => root.getElementById(messageId(input.getAttribute('data-cell'))),
    stickyTop: () => stickyTop(),
    next: (input) => cellOrder[cellOrder.indexOf(input) + 1] || null,
  });
  const view = createFindingsView({
    registry, summary, live, onJump: jumpTo, scope, severityLabels: binding.severityLabels, popover, onCounts, review: markReviewed,
  });
  view.touch('headings');
  const officialHeadings = binding.officialHeadings;
  const locked = store.locked;
  let proseTimer = 0;

  // ---- typing -------------------------------------------------------------------------------

  function onInput(target) {
    if (readOnly()) return;
    const cell = target.getAttribute('data-cell');
    const field = target.getAttribute('data-field');
    if (cell) store.edit('typing', (s) => s.setCell(cell, target.value));
    else if (field && target.tagName === 'TEXTAREA') typeProse(field, target.value);
    else if (field) setField(field, target.value);
  }

  function typeProse(field, value) {
    store.edit('prose', (s) => s.setField(field, value), { check: 'later' });
    clearTimeout(proseTimer);
    proseTimer = setTimeout(() => store.checkNow(), PROSE_PAUSE_MS);
  }

  // A year that is not one is kept by the session and reported (V001) like a wrong number.
  function setField(field, value) {
    store.edit('typing', (s) => {
      try { s.setField(field, value); } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) throw e; // a value the select cannot offer: kept in the form
      }
    });
  }

  function onLeave(target, relatedTarget) {
    const cell = target.getAttribute('data-cell');
    const key = cell || target.getAttribute('data-field');
    if (!key) return;
    if (cell) popover.blur(target, relatedTarget);
    if (cell && !readOnly()) {
      const text = store.cellText(cell);
      if (typeof text === 'string' && text !== target.value) target.value = text;
    }
    if (target.tagName === 'TEXTAREA' && proseTimer) {
      clearTimeout(proseTimer);
      proseTimer = 0;
      store.checkNow();
    }
    if (!view.touched.has(key)) {
      view.touch(key);
      render(store.findings);
    }
  }

  /** Sets many cells at once (paste, 自动计算合计): one edit, one check. */
  function fillCells(entries, origin) {
    if (readOnly()) return;
    store.edit(origin || 'paste', (s) => {
      for (const [input, text] of entries) {
        const id = input.getAttribute('data-cell');
        const shown = s.setCell(id, text);
        input.value = typeof shown === 'string' ? shown : text;
        view.touch(id);
      }
    });
  }

  // A read-only tab says so where the clerk types, not only in the banner at the top.
  function refuseTyping(e) {
    if (!readOnly() || e.ctrlKey || e.metaKey || e.altKey) return;
    const typing = e.key && (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete');
    const target = e.target;
    if (!typing || !target.matches || !target.matches('input, textarea')) return;
    let tip = root.getElementById('readonly-tip');
    if (!tip) tip = h('p', { class: 'readonly-tip', id: 'readonly-tip', role: 'alert' });
    tip.textContent = '此页为只读，输入的内容不会保存：' + readOnlyReason();
    const holder = target.closest('td, .field');
    if (holder && tip.parentNode !== holder) holder.appendChild(tip);
  }

  form.addEventListener('input', (e) => onInput(e.target));
  form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT') onInput(e.target); });
  form.addEventListener('focusout', (e) => onLeave(e.target, e.relatedTarget));
  form.addEventListener('keydown', refuseTyping);
  // Tab from a cell with fixes goes to them (in the popover), then on to the next cell.
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.altKey || !e.target.getAttribute('data-cell')) return;
    if (popover.focusActions(e.target)) e.preventDefault();
  });
  form.addEventListener('focusin', (e) => { if (e.target.getAttribute('data-cell')) popover.focus(e.target); });
  form.addEventListener('mouseover', (e) => {
    const td = e.target.closest && e.target.closest('td.cell');
    popover.hover(td ? td.querySelector('[data-cell]') : null);
  });
  form.addEventListener('mouseleave', () => popover.hover(null));
  wireGrid(registry, { fill: (entries) => fillCells(entries, 'paste'), notify: (text) => notices.say(text), isReadOnly: readOnly });

  // ---- fixes and 「已核实」 ---------------------------------------------------------------------

  element.addEventListener('click', (e) => {
    const button = e.target.closest ? e.target.closest('button') : null;
    if (!button) return;
    if (button.hasAttribute('data-fix')) applyFix(button);
    else if (button.id === 'apply-safe-fixes') fixes.applySafe();
    else if (button.hasAttribute('data-review')) view.openReview(button.getAttribute('data-review'));
    else if (button.hasAttribute('data-unreview')) unmarkReviewed(button.getAttribute('data-unreview'));
  });

  /** A 「修正」 button: the fix, then focus where the clerk was (the cell, the field, the list). */
  function applyFix(button) {
    const anchor = button.closest('.cell-popover') ? popover.anchor : null;
    const wrap = button.closest('[data-field-wrap]');
    const inHeadings = !!button.closest('.headings-block');
    const item = button.closest('.summary-item');
    const items = item ? Array.prototype.slice.call(summary.querySelectorAll('.summary-item')) : [];
    const at = items.indexOf(item);
    if (!fixes.apply(button.getAttribute('data-fix'))) return;
    if (anchor) { anchor.focus(); return; }
    const control = wrap ? registry.fields.get(wrap.getAttribute('data-field-wrap')) : null;
    if (control) { control.focus(); return; }
    if (inHeadings && !headingsBlock.hidden) { headingsBlock.focus(); return; }
    // The item is gone: the one now in its place (or the summary) has focus.
    const left = summary.querySelectorAll('.summary-item a');
    const next = item ? left[Math.min(at, left.length - 1)] : null;
    (next || summary).focus();
  }

  /** Marks a finding 「已核实」: null, or the Chinese reason the core refused it. */
  function markReviewed(fingerprint, reason) {
    if (readOnly()) return '此页为只读，不能标记：' + readOnlyReason();
    try {
      store.edit('review', (s) => s.markReviewed(fingerprint, reason));
      return null;
    } catch (e) {
      return e && e.message ? e.message : String(e);
    }
  }

  function unmarkReviewed(fingerprint) {
    if (readOnly()) return;
    store.edit('review', (s) => s.unmarkReviewed(fingerprint));
    const item = summary.querySelector('.summary-item[data-fingerprint="' + fingerprint + '"] a');
    (item || summary).focus();
  }

  /** After a fix or an undo: the cells and fields it wrote show their new text. */
  function showChanged(keys) {
    for (const key of keys) {
      const input = registry.cells.get(key);
      if (input) {
        input.value = store.cellText(key);
        view.touch(key);
        continue;
      }
      const control = registry.fields.get(key);
      if (control && key !== 'headings') control.value = store.field(key);
    }
  }

  // ---- showing the report ---------------------------------------------------------------------

  function fill() {
    // Where an imported value was read (source.cells): the cell's tooltip.
    const sources = store.cellSources();
    for (const [id, input] of registry.cells) {
      input.value = store.cellText(id);
      if (sources[id]) input.title = '读自原文件' + sources[id]; else input.removeAttribute('title');
    }
    for (const [path, control] of registry.fields) {
      if (path !== 'headings') control.value = store.field(path);
    }
  }

  function render(findings) {
    renderHeadings();
    view.render(findings);
  }

  function renderHeadings() {
    const headings = store.headings();
    const standard = Array.isArray(headings) && headings.length === officialHeadings.length
      && headings.every((x, i) => x === officialHeadings[i]);
    const show = Array.isArray(headings) && !standard;
    headingsBlock.hidden = !show;
    const sig = show ? headings.join('\n') : '';
    if (headingsBlock.getAttribute('data-sig') === sig) return;
    headingsBlock.setAttribute('data-sig', sig);
    clear(headingsBlock);
    clear(headingsList);
    headingItems.length = 0;
    view.forget('headings');
    if (!show) return;
    headings.forEach((heading, i) => {
      const item = h('li', { id: domId('f', 'headings[' + i + ']'), tabindex: '-1' }, heading);
      headingItems.push(item);
      headingsList.appendChild(item);
    });
    append(headingsBlock, [
      h('h2', { id: 'headings-title' }, '各部分标题'),
      h('p', { class: 'hint' }, '导入的报告使用了以下标题。下载时会原样保留；如需改为格式规定的标题，请点击下面的按钮。'),
      h('div', { class: 'field-msg', id: messageId('headings') }),
      headingsList,
      h('button', { type: 'button', class: 'button', id: 'use-official-headings', onclick: () => { if (!readOnly()) store.edit('headings', (s) => s.useOfficialHeadings()); } }, '改为格式规定的六个标题'),
    ]);
  }

  /** The control a finding lands on: a cell, a field (a prose span selected), a heading, the import notes. */
  function targetOf(f) {
    if (f.field !== null && f.field.startsWith('headings')) {
      const index = /^headings\[(\d+)\]$/.exec(f.field);
      const item = index ? headingItems[Number(index[1])] : null;
      return { key: 'headings', el: item || (headingsBlock.hidden ? null : headingsList) };
    }
    const key = f.span !== null && f.field !== null ? f.field : f.cells.length ? f.cells[0] : f.field;
    if (key) return { key, el: registry.cells.get(key) || registry.fields.get(key) || null };
    return { key: null, el: importReport.element.hidden ? null : importReport.element };
  }

  function jumpTo(f) {
    const { key, el } = targetOf(f);
    const target = el || summary;
    if (key && !view.touched.has(key)) { view.touch(key); render(store.findings); }
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    reveal(target);
    if (f.span !== null && target.tagName === 'TEXTAREA') selectSpan(target, f.span);
  }

  store.on('change', (event) => {
    if (event.kind === 'replace') {
      if (event.origin !== 'recovery') {
        view.reset();
        view.touch('headings');
        if (event.touched === 'all') {
          view.touchAll(registry.cells.keys());
          view.touchAll(registry.fields.keys());
          view.finalize();
        } else if (Array.isArray(event.touched)) {
          view.touchAll(event.touched);
        }
        const report = store.report();
        importReport.show(report && report.source ? report.source : null);
      }
      fill();
    } else if (event.changed) {
      showChanged(event.changed);
    }
    render(event.findings);
  });

  // After a crash the rebuilt session gets what the form shows (what the clerk typed).
  store.replay = (session) => {
    for (const [path, control] of registry.fields) {
      if (path === 'headings') continue;
      try { session.setField(path, control.value); } catch (e) { /* kept in the form */ }
    }
    for (const [id, input] of registry.cells) {
      try { session.setCell(id, input.value); } catch (e) { /* kept in the form */ }
    }
  };

  return {
    name: 'form',
    element,
    registry,
    summary,
    focusTarget: () => summary,
    fillCells,
    touchedKeys: () => Array.from(view.touched),
    /** What stays in view (sticky.js): the popover keeps clear of it; jumps reveal past it. */
    useSticky(sticky) {
      stickyTop = sticky.stickyTop;
      reveal = sticky.reveal;
    },
    setReadOnly(flag) {
      for (const input of registry.cells.values()) input.readOnly = flag;
      for (const [path, control] of registry.fields) {
        if (path === 'headings') continue;
        const fixed = flag || Object.prototype.hasOwnProperty.call(locked, path);
        if (control.tagName === 'SELECT') control.disabled = fixed; else control.readOnly = fixed;
      }
      if (!flag) { const tip = root.getElementById('readonly-tip'); if (tip) tip.remove(); }
    },
    /** Every finding counts from now on: not-yet-filled cells are errors (result asked, download). */
    finalize() {
      if (view.presentation.final) return;
      view.finalize();
      render(store.findings);
    },
    showSummary() {
      this.finalize();
      summary.scrollIntoView({ block: 'start' });
      summary.focus();
    },
    destroy() { popover.destroy(); },
  };
}
