// The full message of a table cell, shown while the cell has focus or the mouse is over it. It
// lives outside the tables' scroll areas (fixed to the viewport), below the cell or, near the
// bottom of the window, above it, and never under the sticky toolbar: it is never clipped. The
// cell keeps its badge meanwhile. The text is the cell's own message box (its accessible
// description), copied; the popover itself is not read out a second time.
import { h, clear } from './dom.js';

const GAP = 4;
const EDGE = 8;

/** host: where the popover goes (outside any scroll or containment box); stickyTop() → px. */
export function createCellPopover({ host, messageBox, stickyTop }) {
  const box = h('div', { class: 'cell-popover', id: 'cell-popover', 'aria-hidden': 'true', hidden: true });
  host.appendChild(box);
  let focused = null; // the input that has focus
  let hovered = null; // the input under the mouse
  let current = null;
  let frame = 0;

  /** The cell under the mouse when it has something to say; else the focused cell. */
  function target() {
    const box = hovered && messageBox(hovered);
    return box && box.firstChild ? hovered : focused;
  }

  function update() {
    const input = target();
    const source = input ? messageBox(input) : null;
    if (!source || !source.firstChild) {
      box.hidden = true;
      current = null;
      return;
    }
    if (current !== input || box.getAttribute('data-sig') !== source.textContent) {
      clear(box);
      for (const line of source.children) box.appendChild(line.cloneNode(true));
      box.setAttribute('data-sig', source.textContent);
      box.setAttribute('data-for', input.getAttribute('data-cell'));
      current = input;
    }
    box.hidden = false;
    place(input.closest('td') || input);
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
    focus(input) { focused = input; update(); },
    blur(input) { if (focused === input) focused = null; update(); },
    hover(input) { if (hovered !== input) { hovered = input; update(); } },
    /** The messages changed (a new check): show what the cell says now. */
    refresh() { if (target()) update(); },
    destroy() {
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      box.remove();
    },
  };
}
