// What stays in view while the clerk scrolls: the toolbar (sticky at the top), the column headers
// of tables 三 and 四 under it, and the row labels when a table is wider than the window. A
// focused control never ends up under them (Shift+Tab backwards, a jump from the summary).
//
// A table scrolls sideways only when it does not fit (the wrapper's overflow would otherwise make
// it the headers' scroll container, and they would no longer stick under the toolbar).

const MARGIN = 8;

/** toolbar: the sticky toolbar; area: the views under it (the tables and inputs; not the toolbar). */
export function keepInView({ toolbar, area }) {
  const doc = area.ownerDocument;
  const win = doc.defaultView;
  let frame = 0;

  function stickyTop() {
    const rect = toolbar.getBoundingClientRect();
    return getComputedStyle(toolbar).position === 'sticky' ? Math.max(0, rect.bottom) : 0;
  }

  function layout() {
    frame = 0;
    const top = Math.round(toolbar.offsetHeight);
    area.style.setProperty('--sticky-top', top + 'px');
    for (const wrap of area.querySelectorAll('.table-wrap')) {
      const table = wrap.firstElementChild;
      wrap.classList.remove('is-scrolling');
      const scrolls = table.offsetWidth > wrap.clientWidth + 1;
      wrap.classList.toggle('is-scrolling', scrolls);
      // Each header row sticks just below the rows above it.
      const head = table.tHead;
      if (!head) continue;
      let offset = 0;
      for (const row of head.rows) {
        for (const cell of row.cells) {
          if (cell.getAttribute('data-row-top') !== String(offset)) {
            cell.setAttribute('data-row-top', String(offset));
            cell.style.top = 'calc(var(--sticky-top, 0px) + ' + offset + 'px)';
          }
        }
        offset += row.offsetHeight;
      }
    }
  }

  function schedule() {
    if (!frame) frame = win.requestAnimationFrame(layout);
  }

  /** The bottom edge of what covers the top of the window above `el`: toolbar, stuck headers. */
  function coveredTo(el) {
    let covered = stickyTop();
    const table = el.closest('table');
    const head = table && table.tHead;
    const wrap = table && table.parentElement;
    if (head && !head.contains(el) && wrap && !wrap.classList.contains('is-scrolling')) {
      const rect = head.getBoundingClientRect();
      if (rect.top <= covered + 1 && rect.bottom > covered) covered = rect.bottom;
    }
    return covered;
  }

  function reveal(el) {
    if (!el || !el.isConnected || !el.getBoundingClientRect || el === doc.body) return;
    const rect = el.getBoundingClientRect();
    const top = coveredTo(el);
    if (rect.top < top + MARGIN) win.scrollBy(0, rect.top - top - MARGIN);
    else if (rect.bottom > win.innerHeight - MARGIN && rect.height < win.innerHeight - top) win.scrollBy(0, rect.bottom - win.innerHeight + MARGIN);
  }

  const onFocus = (e) => {
    const el = e.target;
    if (!el || !el.matches || !el.matches('input, textarea, select, button, a, [tabindex]') || el.closest('.dialog-overlay, .cell-popover')) return;
    // After the browser's own scrolling into view.
    win.requestAnimationFrame(() => reveal(el));
  };
  area.addEventListener('focusin', onFocus);
  win.addEventListener('resize', schedule);
  let observer = null;
  if (typeof win.ResizeObserver === 'function') {
    observer = new win.ResizeObserver(schedule);
    observer.observe(toolbar);
    observer.observe(area);
  }
  schedule();

  return {
    stickyTop,
    reveal,
    refresh: schedule,
    destroy() {
      area.removeEventListener('focusin', onFocus);
      win.removeEventListener('resize', schedule);
      if (observer) observer.disconnect();
    },
  };
}
