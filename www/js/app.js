// The page put together: the report store (store.js) in the middle; the form view and 本机草稿
// as views of a router under the toolbar; the draft keeper, the importer, the exporter and the
// host (onChange, the iframe parent) as listeners of the store. Nothing here replaces the report
// except through store.replace.
import { h, clear } from './dom.js';
import { ask as askDialog } from './dialog.js';
import { createReportStore } from './store.js';
import { createDraftStore, V1_DRAFT_KEY } from './drafts.js';
import { createTabLock } from './tab-lock.js';
import { createDraftKeeper } from './draft-keeper.js';
import { createNotices } from './notices.js';
import { createRouter } from './router.js';
import { createToolbar } from './toolbar.js';
import { createFormView } from './form-view.js';
import { createDraftsView } from './drafts-view.js';
import { createImporter } from './importer.js';
import { createPreviousReport } from './previous-report.js';
import { createExporter } from './exporter.js';
import { fillTotals } from './totals.js';
import { wireDrop } from './files.js';
import { keepInView } from './sticky.js';
import { createPlaces } from './places.js';
import { createFixes } from './fixes.js';

// What 「导入报告文件」 offers: every format the documents module reads (told by content, not by
// the extension).
const IMPORT_FORMATS = '.docx,.doc,.wps,.pdf,.html,.htm,.shtml,.txt,.json,application/json,application/pdf,text/html';

/**
 * Starts the page (index.html) on an initialised WebAssembly module. `platform.documents` is the
 * documents module's client (documents.js), `platform.batch()` loads the 批量检查 view's code
 * ({createBatchView, client()}, see platform.js) when the view is first shown; only the page
 * opened directly has that view; `platform.placeNames()` fetches the place-name table of T004
 * (places.js). Inside an iframe, `frame` is frame.js (loaded only then): the page first reads the
 * deployment setting of allowed parent origins (embed/config.json); without it a framed page
 * keeps no draft and talks to no parent.
 */
export function startPage(wasm, platform, frame) {
  const container = document.getElementById('app');
  const { documents, placeNames } = platform;
  if (window.parent === window) {
    return mount(wasm, container, { page: true, documents, placeNames, batch: platform.batch, namespace: 'page', v1Key: V1_DRAFT_KEY });
  }
  if (!frame) return mount(wasm, container, { page: true, documents, placeNames, namespace: null });
  return frame.frameSetting(window.location.href).then((trust) => {
    // Drafts apart from the page opened directly, and per portal where the browser names it.
    const namespace = !trust.trusted ? null : trust.parent ? 'frame/' + trust.parent : 'frame';
    const app = mount(wasm, container, { page: true, documents, placeNames, namespace, frame: trust });
    for (const problem of trust.problems) app.notices.banner('config', '嵌入设置有误：' + problem);
    frame.connectFrame(app, trust);
    return app;
  });
}

/** Tells the page's boot box why the page could not start. */
export function bootFailed(e) {
  const detail = e && e.message ? e.message : String(e);
  window.xxgkBootFailure('页面启动失败', [
    '填报页面未能启动。请刷新页面重试；如果仍然失败，请换用新版浏览器打开。',
    '您之前填写的内容保存在本机，不会因此丢失。',
    '技术信息：' + detail,
  ]);
}

/**
 * Renders the form into `container` (inside a shadow root, see xxgk-report.js) and returns the app.
 * env: {report, locked: {path: value}, readOnly, onChange, onDownload, documents, placeNames,
 *       draftKey (null: no drafts)}.
 */
export function mountApp(wasm, container, env) {
  const key = env.draftKey;
  return mount(wasm, container, Object.assign({}, env, {
    page: false,
    namespace: key === null ? null : 'embed/' + key,
    v1Key: key === null ? null : V1_DRAFT_KEY + '/' + key,
  }));
}

function mount(wasm, root, env) {
  const scope = root.getRootNode();
  const severityLabels = {};
  for (const s of wasm.severities()) severityLabels[s.key] = s.label;
  const cellCatalog = wasm.cellCatalog();
  const blank = new wasm.Session();
  const binding = {
    layouts: wasm.layouts(), levels: wasm.levels(), textFields: wasm.textFields(), reportFields: wasm.reportFields(),
    cellCatalog, severityLabels, officialHeadings: blank.headings(),
  };
  blank.free();
  const store = createReportStore(wasm, { locked: env.locked || {} });
  const notices = createNotices();
  const places = createPlaces({
    wasm, store,
    fetchText: env.placeNames || (() => Promise.reject(new Error('地名表不可用'))),
    onFailure: (why) => notices.banner('places', '正文中外地地名的检查（T004）暂不可用：' + why + '。其他检查不受影响；请刷新页面重试。'),
  });
  const ask = (options) => askDialog(Object.assign({ host: env.page ? document.body : root }, options));
  const parse = (json) => wasm.Session.fromDraft(json);
  const describe = (json) => {
    const s = parse(json);
    try { return { name: s.field('agency.name').trim(), year: s.field('year'), filled: s.filledCells() }; } finally { s.free(); }
  };

  let readOnly = false;
  let readOnlyWhy = '';
  const readOnlyState = { get: () => readOnly, set: (flag, why) => setReadOnly(flag, why) };
  const keepsDrafts = env.namespace !== null && env.namespace !== undefined;
  const drafts = createDraftStore({ namespace: keepsDrafts ? env.namespace : 'none', enabled: keepsDrafts, v1Key: env.v1Key || null, describe });
  const lock = createTabLock({
    namespace: keepsDrafts ? env.namespace : 'none', enabled: keepsDrafts,
    onLost: () => setReadOnly(true, '本报告已在另一个标签页中继续编辑，为避免互相覆盖，此页已改为只读。'),
  });

  let toolbar = null;
  let formView = null;
  const keeper = createDraftKeeper({
    store, drafts, lock, ask, notices,
    touched: () => formView.touchedKeys(),
    readOnly: readOnlyState,
    onStatus: (text) => toolbar.setSaveStatus(text),
  });
  const exporter = createExporter({
    store, documents: env.documents, notices, ask, root,
    onDownload: env.onDownload,
    showSummary: () => showSummary(),
    finalize: () => formView.finalize(),
    saveNow: () => keeper.saveNow(),
  });
  const importer = createImporter({ store, documents: env.documents, keeper, notices, parse, readOnly: () => readOnly, beforeReplace: () => places.ensure() });

  toolbar = createToolbar({
    importFile: (file) => importer.importFile(file),
    drafts: () => router.show('drafts'),
    batch: env.batch ? () => router.show('batch') : null,
    downloadJson: exporter.downloadJson,
    exportDocument: exporter.exportDocument,
    downloadCsv: exporter.downloadCsv,
    fillTotals: () => fillTotals({ store, formView, notices, ask, readOnly: () => readOnly, cellLabels: new Map(cellCatalog.map((c) => [c.id, c.label])) }),
    showSummary: () => showSummary(),
  }, { formats: IMPORT_FORMATS });

  const intro = h('div', null, [
    h('p', { class: 'intro' }, ['逐项填写下面的报告，页面会随时检查；也可以先',
      h('button', { type: 'button', class: 'link-button', onclick: () => toolbar.chooseFile() }, '导入已有的报告文件'),
      '（Word 或 WPS 保存的 .docx/.doc、PDF、保存的网页 .html、文本 .txt、本页下载的 JSON；也可以把文件直接拖到本页，或在门户网站上选中整篇报告、复制后在本页空白处按 Ctrl+V）。表格中可用方向键和回车键移动，可直接粘贴从 Excel 或 WPS 复制的多行数据。']),
    exporter.copyBox,
  ]);
  const fixes = createFixes({ store, readOnly: () => readOnly, keyScope: env.page ? document : root });
  const previousReport = createPreviousReport({ store, documents: env.documents, notices, readOnly: () => readOnly, formats: IMPORT_FORMATS });
  formView = createFormView({
    binding, store, scope, notices, intro,
    readOnly: () => readOnly,
    readOnlyReason: () => readOnlyWhy || '本页当前不能编辑。',
    onCounts: (counts) => toolbar.setCounts(counts),
    afterAgency: previousReport.element,
    fixes,
  });
  const views = h('div', { class: 'views' });
  const router = createRouter(views);
  router.add(formView);
  const draftsView = createDraftsView({ drafts, keeper, readOnly: () => readOnly, back: () => router.show('form') });
  router.add(draftsView);
  const batchView = env.batch ? lazyBatchView() : null;
  if (batchView) router.add(batchView);

  const dropText = h('p', null, '松开鼠标即可导入报告文件');
  const dropHint = h('div', { class: 'drop-hint', hidden: true }, dropText);
  router.onChange((name) => {
    dropText.textContent = name === 'batch' ? '松开鼠标即可批量检查这些文件' : '松开鼠标即可导入报告文件';
    if (name === 'batch') notices.removeBanner('batch');
  });
  const sticky = keepInView({ toolbar: toolbar.element, area: views });
  formView.useSticky(sticky);
  const footer = h('footer', { class: 'footer' }, '本页面在浏览器内运行，不联网，不上传任何数据。草稿保存在本机浏览器中，换电脑或清理浏览器数据后将不再存在，请及时下载 JSON 备份。');
  for (const el of [toolbar.element, ...notices.elements, views, fixes.element, footer, dropHint, exporter.printView]) root.appendChild(el);

  function showSummary() {
    if (router.current !== 'form') router.show('form', { focus: false });
    formView.showSummary();
  }

  /** The 批量检查 view, whose code is loaded the first time it is shown (it is not needed at start). */
  function lazyBatchView() {
    const heading = h('h2', { tabindex: '-1' }, '批量检查');
    const status = h('p', { role: 'status' }, '正在加载批量检查……');
    const element = h('div', { class: 'view-shell' }, h('section', { class: 'section' }, [heading, status]));
    let loading = null;
    let view = null;
    const load = () => {
      if (!loading) {
        loading = env.batch().then((code) => {
          view = code.createBatchView({
            client: code.client,
            isReportFileName: (name) => wasm.isReportFileName(name),
            documents: env.documents,
            notices,
            download: exporter.download,
            openReport: openFromBatch,
            back: () => router.show('form'),
            importFormats: IMPORT_FORMATS,
          });
          clear(element);
          element.appendChild(view.element);
          if (router.current === 'batch') view.focusTarget().focus();
          return view;
        }, (e) => {
          loading = null;
          status.textContent = '未能加载批量检查（' + (e && e.message ? e.message : e) + '），请刷新页面后重试。';
          throw e;
        });
      }
      return loading;
    };
    return {
      name: 'batch',
      element,
      onShow: () => { load().catch(() => {}); },
      focusTarget: () => (view ? view.focusTarget() : heading),
      /** A drop while the view is shown: the folders are taken from the event at once, even while the code loads. */
      drop(transfer) {
        if (view) { view.drop(transfer); return; }
        const taken = Array.prototype.map.call(transfer.items || [], (i) => (i.kind === 'file' && i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
        const files = Array.prototype.slice.call(transfer.files);
        load().then((v) => v.drop({ files, items: null, entries: taken }), () => {});
      },
    };
  }

  /**
   * A report of the batch view (a file, or the roll-up) in the form: through the one replacement
   * path, in the draft slot the keeper chooses (asking before it replaces what was typed), with
   * last year's report when the batch paired it; a banner leads back to the list.
   */
  async function openFromBatch(json, { file, previous }) {
    if (readOnly) {
      notices.alert('本页当前为只读（报告正在另一个标签页中编辑），不能在此打开「' + file + '」。');
      return;
    }
    const session = wasm.Session.fromDraft(json);
    const place = await keeper.placeIncoming({ name: session.field('agency.name').trim(), year: session.field('year') },
      { source: '批量检查中的', action: '打开「' + file + '」' });
    if (!place) {
      session.free();
      return;
    }
    store.replace(session, { origin: 'batch', touched: 'all', previous });
    router.show('form', { focus: false });
    notices.say('');
    const kept = place.newSlot && place.kept ? '原来的草稿「' + (place.kept.name || '未填写机关名称') + '」仍保存在「本机草稿」中。' : '';
    notices.banner('batch', '正在查看批量检查中的「' + file + '」（已存为本机草稿，修改会自动保存）。' + kept,
      h('button', { type: 'button', class: 'button', id: 'batch-return', onclick: () => router.show('batch') }, '返回批量检查'));
    formView.showSummary();
  }

  function setReadOnly(flag, why) {
    readOnly = flag;
    readOnlyWhy = flag ? why || '' : '';
    formView.setReadOnly(flag);
    previousReport.setReadOnly(flag);
    toolbar.setReadOnly(flag);
    root.classList.toggle('is-read-only', flag);
    if (flag && why) {
      notices.banner('readonly', why, h('button', { type: 'button', class: 'button', onclick: () => keeper.takeOver() }, '在此标签页编辑'));
    } else {
      notices.removeBanner('readonly');
    }
  }

  // The host hears of every change: the embedding API's onChange with the whole report.
  store.on('change', (event) => {
    if (event.kind === 'replace' && event.origin !== 'batch' && event.origin !== 'recovery') notices.removeBanner('batch');
    if (typeof env.onChange === 'function') {
      try { env.onChange(store.report(), event.findings); } catch (e) { console.error(e); }
    }
  });
  store.on('crash', ({ message }) => {
    notices.banner('crash', '检查程序出现了内部错误，已自动恢复，您填写的内容都还在。如果问题反复出现，请先下载 JSON 备份，再把下面的技术信息告诉技术支持人员。技术信息：' + message);
  });

  // A drop on the batch view is a batch; anywhere else it imports one report into the form.
  const pasteArea = env.page ? document : root;
  const onPaste = (e) => { if (!readOnly && router.current === 'form') importer.onPaste(e); };
  pasteArea.addEventListener('paste', onPaste);
  wireDrop(dropHint, (transfer) => {
    if (batchView && router.current === 'batch') batchView.drop(transfer);
    else if (transfer.files.length) importer.importFile(transfer.files[0]);
  }, () => readOnly && router.current !== 'batch', env.page ? document : root);
  const flush = () => keeper.saveNow();
  const onHidden = () => { if (document.visibilityState === 'hidden') flush(); };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);

  if (env.frame && !env.frame.trusted) {
    notices.banner('frame', '本页嵌入在未经授权的网站（' + env.frame.parent + '）中：不会读取或保存本机草稿，也不会与该网站交换任何数据。请直接打开本页填写。');
  } else if (!drafts.available && keepsDrafts) {
    notices.banner('storage', '此浏览器不允许本页在本机保存草稿（例如隐私模式，或本页被嵌入其他网站）。关闭页面前，请点击「下载报告（JSON）」保存您的工作。');
  }
  router.show('form', { focus: false });
  if (env.report !== undefined && env.report !== null) {
    keeper.startWith(wasm.Session.fromJson(typeof env.report === 'string' ? env.report : JSON.stringify(env.report)));
  } else if (keepsDrafts) {
    keeper.start();
  } else {
    store.replace(null, { origin: 'blank' });
  }
  if (env.readOnly) setReadOnly(true, null);
  formView.setReadOnly(readOnly);
  if (env.page) {
    document.getElementById('boot').hidden = true;
    window.XXGK_STARTED = true;
  }
  root.hidden = false;
  (env.page ? document.body : root).setAttribute('data-ready', 'true');

  /** Replaces the report for the host (mount API setReport): throws a Chinese message if it is not a report. */
  function setReport(report) {
    const session = wasm.Session.fromJson(typeof report === 'string' ? report : JSON.stringify(report));
    const place = keeper.placeWithoutAsking({ name: session.field('agency.name').trim(), year: session.field('year') });
    store.replace(session, { origin: 'host', touched: 'all', previous: place.newSlot ? null : store.previous });
  }

  /** A report sent by the iframe's parent: refused when read-only, asks before replacing a report. */
  async function loadFromParent(report) {
    if (readOnly) throw new Error('本页当前为只读，没有载入门户网站传来的报告');
    const session = wasm.Session.fromJson(typeof report === 'string' ? report : JSON.stringify(report));
    const place = await keeper.placeIncoming({ name: session.field('agency.name').trim(), year: session.field('year') },
      { source: '门户网站传来的', action: '载入门户网站传来的报告' });
    if (!place) {
      session.free();
      throw new Error('填报人选择保留当前内容，没有载入门户网站传来的报告');
    }
    store.replace(session, { origin: 'parent', touched: 'all', previous: place.newSlot ? null : store.previous });
    notices.say('已载入门户网站传来的报告。');
  }

  return {
    store,
    notices,
    keeper,
    router,
    report: () => store.report(),
    findings: () => store.findings,
    setReport,
    loadFromParent,
    setReadOnly: (flag) => setReadOnly(flag, null),
    isReadOnly: () => readOnly,
    saveNow: () => keeper.saveNow(),
    applyFix: (id) => fixes.apply(id),
    applySafeFixes: () => fixes.applySafe(),
    undoFix: () => fixes.undo(),
    canUndo: () => fixes.canUndo,
    markReviewed: (fingerprint, reason) => {
      if (readOnly) throw new Error('本页当前为只读，不能标记已核实');
      store.edit('review', (s) => s.markReviewed(fingerprint, reason));
    },
    destroy() {
      fixes.destroy();
      keeper.close();
      exporter.destroy();
      sticky.destroy();
      pasteArea.removeEventListener('paste', onPaste);
      formView.destroy();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    },
  };
}
