// Everything the page gives out: the JSON and the findings CSV (from the page's module), Word,
// the HTML page and fragment and the print view (from the documents module, in its worker).
// Downloads go through the host's onDownload first (embedding API).
import { h, clear, append } from './dom.js';
import { download as saveFile } from './files.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Today as the JSON document writes a date (`2025-01-15`), in the clerk's time zone. */
export function today() {
  const d = new Date();
  const two = (n) => (n < 10 ? '0' : '') + n;
  return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
}

/** The report as the documents module gets it: with the day of the export as its 成文日期 when none was set. */
function dated(json) {
  const doc = JSON.parse(json);
  if (doc.date) return json;
  doc.date = today();
  return JSON.stringify(doc);
}

/**
 * The nodes of an HTML fragment written by the core's exporter (export::html, which escapes every
 * piece of user text). Parsed in an inert document: nothing in it runs or loads.
 */
function fragmentNodes(html) {
  const parsed = new DOMParser().parseFromString('<!DOCTYPE html><html><body>' + html + '</body></html>', 'text/html');
  return Array.prototype.map.call(parsed.body.childNodes, (node) => document.importNode(node, true));
}

/** Writes text to the clipboard; resolves false when the browser does not allow it. */
function copyText(text) {
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return Promise.resolve(false);
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}

/** ctx: {store, documents, notices, ask, onDownload, root (gets .has-print-view), showSummary(), finalize(), saveNow()} */
export function createExporter(ctx) {
  const { store, documents, notices } = ctx;
  const copyBox = h('div', { class: 'copy-box', id: 'copy-box', hidden: true });
  // What @media print shows instead of the form: the export's HTML, filled before printing.
  const printView = h('div', { class: 'print-view', id: 'print-view', 'aria-hidden': 'true' });
  let printedRevision = -1;

  function download(fileName, content, type) {
    if (typeof ctx.onDownload === 'function') {
      const file = typeof content === 'string' ? { fileName, type, text: content } : { fileName, type, bytes: content };
      let handled = false;
      try { handled = ctx.onDownload(file) === false; } catch (e) { console.error(e); }
      if (handled) return;
    }
    saveFile(fileName, content, type);
  }

  function downloadJson() {
    store.checkNow();
    ctx.saveNow();
    const json = store.toJson();
    if (typeof json === 'string') download(store.fileStem() + '.json', json, 'application/json');
  }

  function downloadCsv() {
    store.checkNow();
    const csv = store.findingsCsv();
    if (typeof csv === 'string') download(store.fileStem() + '_检查结果.csv', csv, 'text/csv;charset=utf-8');
  }

  function confirmDespiteErrors(kind, errors) {
    const what = { docx: '下载 Word', html: '下载网页', copy: '复制 HTML', print: '打印' }[kind];
    return ctx.ask({
      title: '报告中还有 ' + errors + ' 个错误',
      body: [
        h('p', null, '检查发现 ' + errors + ' 个错误（例如合计与分项不符）。带着错误发布的报告可能被退回。'),
        h('p', null, '建议先查看并改正这些问题；也可以仍然' + what + '，或下载问题清单交给同事核对。'),
      ],
      buttons: [
        { label: '查看问题', value: 'look', primary: true },
        { label: '仍然' + what, value: 'go' },
        { label: '下载问题清单（CSV）', value: 'csv' },
      ],
      cancelValue: 'look',
    }).then((choice) => {
      if (choice === 'csv') downloadCsv();
      if (choice === 'look') ctx.showSummary();
      return choice === 'go';
    });
  }

  /** Renders the export's HTML (every piece of user text escaped by the core) into the print view. */
  function fillPrintView(fragment, revision) {
    let nodes;
    try { nodes = fragmentNodes(fragment); } catch (e) { return; }
    clear(printView);
    append(printView, nodes);
    printedRevision = revision;
    ctx.root.classList.add('has-print-view');
  }

  async function copyHtml(fragment) {
    copyBox.hidden = true;
    clear(copyBox);
    if (await copyText(fragment)) {
      notices.say('已复制报告的 HTML。请在网站内容管理系统的编辑器中切换到“源代码”或“HTML”模式后粘贴。');
      return;
    }
    const area = h('textarea', { class: 'copy-area', id: 'copy-area', readonly: true, rows: '8', 'aria-label': '报告的 HTML' });
    area.value = fragment;
    append(copyBox, [
      h('p', null, '浏览器不允许本页直接写入剪贴板。下面的 HTML 已全部选中，请按 Ctrl+C 复制，然后粘贴到网站编辑器的“源代码”模式中。'),
      area,
      h('button', { type: 'button', class: 'button', onclick: () => { copyBox.hidden = true; clear(copyBox); } }, '关闭'),
    ]);
    copyBox.hidden = false;
    area.focus();
    area.select();
    notices.say('请按 Ctrl+C 复制选中的 HTML。');
  }

  /** kind: 'docx' | 'html' | 'copy' | 'print'. Asks first when the report has errors. */
  async function exportDocument(kind) {
    store.checkNow();
    ctx.finalize();
    ctx.saveNow();
    const json = store.toJson();
    const findings = store.check();
    if (typeof json !== 'string') return;
    const errors = findings.filter((f) => f.severity === 'error' && f.reviewed === null).length;
    if (errors > 0 && !(await confirmDespiteErrors(kind, errors))) return;
    notices.alert(null);
    const revision = store.revision;
    const withDate = dated(json);
    try {
      if (kind === 'docx') {
        const [name, bytes] = await Promise.all([documents.docxFileName(withDate), documents.toDocx(withDate)]);
        download(name, bytes, DOCX_TYPE);
      } else if (kind === 'html') {
        download(store.fileStem() + '.html', await documents.htmlPage(withDate), 'text/html;charset=utf-8');
      } else if (kind === 'copy') {
        await copyHtml(await documents.htmlFragment(withDate));
      } else {
        fillPrintView(await documents.htmlFragment(withDate), revision);
        window.print();
      }
    } catch (e) {
      notices.alert('未能生成文件：' + (e && e.message ? e.message : e) + '。填写的内容没有改变。');
    }
  }

  // Ctrl+P prints the report view when it shows the report as it is; else the form itself.
  const beforePrint = () => { if (printedRevision !== store.revision) ctx.root.classList.remove('has-print-view'); };
  window.addEventListener('beforeprint', beforePrint);

  return {
    copyBox,
    printView,
    downloadJson,
    downloadCsv,
    exportDocument,
    download,
    destroy() { window.removeEventListener('beforeprint', beforePrint); },
  };
}
