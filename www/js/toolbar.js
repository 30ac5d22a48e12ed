// The toolbar, one slim row: 导入, the 下载 menu, 打印, 自动计算合计, 本机草稿; the counts of
// findings, what is left to fill in, and the save status.
import { h } from './dom.js';
import { createMenu } from './menu.js';

/**
 * actions: {importFile(file), drafts(), batch() (or null: no batch view), downloadJson(),
 *           exportDocument(kind), downloadCsv(), fillTotals(), showSummary()}
 */
export function createToolbar(actions, { formats }) {
  const button = (label, onclick, extra) => h('button', Object.assign({ type: 'button', class: 'button', onclick }, extra || {}), label);
  const fileInput = h('input', {
    type: 'file', id: 'import-file', accept: formats, hidden: true,
    onchange: () => {
      const file = fileInput.files[0];
      fileInput.value = '';
      if (file) actions.importFile(file);
    },
  });
  // A real button that opens the hidden file input: focus lands on it, and its focus ring shows.
  const importButton = button('导入报告文件…', () => fileInput.click(), { id: 'import-button' });
  const downloads = createMenu({
    id: 'download',
    label: '下载',
    items: [
      { id: 'download-docx', label: 'Word 文档（.docx）', run: () => actions.exportDocument('docx') },
      { id: 'download-html', label: '网页（.html）', run: () => actions.exportDocument('html') },
      { id: 'copy-html', label: '复制 HTML（贴到网站编辑器）', run: () => actions.exportDocument('copy') },
      { id: 'download-json', label: '报告数据（.json，可再导入）', run: () => actions.downloadJson() },
      { id: 'download-csv', label: '检查结果（.csv）', run: () => actions.downloadCsv() },
    ],
  });
  const printButton = button('打印', () => actions.exportDocument('print'), { id: 'print', title: '打印，或在打印对话框中另存为 PDF' });
  const totalsButton = button('自动计算合计', () => actions.fillTotals(), { id: 'fill-totals' });
  const draftsButton = button('本机草稿', () => actions.drafts(), { id: 'open-drafts' });
  const counts = h('a', { href: '#summary', class: 'toolbar-counts', id: 'toolbar-counts', onclick: (e) => { e.preventDefault(); actions.showSummary(); } });
  const saveStatus = h('span', { class: 'save-status', id: 'save-status', role: 'status' });
  const element = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': '报告操作' }, [
    h('div', { class: 'toolbar-group' }, [
      fileInput, importButton, downloads.element, printButton, totalsButton, draftsButton,
      actions.batch ? button('批量检查', () => actions.batch(), { id: 'open-batch' }) : null,
    ]),
    h('div', { class: 'toolbar-status' }, [counts, saveStatus]),
  ]);

  return {
    element,
    /** Opens the file chooser of 「导入报告文件」 (the intro's link does the same). */
    chooseFile() { if (!fileInput.disabled) fileInput.click(); },
    setReadOnly(flag) {
      importButton.disabled = flag;
      fileInput.disabled = flag;
      totalsButton.disabled = flag;
    },
    /** counts: {errors, warnings, unfilled} as the form view presents them (progress.js). */
    setCounts({ errors, warnings, unfilled }) {
      const parts = [];
      if (errors + warnings === 0) parts.push(unfilled ? '暂未发现问题' : '未发现问题');
      else parts.push(errors + ' 个错误 · ' + warnings + ' 个警告');
      if (unfilled) parts.push('尚有 ' + unfilled + ' 格未填');
      const text = parts.join(' · ');
      if (counts.textContent !== text) counts.textContent = text;
      counts.classList.toggle('has-errors', errors > 0);
    },
    setSaveStatus(text) { saveStatus.textContent = text; },
  };
}
