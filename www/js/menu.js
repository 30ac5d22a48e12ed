// A disclosure menu (a button that opens a short list of buttons), e.g. 「下载」. Escape or a
// click elsewhere closes it; arrow keys move between the items; focus goes back to the button.
import { h } from './dom.js';

/** items: [{id, label, run()}]. Returns {element, close()}. */
export function createMenu({ id, label, items }) {
  const listId = id + '-menu';
  const toggle = h('button', {
    type: 'button', class: 'button menu-button', id: id + '-button', 'aria-expanded': 'false', 'aria-controls': listId,
  }, [label, h('span', { class: 'menu-caret', 'aria-hidden': 'true' }, '▾')]);
  const buttons = items.map((item) => h('button', {
    type: 'button', class: 'menu-item', id: item.id,
    onclick: () => { close(false); item.run(); },
  }, item.label));
  const list = h('div', { class: 'menu-list', id: listId, hidden: true }, buttons);
  const element = h('div', { class: 'menu' }, [toggle, list]);

  function open() {
    list.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', onOutside, true);
    buttons[0].focus();
  }

  function close(refocus) {
    if (list.hidden) return;
    list.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', onOutside, true);
    if (refocus) toggle.focus();
  }

  function onOutside(e) {
    if (!element.contains(e.target) && !(e.composedPath && e.composedPath().indexOf(element) >= 0)) close(false);
  }

  toggle.addEventListener('click', () => (list.hidden ? open() : close(true)));
  element.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    const at = buttons.indexOf(e.target);
    if (e.key === 'Escape') { e.preventDefault(); close(true); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); buttons[(at + 1) % buttons.length].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); buttons[(at - 1 + buttons.length) % buttons.length].focus(); }
  });
  element.addEventListener('focusout', (e) => {
    if (e.relatedTarget && !element.contains(e.relatedTarget)) close(false);
  });
  return { element, close: () => close(false) };
}
