// A small modal dialog (the <dialog> element is missing in Firefox ESR 78).
import { h, append } from './dom.js';

let counter = 0;

/**
 * Shows a modal dialog and resolves with the value of the button chosen
 * (`cancelValue` on Escape).
 * buttons: [{label, value, primary}]
 */
export function ask({ title, body, buttons, cancelValue, host }) {
  return new Promise((resolve) => {
    const parent = host || document.body;
    // Inside a shadow root, document.activeElement is the shadow host: ask the root instead.
    const scope = parent.getRootNode();
    const previous = scope.activeElement;
    const id = 'dialog-title-' + (++counter);
    const buttonRow = h('div', { class: 'dialog-buttons' });
    const box = h('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': id }, [
      h('h2', { id, class: 'dialog-title' }, title),
      h('div', { class: 'dialog-body' }, body),
      buttonRow,
    ]);
    const overlay = h('div', { class: 'dialog-overlay' }, box);
    const close = (value) => {
      overlay.remove();
      document.removeEventListener('keydown', onKey, true);
      if (previous && previous.focus && previous.isConnected) previous.focus();
      resolve(value);
    };
    const buttonEls = buttons.map((b) =>
      h('button', { type: 'button', class: b.primary ? 'button button-primary' : 'button', onclick: () => close(b.value) }, b.label));
    append(buttonRow, buttonEls);
    function onKey(e) {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(cancelValue);
      } else if (e.key === 'Tab') {
        const focusables = buttonEls;
        const first = focusables[0];
        const last = focusables[focusables.length - 1];
        if (e.shiftKey && scope.activeElement === first) { e.preventDefault(); last.focus(); }
        else if (!e.shiftKey && scope.activeElement === last) { e.preventDefault(); first.focus(); }
        else if (!box.contains(scope.activeElement)) { e.preventDefault(); first.focus(); }
      }
    }
    document.addEventListener('keydown', onKey, true);
    parent.appendChild(overlay);
    (buttonEls.find((b) => b.classList.contains('button-primary')) || buttonEls[0]).focus();
  });
}
