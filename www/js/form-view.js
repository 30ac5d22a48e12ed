// The report form as a view: the error summary, the form drawn from the binding's tables and
// fields, the headings block. Typing goes to the report store as edits; every store change is
// rendered here (on a replacement the form is filled again from the store).
import { h, clear, append } from './dom.js';
import { renderForm, domId, messageId } from './form.js';
import { createFindingsView, selectSpan } from './findings.js';
import { wireGrid } from './grid.js';

/**
 * binding: what the form is drawn from (layouts, levels, textFields, reportFields, cellCatalog,
 * severityLabels); readOnly(): whether edits are refused; notices: for the grid's paste message;
 * afterAgency: an element shown after the agency block (「上一年度报告」), or null.
 */
export function createFormView({ binding, store, scope, readOnly, notices, intro, afterAgency }) {
  const summary = h('div', { class: 'summary', id: 'summary', tabindex: '-1', 'aria-labelledby': 'summary-title' });
  const live = h('div', { class: 'visually-hidden', id: 'findings-live', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'report-form', id: 'report-form', novalidate: true, onsubmit: (e) => e.preventDefault() });
  const headingsBlock = h('section', { class: 'section headings-block', id: 'headings', tabindex: '-1', 'aria-labelledby': 'headings-title', hidden: true });
  const element = h('div', { class: 'view view-form' }, [intro, summary, live, form, headingsBlock]);

  const registry = renderForm(form, binding);
  if (afterAgency) form.insertBefore(afterAgency, form.children[1] || null);
  const headingsList = h('ol', { class: 'headings-list', tabindex: '-1', id: domId('f', 'headings') });
  registry.fields.set('headings', headingsList);
  const view = createFindingsView({ registry, summary, live, onJump: jumpTo, scope, severityLabels: binding.severityLabels });
  view.touch('headings');
  const officialHeadings = binding.officialHeadings;
  const locked = store.locked;

  // ---- typing -------------------------------------------------------------------------------

  function onInput(target) {
    if (readOnly()) return;
    const cell = target.getAttribute('data-cell');
    const field = target.getAttribute('data-field');
    if (cell) store.edit('typing', (s) => s.setCell(cell, target.value));
    else if (field) setField(field, target.value);
  }

  function setField(field, value) {
    let problem = null;
    store.edit('typing', (s) => {
      try { s.setField(field, value); } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) throw e;
        problem = e && e.message ? e.message : String(e);
      }
    });
    if (field === 'year') showYearProblem(problem);
  }

  function showYearProblem(problem) {
    const wrap = registry.fieldWraps.get('year');
    let box = wrap.querySelector('.field-problem');
    if (!problem) { if (box) box.remove(); return; }
    if (!box) {
      box = h('p', { class: 'msg msg-error field-problem', id: 'year-problem' });
      wrap.insertBefore(box, registry.fields.get('year'));
    }
    clear(box);
    append(box, [h('span', { class: 'icon icon-error', 'aria-hidden': 'true' }, '!'), h('span', { class: 'msg-severity' }, binding.severityLabels.error), problem]);
  }

  function onLeave(target) {
    const cell = target.getAttribute('data-cell');
    const key = cell || target.getAttribute('data-field');
    if (!key) return;
    if (cell && !readOnly()) {
      const text = store.cellText(cell);
      if (typeof text === 'string' && text !== target.value) target.value = text;
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

  form.addEventListener('input', (e) => onInput(e.target));
  form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT') onInput(e.target); });
  form.addEventListener('focusout', (e) => onLeave(e.target));
  wireGrid(registry, { fill: (entries) => fillCells(entries, 'paste'), notify: (text) => notices.say(text), isReadOnly: readOnly });

  // ---- showing the report ---------------------------------------------------------------------

  function fill() {
    for (const [id, input] of registry.cells) input.value = store.cellText(id);
    for (const [path, control] of registry.fields) {
      if (path !== 'headings') control.value = store.field(path);
    }
    showYearProblem(null);
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
    view.forget('headings');
    if (!show) return;
    for (const heading of headings) headingsList.appendChild(h('li', null, heading));
    append(headingsBlock, [
      h('h2', { id: 'headings-title' }, '各部分标题'),
      h('p', { class: 'hint' }, '导入的报告使用了以下标题。下载时会原样保留；如需改为格式规定的标题，请点击下面的按钮。'),
      h('div', { class: 'field-msg', id: messageId('headings') }),
      headingsList,
      h('button', { type: 'button', class: 'button', onclick: () => { if (!readOnly()) store.edit('headings', (s) => s.useOfficialHeadings()); } }, '改为格式规定的六个标题'),
    ]);
  }

  function jumpTo(f) {
    const key = f.span !== null && f.field !== null ? f.field
      : f.cells.length ? f.cells[0] : f.field && f.field.startsWith('headings') ? 'headings' : f.field;
    const target = key && (registry.cells.get(key) || registry.fields.get(key));
    if (!target) return;
    if (!view.touched.has(key)) { view.touch(key); render(store.findings); }
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
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
        } else if (Array.isArray(event.touched)) {
          view.touchAll(event.touched);
        }
      }
      fill();
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
    setReadOnly(flag) {
      for (const input of registry.cells.values()) input.readOnly = flag;
      for (const [path, control] of registry.fields) {
        if (path === 'headings') continue;
        const fixed = flag || Object.prototype.hasOwnProperty.call(locked, path);
        if (control.tagName === 'SELECT') control.disabled = fixed; else control.readOnly = fixed;
      }
    },
    showSummary() {
      summary.scrollIntoView({ block: 'start' });
      summary.focus();
    },
  };
}
