// 「导入报告文件」, drag-and-drop and pasting a selection of a portal page (its text/html) or of a
// PDF viewer (text): the file, the HTML or the text is read in the documents worker
// (documents.js), then the report goes through the one replacement path of the store, in the
// draft slot the draft keeper chooses (a report of another agency or year never replaces the
// current draft).
import { h } from './dom.js';
import { readBytes } from './files.js';

const NOTES_SHOWN = 20;
const PASTED_HTML = '粘贴的网页内容';
const PASTED_TEXT = '粘贴的文字';

function shortList(notes) {
  if (notes.length <= NOTES_SHOWN) return notes;
  return notes.slice(0, NOTES_SHOWN).concat(['……另有 ' + (notes.length - NOTES_SHOWN) + ' 条，详见检查结果']);
}

/** ctx: {store, documents, keeper, notices, readOnly(), parse(json) → Session, beforeReplace() → Promise} */
export function createImporter(ctx) {
  const { store, documents, keeper, notices } = ctx;
  let busy = false;

  async function importFile(file) {
    if (ctx.readOnly() || busy) return;
    notices.alert(null);
    let bytes;
    try {
      bytes = await readBytes(file);
    } catch (e) {
      notices.say('');
      notices.alert('未能读取文件「' + file.name + '」，请确认文件没有被其他程序占用后重试。');
      return;
    }
    return importWith(file.name, () => documents.importFile(bytes, file.name));
  }

  /** HTML pasted from a portal page (the clipboard's text/html): read by the HTML reader. */
  function importHtml(html) {
    if (ctx.readOnly() || busy) return Promise.resolve();
    notices.alert(null);
    return importWith(PASTED_HTML, () => documents.importHtml(html));
  }

  /** Text pasted from a PDF viewer or a text editor: read as a text file. */
  function importText(text) {
    if (ctx.readOnly() || busy) return Promise.resolve();
    notices.alert(null);
    return importWith(PASTED_TEXT, () => documents.importFile(new TextEncoder().encode(text), PASTED_TEXT + '.txt'));
  }

  /** name: what the notices call it; readIt() → Promise of {json, summary} from the worker. */
  async function importWith(name, readIt) {
    busy = true;
    const cancel = h('button', { type: 'button', class: 'button', id: 'import-cancel', onclick: () => documents.cancel() }, '取消导入');
    notices.say('正在读取「' + name + '」……（页面可以继续使用；文件较大时需要一些时间）', null, cancel);
    const file = { name };
    let read;
    let imported;
    try {
      read = await readIt();
      imported = ctx.parse(read.json);
    } catch (e) {
      busy = false;
      if (e && e.cancelled) {
        notices.say('已取消导入「' + file.name + '」，当前内容没有改变。');
      } else {
        notices.say('');
        notices.alert('未能导入「' + file.name + '」：' + (e && e.message ? e.message : e) + '。当前填写的内容没有改变。');
      }
      return;
    }
    busy = false;
    const identity = { name: imported.field('agency.name').trim(), year: imported.field('year') };
    const place = await keeper.placeIncoming(identity, { source: '导入的', action: '导入「' + file.name + '」' });
    if (!place) {
      imported.free();
      notices.say('已取消导入，当前内容没有改变。');
      return;
    }
    // The place-name table first (places.js), so that the first check of the report has it.
    if (ctx.beforeReplace) await ctx.beforeReplace();
    // Last year's report stays with the draft it was given to.
    store.replace(imported, { origin: 'import', touched: 'all', previous: place.newSlot ? null : store.previous });
    const summary = store.importSummary();
    const parts = ['已导入「' + file.name + '」。'];
    parts.push(read.summary ? read.summary.message : '');
    if (summary) {
      parts.push(summary.errors + summary.warnings === 0 ? '检查未发现问题。' : '检查发现 ' + summary.errors + ' 个错误、' + summary.warnings + ' 个警告，详见下方检查结果。');
    }
    if (place.newSlot && place.kept) parts.push('原来的草稿「' + (place.kept.name || '未填写机关名称') + '」仍保存在「本机草稿」中。');
    notices.say(parts.join(''), summary ? shortList(summary.notes) : null);
  }

  /**
   * A paste outside the form's fields (Ctrl+V on the page itself) imports what was copied: a
   * selection of a portal page by its text/html, else its text. In a field it pastes as usual.
   */
  function onPaste(e) {
    const path = e.composedPath ? e.composedPath() : [e.target];
    const target = path[0];
    if (target && target.closest && target.closest('input, textarea, select, [contenteditable], .dialog-overlay')) return;
    const data = e.clipboardData;
    if (!data) return;
    const html = data.getData('text/html');
    const text = data.getData('text/plain');
    if (!html.trim() && !text.trim()) return;
    e.preventDefault();
    if (html.trim()) importHtml(html); else importText(text);
  }

  return { importFile, importHtml, importText, onPaste, get busy() { return busy; } };
}
