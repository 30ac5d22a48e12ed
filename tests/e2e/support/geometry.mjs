// Whether an element is wholly on screen as a person sees it: inside the window, not clipped by a
// scrolling or clipping ancestor, not under the sticky toolbar or a table's stuck column headers.
// onScreen(page, selector, {partly}) → {problems: [...]}; `partly`: a control taller than the
// window (a long textarea) only needs its top edge in view.
export async function onScreen(page, selector, { partly = false } = {}) {
  return page.evaluate(({ selector, partly }) => {
    const problems = [];
    const el = selector ? document.querySelector(selector) : null;
    if (!el) return { problems: ['no element ' + selector] };
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') return { problems: ['not shown'] };
    const toolbar = document.querySelector('.toolbar');
    let covered = toolbar && getComputedStyle(toolbar).position === 'sticky' ? toolbar.getBoundingClientRect().bottom : 0;
    const table = el.closest('table');
    if (table && table.tHead && !table.tHead.contains(el)) {
      const head = table.tHead.getBoundingClientRect();
      if (head.top <= covered + 1 && head.bottom > covered) covered = head.bottom;
    }
    const bottom = partly ? Math.min(r.bottom, r.top + 24) : r.bottom;
    if (r.top < covered - 0.5) problems.push(`top ${Math.round(r.top)} under what covers the window down to ${Math.round(covered)}`);
    if (bottom > window.innerHeight + 0.5) problems.push(`bottom ${Math.round(bottom)} below the window (${window.innerHeight})`);
    if (r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5) problems.push(`sideways ${Math.round(r.left)}–${Math.round(r.right)} outside the window`);
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible' && s.clipPath === 'none') continue;
      const c = a.getBoundingClientRect();
      if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || bottom > c.bottom + 0.5) {
        problems.push(`clipped by ${a.tagName.toLowerCase()}.${a.className} (overflow ${s.overflowX}/${s.overflowY})`);
      }
    }
    return { problems };
  }, { selector, partly });
}
