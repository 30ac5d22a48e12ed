// The toolbar: import, 本机草稿, downloads, totals; the counts of findings and the save status.
import { h } from './dom.js';

/** actions: {importFile(file), drafts(), batch() (or null: no batch view), downloadJson(), exportDocument(kind), downloadCsv(), fillTotals(), showSummary()} */
export function createToolbar(actions, { formats }) {
  const button = (label, onclick, extra) => h('button', Object.assign({ type: 'button', class: 'button', onclick }, extra || {}), label);
  const fileInput = h('input', {
    type: 'file', id: 'import-file', class: 'visually-hidden', accept: formats,
    onchange: () => {
      const file = fileInput.files[0];
      fileInput.value = '';
      if (file) actions.importFile(file);
    },
  });
  const importButton = h('label', { for: 'import-file', class: 'button', id: 'import-button' }, '导入报告文件…');
  const draftsButton = button('本机草稿', () => actions.drafts(), { id: 'open-drafts' });
  const totalsButton = button('自动计算合计', () => actions.fillTotals(), { id: 'fill-totals' });
  const counts = h('a', { href: '#summary', class: 'toolbar-counts', id: 'toolbar-counts', onclick: (e) => { e.preventDefault(); actions.showSummary(); } });
  const saveStatus = h('span', { class: 'save-status', id: 'save-status' });
  const element = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': '报告操作' }, [
    h('div', { class: 'toolbar-group' }, [
      fileInput, importButton, draftsButton,
      actions.batch ? button('批量检查', () => actions.batch(), { id: 'open-batch' }) : null,
      button('下载报告（JSON）', () => actions.downloadJson(), { id: 'download-json' }),
      button('下载 Word', () => actions.exportDocument('docx'), { id: 'download-docx' }),
      button('下载网页（HTML）', () => actions.exportDocument('html'), { id: 'download-html' }),
      button('复制 HTML', () => actions.exportDocument('copy'), { id: 'copy-html' }),
      button('打印 / 另存为 PDF', () => actions.exportDocument('print'), { id: 'print' }),
      button('下载检查结果（CSV）', () => actions.downloadCsv(), { id: 'download-csv' }),
      totalsButton,
    ]),
    h('div', { class: 'toolbar-status' }, [counts, saveStatus]),
  ]);

  return {
    element,
    setReadOnly(flag) {
      importButton.classList.toggle('is-disabled', flag);
      fileInput.disabled = flag;
      totalsButton.disabled = flag;
    },
    setCounts(findings) {
      let errors = 0;
      let warnings = 0;
      for (const f of findings) {
        if (f.severity === 'error') errors += 1; else if (f.severity === 'warning') warnings += 1;
      }
      const text = errors + warnings === 0 ? '未发现问题' : errors + ' 个错误 · ' + warnings + ' 个警告';
      if (counts.textContent !== text) counts.textContent = text;
      counts.classList.toggle('has-errors', errors > 0);
    },
    setSaveStatus(text) { saveStatus.textContent = text; },
  };
}
