// 「导入报告文件」 and drag-and-drop: the file is read in the documents worker (documents.js),
// then the report goes through the one replacement path of the store, in the draft slot the
// draft keeper chooses (a report of another agency or year never replaces the current draft).
import { h } from './dom.js';
import { readBytes } from './files.js';

const NOTES_SHOWN = 20;

function shortList(notes) {
  if (notes.length <= NOTES_SHOWN) return notes;
  return notes.slice(0, NOTES_SHOWN).concat(['……另有 ' + (notes.length - NOTES_SHOWN) + ' 条，详见检查结果']);
}

/** ctx: {store, documents, keeper, notices, readOnly(), parse(json) → Session} */
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
      notices.alert('未能读取文件「' + file.name + '」，请确认文件没有被其他程序占用后重试。');
      return;
    }
    busy = true;
    const cancel = h('button', { type: 'button', class: 'button', id: 'import-cancel', onclick: () => documents.cancel() }, '取消导入');
    notices.say('正在读取「' + file.name + '」……（页面可以继续使用；文件较大时需要一些时间）', null, cancel);
    let read;
    let imported;
    try {
      read = await documents.importFile(bytes, file.name);
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

  return { importFile, get busy() { return busy; } };
}
