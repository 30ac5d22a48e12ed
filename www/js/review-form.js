// The inline form of 「已核实」: a short reason for a warning the clerk checked and found right as
// written (a place name that belongs to the agency's region, a document count after a clean-up).
// A real <form> with a label, so that Enter submits and a screen reader names the field; the
// core checks the reason (not empty, at most 200 characters) and says, in Chinese, why it refuses.
import { h } from './dom.js';

const MAX_REASON = 200;

export function reviewInputId(fingerprint) {
  return 'review-reason-' + fingerprint;
}

/** {fingerprint, code, draft, error, onInput(value), onSubmit(reason), onCancel()} → a <form>. */
export function reviewForm({ fingerprint, code, draft, error, onInput, onSubmit, onCancel }) {
  const inputId = reviewInputId(fingerprint);
  const errorId = inputId + '-error';
  const input = h('input', {
    type: 'text', class: 'input review-input', id: inputId, maxlength: String(MAX_REASON),
    autocomplete: 'off', 'aria-describedby': error ? errorId : null, 'aria-invalid': error ? 'true' : null,
    oninput: () => onInput(input.value),
    onkeydown: (e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } },
  });
  input.value = draft || '';
  return h('form', {
    class: 'review-form', 'data-review-form': fingerprint, 'aria-label': '将 ' + code + ' 标记为已核实',
    onsubmit: (e) => { e.preventDefault(); onSubmit(input.value); },
  }, [
    h('label', { for: inputId, class: 'review-label' }, '核实理由（必填，简要说明为什么内容无误，例如「该地名属本机关辖区」）'),
    error ? h('p', { class: 'review-error', id: errorId }, error) : null,
    input,
    h('span', { class: 'review-buttons' }, [
      h('button', { type: 'submit', class: 'button button-small' }, '确认已核实'), ' ',
      h('button', { type: 'button', class: 'button button-small', onclick: () => onCancel() }, '取消'),
    ]),
  ]);
}
