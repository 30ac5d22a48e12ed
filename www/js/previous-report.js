// 「上一年度报告」 in the form: the clerk gives last year's report (any file the importer reads,
// read in the documents worker); the store hands it to the session, whose checks then include the
// cross-year rules Y001–Y003, and the draft keeper saves it with the draft (store.previous).
import { h, clear, append } from './dom.js';
import { readBytes } from './files.js';

/** ctx: {store, documents, notices, readOnly(), formats} → {element} */
export function createPreviousReport(ctx) {
  const { store, documents, notices } = ctx;
  const state = h('p', { class: 'previous-state', id: 'previous-state', 'aria-live': 'polite' });
  const note = h('p', { class: 'msg msg-warning previous-note', id: 'previous-note', hidden: true });
  const input = h('input', {
    type: 'file', id: 'previous-file', class: 'visually-hidden', accept: ctx.formats,
    onchange: () => {
      const file = input.files[0];
      input.value = '';
      if (file) choose(file);
    },
  });
  const chooseButton = h('label', { for: 'previous-file', class: 'button', id: 'previous-choose' }, '选择上一年度报告…');
  const removeButton = h('button', { type: 'button', class: 'button', id: 'previous-remove', hidden: true, onclick: remove }, '不再对比');
  const element = h('section', { class: 'section previous-report', id: 'previous-report', 'aria-labelledby': 'sec-previous' }, [
    h('h2', { id: 'sec-previous' }, '上一年度报告（选填）'),
    h('p', { class: 'hint' }, '选择本机关上一年度的年度报告文件（Word、文本或 JSON，与「导入报告文件」相同），页面会核对上年结转（Y001）、现行有效件数（Y002）和内容是否与上年雷同（Y003）。文件只在本机读取，随本草稿保存。'),
    state,
    note,
    h('p', { class: 'previous-actions' }, [input, chooseButton, ' ', removeButton]),
  ]);
  let busy = false;

  async function choose(file) {
    if (ctx.readOnly() || busy) return;
    busy = true;
    notices.alert(null);
    notices.say('正在读取上一年度报告「' + file.name + '」……');
    try {
      const bytes = await readBytes(file);
      const read = await documents.importFile(bytes, file.name);
      store.setPrevious({ file: file.name, json: read.json });
      const info = store.previousInfo();
      notices.say('已选择上一年度报告「' + file.name + '」' + (info ? '（' + describe(info) + '）' : '') + '，检查结果中已加入与上年的对比。');
    } catch (e) {
      notices.say('');
      if (!(e && e.cancelled)) notices.alert('未能读取上一年度报告「' + file.name + '」：' + (e && e.message ? e.message : e) + '。');
    } finally {
      busy = false;
    }
  }

  function remove() {
    if (ctx.readOnly() || !store.previous) return;
    const file = store.previous.file;
    store.setPrevious(null);
    notices.say('已不再与上一年度报告「' + file + '」对比。');
  }

  function describe(info) {
    return (info.agency || '未写明机关名称') + ' ' + (info.year ? info.year + ' 年' : '未写明年度') + '的报告';
  }

  let shown = '';
  function render() {
    const previous = store.previous;
    const info = previous ? store.previousInfo() : null;
    const sig = previous ? previous.file + '\u0001' + JSON.stringify(info) : '';
    if (sig === shown) return;
    shown = sig;
    clear(state);
    if (!previous) {
      append(state, '尚未选择。');
    } else {
      append(state, ['正在与「', h('strong', null, previous.file), '」对比', info ? '（' + describe(info) + '）' : '', '。']);
    }
    note.hidden = !(info && info.note);
    clear(note);
    if (info && info.note) append(note, [h('span', { class: 'icon icon-warning', 'aria-hidden': 'true' }, '?'), info.note]);
    removeButton.hidden = !previous;
  }

  // The note depends on this year's agency and year too: looked at after every change.
  store.on('change', render);

  return {
    element,
    setReadOnly(flag) {
      input.disabled = flag;
      chooseButton.classList.toggle('is-disabled', flag);
      removeButton.disabled = flag;
    },
  };
}
