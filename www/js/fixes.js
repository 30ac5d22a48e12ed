// Fixes (issue 15): 「修正」 at a finding or a cell, 「全部安全修正」, and undo. The core makes
// every change (Session.applyFix / applySafeFixes / undoFix) through the report store, so the
// check, the form, the draft and the host all see a fix and its undo like any other edit.
//
// Each fix, or the batch of safe fixes, is one step; undo takes back the last step, by the
// 「撤销」 of the notice that reports it or by Ctrl+Z. Ctrl+Z is ours when focus is not in a text
// field, or when it is but the report has not changed since the last fix or undo (the fix is the
// last thing done, and the field's own undo would reach past it to older typing). Once the
// clerk has typed after a fix, Ctrl+Z in a field undoes that typing, as the browser does.
//
// The notice sticks to the bottom of the window (it is placed after the form), so it is seen
// from deep in table 三 where the fix was made.
import { h, clear } from './dom.js';

/** The button of one fix: its ID in data-fix (clicks are handled by delegation: see wire). */
export function fixButton(fix) {
  const safe = fix.applicability === 'safe';
  return h('button', {
    type: 'button',
    class: 'button button-small fix-button fix-' + fix.applicability,
    'data-fix': fix.id,
    title: fix.title,
    'aria-label': safe ? '修正：' + fix.title : null,
  }, safe ? '修正' : fix.title);
}

/** The cells and fields a list of edits writes (Edit[]), as keys of the form. */
export function editedKeys(edits) {
  const keys = [];
  for (const e of edits || []) {
    const key = e.kind === 'cell' ? e.cell : e.field;
    if (keys.indexOf(key) < 0) keys.push(key);
  }
  return keys;
}

/**
 * store: the report store; readOnly(): whether edits are refused; keyScope: where Ctrl+Z is
 * heard (the document for the page, the form's root when mounted in a portal).
 */
export function createFixes({ store, readOnly, keyScope }) {
  const text = h('p', { class: 'fix-notice-text' });
  const notes = h('ul', { class: 'fix-notice-notes', hidden: true });
  const undoButton = h('button', { type: 'button', class: 'button', id: 'fix-undo', onclick: () => undo() }, '撤销');
  const closeButton = h('button', { type: 'button', class: 'link-button fix-notice-close', 'aria-label': '关闭提示', onclick: () => hide() }, '×');
  const element = h('div', { class: 'fix-notice', id: 'fix-notice', role: 'status', hidden: true }, [
    h('div', { class: 'fix-notice-body' }, [text, notes]), undoButton, closeButton,
  ]);
  let steps = 0; // steps the session can take back
  let stepRevision = -1; // the store's revision right after the last fix or undo

  function show(message, lines, canUndo) {
    text.textContent = message;
    clear(notes);
    for (const line of lines || []) notes.appendChild(h('li', null, line));
    notes.hidden = !(lines && lines.length);
    undoButton.hidden = !canUndo;
    element.hidden = false;
  }

  function hide() { element.hidden = true; }

  function refused() {
    if (!readOnly()) return false;
    show('此页为只读，不能修正。', null, false);
    return true;
  }

  function stepDone(delta) {
    steps = Math.max(0, Math.min(100, steps + delta));
    stepRevision = store.revision;
  }

  /** Makes the fix with this ID; returns the AppliedFix, or null (the notice says why). */
  function apply(id) {
    if (refused()) return null;
    let applied;
    try {
      applied = store.edit('fix', (s) => s.applyFix(id), { changed: (a) => editedKeys(a.fix.edits) });
    } catch (e) {
      show(message(e), null, false);
      return null;
    }
    if (!applied) return null;
    stepDone(1);
    show('已修正：' + applied.fix.title + '。', null, true);
    return applied;
  }

  /** 「全部安全修正」: every safe fix in one step; returns those made (AppliedFix[]). */
  function applySafe() {
    if (refused()) return [];
    let applied;
    try {
      applied = store.edit('fix', (s) => s.applySafeFixes(), { changed: (list) => editedKeys([].concat(...list.map((a) => a.fix.edits))) });
    } catch (e) {
      show(message(e), null, false);
      return [];
    }
    if (!applied) return [];
    if (!applied.length) {
      show('没有可以安全修正的内容：其余问题需要您核实后自行修改。', null, false);
      return [];
    }
    stepDone(1);
    show('已完成 ' + applied.length + ' 处安全修正（不改变报告内容的修正）：', applied.map((a) => a.fix.title), true);
    return applied;
  }

  /** Takes back the last step; returns the keys of the cells and fields restored, or null. */
  function undo() {
    if (refused()) return null;
    if (steps === 0) {
      show('没有可以撤销的修正。', null, false);
      return null;
    }
    let edits;
    try {
      edits = store.edit('undo', (s) => s.undoFix(), { changed: (list) => editedKeys(list) });
    } catch (e) {
      stepDone(-1); // the session has dropped that step
      show(message(e), null, false);
      return null;
    }
    if (edits === null || edits === undefined) {
      steps = 0;
      show('没有可以撤销的修正。', null, false);
      return null;
    }
    stepDone(-1);
    show('已撤销修正，恢复为修正前的内容。', null, false);
    return editedKeys(edits);
  }

  function editable(el) {
    if (!el || !el.tagName) return false;
    if (el.isContentEditable) return true;
    if (el.tagName === 'TEXTAREA') return !el.readOnly;
    if (el.tagName !== 'INPUT') return false;
    return !el.readOnly && /^(text|search|tel|email|url|number|password|date|)$/.test(el.type || '');
  }

  function onKey(e) {
    const z = e.code === 'KeyZ' || e.key === 'z' || e.key === 'Z';
    if (!z || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.isComposing) return;
    if (steps === 0 || readOnly()) return;
    const target = e.composedPath ? e.composedPath()[0] : e.target;
    if (editable(target) && store.revision !== stepRevision) return; // the field's own undo
    e.preventDefault();
    undo();
  }

  keyScope.addEventListener('keydown', onKey);
  store.on('change', (event) => {
    if (event.kind !== 'replace') return;
    steps = 0; // a new session: nothing of the old one to undo
    hide();
  });

  return {
    element,
    apply,
    applySafe,
    undo,
    get canUndo() { return steps > 0; },
    destroy() { keyScope.removeEventListener('keydown', onKey); },
  };
}

function message(e) {
  return e && e.message ? e.message : String(e);
}
