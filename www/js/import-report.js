// 「导入的文件」: what the importer learnt about the file the report came from (report.source):
// the edition of its tables, labels recognised although edited, content it could not place. It
// stays with the report (the notice above the form is gone after the next action), and the
// findings that concern the file as a whole (S003, S004, I001) link here.
import { h, clear } from './dom.js';

const LISTED = 20;

function noteText(note) {
  const where = note.location ? note.location + '：' : '';
  const taken = note.expected ? '（按「' + note.expected + '」读取）' : '';
  return where + '「' + note.found + '」' + taken;
}

function list(title, notes) {
  if (!notes || !notes.length) return null;
  const items = notes.slice(0, LISTED).map((n) => h('li', null, noteText(n)));
  if (notes.length > LISTED) items.push(h('li', null, '……另有 ' + (notes.length - LISTED) + ' 条'));
  return [h('h3', null, title), h('ul', null, items)];
}

export function createImportReport() {
  const element = h('section', { class: 'section import-report', id: 'import-report', tabindex: '-1', 'aria-labelledby': 'import-report-title', hidden: true });

  return {
    element,
    /** source: report.source of the JSON document, or null. */
    show(source) {
      clear(element);
      const edited = source && source.edited_labels;
      const unplaced = source && source.unplaced;
      const old = source && source.tables === '2019';
      element.hidden = !(old || (edited && edited.length) || (unplaced && unplaced.length));
      if (element.hidden) return;
      element.appendChild(h('h2', { id: 'import-report-title' }, '导入的文件'));
      if (old) element.appendChild(h('p', null, '文件中的统计表格是 2019 年旧版格式（国办公开办函〔2019〕60号），已按 2021 年格式的对应项读取；请按新版表格核对。'));
      element.appendChild(h('div', null, list('标签与格式不同、已按格式读取的', edited)));
      element.appendChild(h('div', null, list('无法对应到报告中的内容（请手工填入相应位置）', unplaced)));
    },
  };
}
