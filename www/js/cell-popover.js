// The full message of a table cell, shown while the cell has focus or the mouse is over it. It
// lives outside the tables' scroll areas (fixed to the viewport), below the cell or, near the
// bottom of the window, above it, and never under the sticky toolbar: it is never clipped. The
// cell keeps its badge meanwhile. The text is the cell's own message box (its accessible
// description), copied; that text is not read out a second time.
//
// The fixes of the cell (the box's .msg-actions, issue 15) are copied as buttons the clerk can
// reach: Tab from the cell goes to them, Tab from the last one on to the next cell, Shift+Tab or
// Escape back to the cell; the mouse can move onto them (the popover then stays: a hover that
// leaves the cell waits a moment, WCAG 1.4.13). Only the buttons take clicks: the text lets them
// through to the cells below, as before. Their clicks are handled by delegation (data-fix).
import { h, clear } from './dom.js';

const GAP = 4;
const EDGE = 8;
const HOVER_GRACE_MS = 300;

/**
 * host: where the popover goes (outside any scroll or containment box); stickyTop() → px;
 * next(input) → the control Tab leads to after the cell's fixes.
 */
export function createCellPopover({ host, messageBox, stickyTop, next }) {
  const text = h('div', { class: 'cell-popover-text', 'aria-hidden': 'true' });
  const actions = h('div', { class: 'cell-popover-actions', role: 'group', 'aria-label': '本格的修正', hidden: true });
  const box = h('div', { class: 'cell-popover', id: 'cell-popover', hidden: true }, [text, actions]);
  host.appendChild(box);
  let focused = null; // the input that has focus (kept while focus is on the popover's buttons)
  let hovered = null; // the input under the mouse
  let current = null;
  let frame = 0;
  let pointerInside = false;
  let hoverTimer = 0;

  /** The cell under the mouse when it has something to say; else the focused cell. */
  function target() {
    const box = hovered && messageBox(hovered);
    return box && box.firstChild ? hovered : focused;
  }

  function update() {
    const input = target();
    const source = input ? messageBox(input) : null;
    if (!source || !source.firstChild) {
      if (box.contains(activeElement())) return; // a button keeps its popover until focus leaves
      box.hidden = true;
      current = null;
      return;
    }
    if (current !== input || box.getAttribute('data-sig') !== source.textContent) {
      const hadFocus = box.contains(activeElement());
      clear(text);
      clear(actions);
      for (const line of source.children) {
        if (line.classList.contains('msg-actions')) {
          for (const button of line.children) actions.appendChild(button.cloneNode(true));
        } else {
          text.appendChild(line.cloneNode(true));
        }
      }
      actions.hidden = !actions.firstChild;
      box.classList.toggle('has-actions', !actions.hidden);
      box.setAttribute('data-sig', source.textContent);
      box.setAttribute('data-for', input.getAttribute('data-cell'));
      current = input;
      if (hadFocus) input.focus();
    }
    box.hidden = false;
    place(input.closest('td') || input);
  }

  function activeElement() {
    const root = box.getRootNode();
    return root.activeElement || null;
  }

  function buttons() { return Array.prototype.slice.call(actions.querySelectorAll('button')); }

  box.addEventListener('keydown', (e) => {
    const list = buttons();
    const at = list.indexOf(e.target);
    if (at < 0 || !current) return;
    if (e.key === 'Escape' || (e.key === 'Tab' && e.shiftKey && at === 0)) {
      e.preventDefault();
      current.focus();
    } else if (e.key === 'Tab' && !e.shiftKey && at === list.length - 1) {
      e.preventDefault();
      (next(current) || current).focus();
    }
  });
  box.addEventListener('focusout', (e) => {
    const to = e.relatedTarget;
    if (to && (box.contains(to) || to === focused)) return;
    focused = null;
    update();
  });
  // Only the buttons take the mouse (the text lets clicks through to the cells below it).
  actions.addEventListener('mouseenter', () => { pointerInside = true; clearTimeout(hoverTimer); });
  actions.addEventListener('mouseleave', () => { pointerInside = false; setHover(null); });

  /** A hover moving away from a popover with buttons waits, so that the mouse can reach them. */
  function setHover(input) {
    clearTimeout(hoverTimer);
    if (input === hovered) return;
    const hasButtons = !box.hidden && !actions.hidden;
    if (!hasButtons) { hovered = input; update(); return; }
    hoverTimer = setTimeout(() => {
      if (pointerInside) return;
      hovered = input;
      update();
    }, HOVER_GRACE_MS);
  }

  function place(anchor) {
    const cell = anchor.getBoundingClientRect();
    const width = Math.min(box.offsetWidth, window.innerWidth - 2 * EDGE);
    const height = box.offsetHeight;
    const top = Math.max(stickyTop(), 0);
    const below = window.innerHeight - cell.bottom - GAP - EDGE;
    const above = cell.top - GAP - top;
    let y;
    if (height <= below) y = cell.bottom + GAP;
    else if (height <= above) y = cell.top - GAP - height;
    else y = below >= above ? cell.bottom + GAP : Math.max(top, cell.top - GAP - height);
    let x = cell.left;
    if (x + width > window.innerWidth - EDGE) x = Math.max(EDGE, cell.right - width);
    x = Math.max(EDGE, Math.min(x, window.innerWidth - EDGE - width));
    box.style.left = Math.round(x) + 'px';
    box.style.top = Math.round(y) + 'px';
  }

  function schedule() {
    if (frame || box.hidden) return;
    frame = requestAnimationFrame(() => { frame = 0; if (!box.hidden) update(); });
  }

  window.addEventListener('scroll', schedule, { passive: true, capture: true });
  window.addEventListener('resize', schedule, { passive: true });

  return {
    element: box,
    /** A cell got focus: its message wins over a hover still pending (the click was on it). */
    focus(input) {
      clearTimeout(hoverTimer);
      hovered = null;
      focused = input;
      update();
    },
    /** The cell lost focus (to `to`): the popover stays when focus went to its buttons. */
    blur(input, to) {
      if (to && box.contains(to)) return;
      if (focused === input) focused = null;
      update();
    },
    hover: setHover,
    /** The cell whose message is shown, or null. */
    get anchor() { return box.hidden ? null : current; },
    /** Moves focus to the first fix of the cell shown for `input`; false when it has none. */
    focusActions(input) {
      if (box.hidden || current !== input || actions.hidden) return false;
      const first = buttons()[0];
      if (!first) return false;
      first.focus();
      return true;
    },
    /** The messages changed (a new check): show what the cell says now. */
    refresh() { if (target()) update(); },
    destroy() {
      clearTimeout(hoverTimer);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      box.remove();
    },
  };
}
