// The page's messages to the clerk: a notice (what just happened), an alert (what failed) and
// banners (a state that lasts: read-only, crash, no storage, a second draft of the same report).
import { h, clear, append } from './dom.js';

export function createNotices() {
  const notice = h('div', { class: 'notice', id: 'notice', role: 'status' });
  const alertBox = h('div', { class: 'alert', id: 'alert', role: 'alert' });
  const banners = h('div', { class: 'banners' });

  function removeBanner(kind) {
    const old = banners.querySelector('[data-banner="' + kind + '"]');
    if (old) old.remove();
  }

  return {
    elements: [banners, alertBox, notice],
    /** What just happened; `notes` one line each; `action` an optional button. */
    say(text, notes, action) {
      clear(notice);
      append(notice, h('p', null, text));
      if (notes && notes.length) notice.appendChild(h('ul', null, notes.map((n) => h('li', null, n))));
      if (action) notice.appendChild(action);
    },
    alert(text) {
      clear(alertBox);
      if (text) append(alertBox, h('p', null, [h('span', { class: 'icon icon-error', 'aria-hidden': 'true' }, '!'), ' ', text]));
    },
    banner(kind, text, action) {
      removeBanner(kind);
      banners.appendChild(h('div', { class: 'banner banner-' + kind, 'data-banner': kind, role: kind === 'crash' ? 'alert' : 'status' }, [h('p', null, text), action || null]));
    },
    removeBanner,
  };
}
