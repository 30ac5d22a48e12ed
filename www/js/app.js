// The page: wires the form to a WebAssembly Session, keeps the draft, imports and exports.
import { h, clear, append } from './dom.js';
import { renderForm, domId, messageId } from './form.js';
import { createFindingsView, selectSpan } from './findings.js';
import { wireGrid } from './grid.js';
import { createDrafts } from './drafts.js';
import { download, readBytes, wireDrop } from './files.js';
import { fragmentNodes, copyText } from './documents.js';
import { ask } from './dialog.js';
import { connectFrame } from './frame.js';

const SAVE_DELAY_MS = 250;

/**
 * Starts the page (index.html) on an initialised WebAssembly module; `documents()` resolves with
 * the initialised documents module (Word/HTML), loaded on first use.
 */
export function startPage(wasm, documents) {
  const app = new App(wasm, { container: document.getElementById('app'), page: true, documents });
  app.run();
  if (window.parent !== window) connectFrame(app);
  return app;
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
 * Renders the form into `container` (inside a shadow root, see xxgk-report.js) and returns the App.
 * env: {report, locked: {path: value}, readOnly, onChange, onDownload, draftKey (null: no drafts)}.
 */
export function mountApp(wasm, container, env) {
  const app = new App(wasm, Object.assign({}, env, { container, page: false }));
  app.run();
  return app;
}

class App {
  constructor(wasm, env) {
    this.wasm = wasm;
    this.env = env;
    // The documents module (import of files, Word/HTML export): env.documents() loads it on first use.
    this.loadDocuments = env.documents;
    this.documentsModule = null;
    this.scope = env.container.getRootNode();
    this.locked = env.locked || {};
    this.session = new wasm.Session();
    this.readOnly = false;
    this.lastGoodJson = null;
    this.saveTimer = 0;
    this.cellLabels = new Map(wasm.cellCatalog().map((c) => [c.id, c.label]));
    this.officialHeadings = this.session.headings();
  }

  run() {
    this.buildPage();
    this.drafts = createDrafts({
      enabled: this.env.draftKey !== null,
      namespace: this.env.draftKey,
      onLockLost: () => this.setReadOnly(true, '本报告已在另一个标签页中继续编辑，为避免互相覆盖，此页已改为只读。'),
      onDraftChanged: (draft) => this.showDraft(draft),
    });
    this.wireEvents();
    if (this.env.page) document.getElementById('boot').hidden = true;
    this.root.hidden = false;
    if (this.env.page) window.XXGK_STARTED = true;

    if (!this.drafts.available && this.env.draftKey !== null) {
      this.banner('storage', '此浏览器不允许本页在本机保存草稿（例如隐私模式，或本页被嵌入其他网站）。关闭页面前，请点击「下载报告（JSON）」保存您的工作。');
    }
    if (this.env.report !== undefined && this.env.report !== null) {
      this.drafts.acquire();
      this.loadJson(this.env.report);
    } else if (this.drafts.available && this.drafts.busyElsewhere()) {
      this.showDraft(this.drafts.load());
      this.setReadOnly(true, '本报告已在另一个标签页中打开。为避免两个标签页互相覆盖草稿，同一时间只能在一个标签页中编辑。');
      this.ask({
        title: '本报告已在另一个标签页中打开',
        body: [h('p', null, '同一时间只能在一个标签页中编辑，否则两边的草稿会互相覆盖。'),
          h('p', null, '您可以在此只读查看，或者在此继续编辑（另一个标签页将改为只读）。')],
        buttons: [
          { label: '只读查看', value: 'read', primary: true },
          { label: '在此标签页编辑', value: 'take' },
        ],
        cancelValue: 'read',
      }).then((choice) => { if (choice === 'take') this.takeOver(); });
    } else {
      this.drafts.acquire();
      this.restoreDraft();
    }
    if (this.env.readOnly) this.setReadOnly(true, null);
    for (const path of Object.keys(this.locked)) {
      const control = this.registry.fields.get(path);
      if (control && control.tagName === 'SELECT') control.disabled = true; else if (control) control.readOnly = true;
    }
    (this.env.page ? document.body : this.root).setAttribute('data-ready', 'true');
  }

  /** The page's dialog, shown inside the form's own root (a shadow root when embedded). */
  ask(options) {
    return ask(Object.assign({ host: this.env.page ? document.body : this.root }, options));
  }

  // ---- page structure --------------------------------------------------------------------

  buildPage() {
    const root = this.env.container;
    this.root = root;
    const button = (label, onclick, extra) => h('button', Object.assign({ type: 'button', class: 'button', onclick }, extra || {}), label);
    this.fileInput = h('input', {
      type: 'file', id: 'import-file', class: 'visually-hidden', accept: '.json,.docx,.txt,application/json',
      onchange: () => {
        const file = this.fileInput.files[0];
        this.fileInput.value = '';
        if (file) this.importFile(file);
      },
    });
    this.importButton = h('label', { for: 'import-file', class: 'button', id: 'import-button' }, '导入报告文件…');
    this.totalsButton = button('自动计算合计', () => this.fillTotals(), { id: 'fill-totals' });
    this.clearButton = button('清除本机草稿', () => this.clearDraft(), { id: 'clear-draft', class: 'button button-warning' });
    this.counts = h('a', { href: '#summary', class: 'toolbar-counts', id: 'toolbar-counts', onclick: (e) => { e.preventDefault(); this.summary.focus(); this.summary.scrollIntoView({ block: 'start' }); } });
    this.saveStatus = h('span', { class: 'save-status', id: 'save-status' });
    const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': '报告操作' }, [
      h('div', { class: 'toolbar-group' }, [
        this.fileInput, this.importButton,
        button('下载报告（JSON）', () => this.downloadJson(), { id: 'download-json' }),
        button('下载 Word', () => this.exportDocument('docx'), { id: 'download-docx' }),
        button('下载网页（HTML）', () => this.exportDocument('html'), { id: 'download-html' }),
        button('复制 HTML', () => this.exportDocument('copy'), { id: 'copy-html' }),
        button('打印 / 另存为 PDF', () => this.exportDocument('print'), { id: 'print' }),
        button('下载检查结果（CSV）', () => this.downloadCsv(), { id: 'download-csv' }),
        this.totalsButton,
        this.clearButton,
      ]),
      h('div', { class: 'toolbar-status' }, [this.counts, this.saveStatus]),
    ]);
    this.banners = h('div', { class: 'banners' });
    this.alertBox = h('div', { class: 'alert', id: 'alert', role: 'alert' });
    this.notice = h('div', { class: 'notice', id: 'notice', role: 'status' });
    this.summary = h('div', { class: 'summary', id: 'summary', tabindex: '-1', 'aria-labelledby': 'summary-title' });
    this.live = h('div', { class: 'visually-hidden', id: 'findings-live', role: 'status', 'aria-live': 'polite' });
    const form = this.form = h('form', { class: 'report-form', id: 'report-form', novalidate: true, onsubmit: (e) => e.preventDefault() });
    this.headingsBlock = h('section', { class: 'section headings-block', id: 'headings', tabindex: '-1', 'aria-labelledby': 'headings-title', hidden: true });
    this.dropHint = h('div', { class: 'drop-hint', hidden: true }, h('p', null, '松开鼠标即可导入报告文件'));
    // What @media print shows instead of the form: the export's HTML, filled before printing.
    this.printView = h('div', { class: 'print-view', id: 'print-view', 'aria-hidden': 'true' });
    this.copyBox = h('div', { class: 'copy-box', id: 'copy-box', hidden: true });
    append(root, [
      toolbar,
      h('p', { class: 'intro' }, ['逐项填写下面的报告，页面会随时检查；也可以先', h('label', { for: 'import-file', class: 'link-label' }, '导入已有的报告文件'), '（Word 或 WPS 保存的 .docx、从 Word 复制出的文本 .txt、本页下载的 JSON；也可以把文件直接拖到本页）。表格中可用方向键和回车键移动，可直接粘贴从 Excel 或 WPS 复制的多行数据。']),
      this.banners, this.alertBox, this.notice, this.copyBox, this.summary, this.live, form, this.headingsBlock,
      h('footer', { class: 'footer' }, '本页面在浏览器内运行，不联网，不上传任何数据。草稿保存在本机浏览器中，换电脑或清理浏览器数据后将不再存在，请及时下载 JSON 备份。'),
      this.dropHint,
      this.printView,
    ]);

    this.registry = renderForm(form, {
      layouts: this.wasm.layouts(),
      levels: this.wasm.levels(),
      textFields: this.wasm.textFields(),
    });
    this.headingsList = h('ol', { class: 'headings-list', tabindex: '-1', id: domId('f', 'headings') });
    this.registry.fields.set('headings', this.headingsList);
    this.view = createFindingsView({
      registry: this.registry,
      summary: this.summary,
      live: this.live,
      onJump: (f) => this.jumpTo(f),
      scope: this.scope,
    });
    this.view.touch('headings');
  }

  wireEvents() {
    const form = this.form;
    form.addEventListener('input', (e) => this.onInput(e.target));
    form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT') this.onInput(e.target); });
    form.addEventListener('focusout', (e) => this.onLeave(e.target));
    wireGrid(this.registry, {
      fill: (entries) => this.fillCells(entries),
      notify: (text) => this.say(text),
      isReadOnly: () => this.readOnly,
    });
    wireDrop(this.dropHint, (file) => this.importFile(file), () => this.readOnly, this.env.page ? document : this.env.container);
    const flush = () => this.saveNow();
    // Ctrl+P: print the report view when the documents module is at hand, else the form.
    window.addEventListener('beforeprint', () => { if (this.documentsModule) this.fillPrintView(this.documentsModule); });
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  }

  // ---- editing ---------------------------------------------------------------------------

  onInput(target) {
    if (this.readOnly) return;
    const cell = target.getAttribute('data-cell');
    const field = target.getAttribute('data-field');
    if (cell) {
      this.call(() => this.session.setCell(cell, target.value));
    } else if (field) {
      this.setField(field, target.value);
    } else {
      return;
    }
    this.afterEdit();
  }

  setField(field, value) {
    let problem = null;
    try {
      this.call(() => this.session.setField(field, value));
    } catch (e) {
      problem = e && e.message ? e.message : String(e);
    }
    if (field === 'year') this.showYearProblem(problem);
  }

  showYearProblem(problem) {
    const wrap = this.registry.fieldWraps.get('year');
    let box = wrap.querySelector('.field-problem');
    if (!problem) { if (box) box.remove(); return; }
    if (!box) {
      box = h('p', { class: 'msg msg-error field-problem', id: 'year-problem' });
      wrap.insertBefore(box, this.registry.fields.get('year'));
    }
    clear(box);
    append(box, [h('span', { class: 'icon icon-error', 'aria-hidden': 'true' }, '!'), h('span', { class: 'msg-severity' }, '错误'), problem]);
  }

  onLeave(target) {
    const cell = target.getAttribute('data-cell');
    const key = cell || target.getAttribute('data-field');
    if (!key) return;
    if (cell && !this.readOnly) {
      const text = this.call(() => this.session.cellText(cell));
      if (typeof text === 'string' && text !== target.value) target.value = text;
    }
    if (!this.view.touched.has(key)) {
      this.view.touch(key);
      this.refresh();
    }
  }

  fillCells(entries) {
    if (this.readOnly) return;
    for (const [input, text] of entries) {
      const id = input.getAttribute('data-cell');
      const shown = this.call(() => this.session.setCell(id, text));
      input.value = typeof shown === 'string' ? shown : text;
      this.view.touch(id);
    }
    this.afterEdit();
  }

  afterEdit() {
    const findings = this.refresh();
    this.scheduleSave();
    this.emitChange(findings);
  }

  refresh() {
    const findings = this.call(() => this.session.check());
    if (!Array.isArray(findings)) return undefined;
    this.renderHeadings();
    this.view.render(findings);
    this.updateCounts(findings);
    return findings;
  }

  /** Tells the host (embedding API, iframe parent) about the report after a change. */
  emitChange(findings) {
    const listeners = [this.env.onChange, this.onFrameChange].filter((f) => typeof f === 'function');
    if (!listeners.length || !Array.isArray(findings)) return;
    const json = this.call(() => this.session.toJson());
    if (typeof json !== 'string') return;
    for (const listener of listeners) {
      try { listener(JSON.parse(json), findings); } catch (e) { console.error(e); }
    }
  }

  /** Replaces the report with `report` (a JSON text or object); throws a Chinese message if it is not a report. */
  loadJson(report) {
    const json = typeof report === 'string' ? report : JSON.stringify(report);
    this.replaceSession(this.wasm.Session.fromJson(json));
    this.view.reset();
    this.view.touch('headings');
    this.view.touchAll(this.registry.cells.keys());
    this.view.touchAll(this.registry.fields.keys());
    this.fillForm();
    this.emitChange(this.refresh());
    this.saveNow();
  }

  /** The report as a plain object. */
  report() {
    return JSON.parse(this.session.toJson());
  }

  updateCounts(findings) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const text = errors + warnings === 0 ? '未发现问题' : errors + ' 个错误 · ' + warnings + ' 个警告';
    if (this.counts.textContent !== text) this.counts.textContent = text;
    this.counts.classList.toggle('has-errors', errors > 0);
  }

  renderHeadings() {
    const headings = this.call(() => this.session.headings());
    const official = this.officialHeadings;
    const standard = Array.isArray(headings) && headings.length === official.length
      && headings.every((x, i) => x === official[i]);
    const show = Array.isArray(headings) && !standard;
    this.headingsBlock.hidden = !show;
    const sig = show ? headings.join('\n') : '';
    if (this.headingsBlock.getAttribute('data-sig') === sig) return;
    this.headingsBlock.setAttribute('data-sig', sig);
    clear(this.headingsBlock);
    clear(this.headingsList);
    this.view.forget('headings');
    if (!show) return;
    for (const heading of headings) this.headingsList.appendChild(h('li', null, heading));
    append(this.headingsBlock, [
      h('h2', { id: 'headings-title' }, '各部分标题'),
      h('p', { class: 'hint' }, '导入的报告使用了以下标题。下载时会原样保留；如需改为格式规定的标题，请点击下面的按钮。'),
      h('div', { class: 'field-msg', id: messageId('headings') }),
      this.headingsList,
      h('button', { type: 'button', class: 'button', onclick: () => { this.call(() => this.session.useOfficialHeadings()); this.afterEdit(); } }, '改为格式规定的六个标题'),
    ]);
  }

  jumpTo(f) {
    const key = f.span !== null && f.field !== null ? f.field
      : f.cells.length ? f.cells[0] : f.field && f.field.startsWith('headings') ? 'headings' : f.field;
    const target = key && (this.registry.cells.get(key) || this.registry.fields.get(key));
    if (!target) return;
    if (!this.view.touched.has(key)) { this.view.touch(key); this.refresh(); }
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    if (f.span !== null && target.tagName === 'TEXTAREA') selectSpan(target, f.span);
  }

  // ---- crash recovery --------------------------------------------------------------------

  /** Runs a call into WebAssembly; after a Rust panic, rebuilds the session and carries on. */
  call(fn) {
    try {
      return fn();
    } catch (e) {
      const panic = this.takePanic(e);
      if (panic === null) throw e;
      this.recover(panic);
      return undefined;
    }
  }

  takePanic(error) {
    let message = null;
    try { message = this.wasm.lastPanic(); } catch (e) { message = null; }
    if (message !== null && message !== undefined) return message;
    if (error instanceof WebAssembly.RuntimeError) return String(error.message || error);
    return null;
  }

  recover(panic) {
    // The old session may be half-way through an edit: leave it, and rebuild from the last
    // saved JSON plus everything the form shows now (which is what the user typed).
    let session;
    try {
      session = this.lastGoodJson ? this.wasm.Session.fromDraft(this.lastGoodJson) : new this.wasm.Session();
    } catch (e) {
      session = new this.wasm.Session();
    }
    this.session = session;
    for (const [path, control] of this.registry.fields) {
      if (path === 'headings') continue;
      try { session.setField(path, control.value); } catch (e) { /* kept in the form */ }
    }
    for (const [id, input] of this.registry.cells) {
      try { session.setCell(id, input.value); } catch (e) { /* kept in the form */ }
    }
    this.banner('crash', '检查程序出现了内部错误，已自动恢复，您填写的内容都还在。如果问题反复出现，请先下载 JSON 备份，再把下面的技术信息告诉技术支持人员。技术信息：' + panic);
    setTimeout(() => { this.refresh(); this.saveNow(); }, 0);
  }

  // ---- drafts ----------------------------------------------------------------------------

  restoreDraft() {
    const draft = this.drafts.load();
    if (!draft || typeof draft.json !== 'string') {
      this.fillForm();
      this.refresh();
      return;
    }
    try {
      this.replaceSession(this.wasm.Session.fromDraft(draft.json));
      this.lastGoodJson = draft.json;
      this.view.touchAll(Array.isArray(draft.touched) ? draft.touched : []);
      this.fillForm();
      this.refresh();
      this.say('已恢复本机保存的草稿' + (draft.savedAt ? '（保存于 ' + timeText(draft.savedAt) + '）' : '') + '。');
    } catch (e) {
      this.fillForm();
      this.refresh();
      this.showAlert('本机保存的草稿无法读取，已打开空白报告。原因：' + (e && e.message ? e.message : e));
    }
  }

  /** Shows a draft saved by another tab (read-only view). */
  showDraft(draft) {
    if (!draft || typeof draft.json !== 'string') return;
    try {
      this.replaceSession(this.wasm.Session.fromDraft(draft.json));
      this.view.touchAll(Array.isArray(draft.touched) ? draft.touched : []);
      this.fillForm();
      this.refresh();
    } catch (e) { /* keep what is shown */ }
  }

  takeOver() {
    this.drafts.acquire();
    this.showDraft(this.drafts.load());
    this.setReadOnly(false);
    this.say('现在可以在此标签页编辑。');
  }

  scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  saveNow() {
    clearTimeout(this.saveTimer);
    if (this.readOnly) return;
    const json = this.call(() => this.session.toJson());
    if (typeof json !== 'string') return;
    this.lastGoodJson = json;
    if (!this.drafts.available) return;
    if (this.drafts.save(json, Array.from(this.view.touched))) {
      this.saveStatus.textContent = '草稿已保存在本机（' + timeText(Date.now()) + '）';
    } else {
      this.saveStatus.textContent = '草稿未能保存，请下载 JSON 备份';
    }
  }

  async clearDraft() {
    if (this.readOnly) return;
    const ok = await this.ask({
      title: '清除本机草稿？',
      body: [h('p', null, '这会清空本页填写的全部内容，并删除本机保存的草稿，无法恢复。'), h('p', null, '如需保留，请先点击「取消」，再下载 JSON 备份。')],
      buttons: [{ label: '清除草稿', value: true, primary: true }, { label: '取消', value: false }],
      cancelValue: false,
    });
    if (!ok) return;
    this.drafts.clear();
    this.replaceSession(new this.wasm.Session());
    this.view.reset();
    this.view.touch('headings');
    this.lastGoodJson = null;
    this.fillForm();
    this.refresh();
    this.saveNow();
    this.say('已清除本机草稿。');
  }

  replaceSession(session) {
    const old = this.session;
    this.session = session;
    try { old.free(); } catch (e) { /* a session broken by a crash is left to the GC */ }
  }

  fillForm() {
    for (const path of Object.keys(this.locked)) {
      this.call(() => this.session.setField(path, this.locked[path]));
    }
    for (const [id, input] of this.registry.cells) {
      const text = this.call(() => this.session.cellText(id));
      input.value = typeof text === 'string' ? text : '';
    }
    for (const [path, control] of this.registry.fields) {
      if (path === 'headings') continue;
      const value = this.call(() => this.session.field(path));
      control.value = typeof value === 'string' ? value : '';
    }
    this.showYearProblem(null);
  }

  setReadOnly(readOnly, why) {
    this.readOnly = readOnly;
    for (const input of this.registry.cells.values()) input.readOnly = readOnly;
    for (const [path, control] of this.registry.fields) {
      if (path === 'headings') continue;
      const fixed = readOnly || Object.prototype.hasOwnProperty.call(this.locked, path);
      if (control.tagName === 'SELECT') control.disabled = fixed; else control.readOnly = fixed;
    }
    this.importButton.classList.toggle('is-disabled', readOnly);
    this.fileInput.disabled = readOnly;
    this.totalsButton.disabled = readOnly;
    this.clearButton.disabled = readOnly;
    this.root.classList.toggle('is-read-only', readOnly);
    if (readOnly && why) {
      this.banner('readonly', why, h('button', { type: 'button', class: 'button', onclick: () => this.takeOver() }, '在此标签页编辑'));
    } else {
      this.removeBanner('readonly');
    }
  }

  // ---- files -----------------------------------------------------------------------------

  async importFile(file) {
    if (this.readOnly) return;
    this.showAlert(null);
    let bytes;
    try {
      bytes = await readBytes(file);
    } catch (e) {
      this.showAlert('未能读取文件「' + file.name + '」，请确认文件没有被其他程序占用后重试。');
      return;
    }
    let imported;
    let found = null;
    try {
      const docs = await this.documents();
      const read = docs.importFile(bytes, file.name);
      found = read.summary;
      imported = this.call(() => this.wasm.Session.fromDraft(read.json));
    } catch (e) {
      this.showAlert('未能导入「' + file.name + '」：' + (e && e.message ? e.message : e) + '。当前填写的内容没有改变。');
      return;
    }
    if (!imported) return;
    if (!this.session.isBlank()) {
      const ok = await this.ask({
        title: '用导入的报告替换当前内容？',
        body: [h('p', null, '本页已经填写了内容。导入「' + file.name + '」会替换全部现有内容。'), h('p', null, '如需保留现有内容，请先点击「取消」并下载 JSON 备份。')],
        buttons: [{ label: '替换为导入的报告', value: true, primary: true }, { label: '取消', value: false }],
        cancelValue: false,
      });
      if (!ok) {
        imported.free();
        this.say('已取消导入，当前内容没有改变。');
        return;
      }
    }
    this.replaceSession(imported);
    this.view.reset();
    this.view.touch('headings');
    this.view.touchAll(this.registry.cells.keys());
    this.view.touchAll(this.registry.fields.keys());
    this.fillForm();
    this.refresh();
    this.saveNow();
    const summary = this.call(() => this.session.importSummary());
    if (summary) {
      const parts = ['已导入「' + file.name + '」。'];
      parts.push(found ? found.message : '填写了 ' + summary.filled + ' 个单元格。');
      parts.push(summary.errors + summary.warnings === 0 ? '检查未发现问题。' : '检查发现 ' + summary.errors + ' 个错误、' + summary.warnings + ' 个警告，详见下方检查结果。');
      this.say(parts.join(''), summary.notes);
    }
  }

  downloadJson() {
    this.saveNow();
    const json = this.call(() => this.session.toJson());
    const stem = this.call(() => this.session.fileStem());
    if (typeof json === 'string') this.download(stem + '.json', json, 'application/json');
  }

  downloadCsv() {
    const csv = this.call(() => this.session.findingsCsv());
    const stem = this.call(() => this.session.fileStem());
    if (typeof csv === 'string') this.download(stem + '_检查结果.csv', csv, 'text/csv;charset=utf-8');
  }

  /** Saves a file, unless the host's onDownload returns false (it then handles the file itself). */
  download(fileName, content, type) {
    if (typeof this.env.onDownload === 'function') {
      const file = typeof content === 'string' ? { fileName, type, text: content } : { fileName, type, bytes: content };
      let handled = false;
      try { handled = this.env.onDownload(file) === false; } catch (e) { console.error(e); }
      if (handled) return;
    }
    download(fileName, content, type);
  }

  // ---- Word, HTML and print ------------------------------------------------------------------

  /** The documents module, loaded on first use. */
  documents() {
    if (this.documentsModule) return Promise.resolve(this.documentsModule);
    return this.loadDocuments().then((docs) => { this.documentsModule = docs; return docs; }, (e) => {
      throw new Error('未能加载文档处理模块（' + (e && e.message ? e.message : e) + '），请刷新页面后重试');
    });
  }

  /** kind: 'docx' | 'html' | 'copy' | 'print'. Asks first when the report has errors. */
  async exportDocument(kind) {
    this.saveNow();
    const json = this.call(() => this.session.toJson());
    const findings = this.call(() => this.session.check());
    if (typeof json !== 'string' || !Array.isArray(findings)) return;
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (errors > 0 && !(await this.confirmDespiteErrors(kind, errors))) return;
    this.showAlert(null);
    let docs;
    try {
      docs = await this.documents();
      if (kind === 'docx') {
        this.download(docs.docxFileName(json), docs.toDocx(json),
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      } else if (kind === 'html') {
        this.download(this.call(() => this.session.fileStem()) + '.html', docs.htmlPage(json), 'text/html;charset=utf-8');
      } else if (kind === 'copy') {
        this.copyHtml(docs.htmlFragment(json));
      } else {
        this.fillPrintView(docs, json);
        window.print();
      }
    } catch (e) {
      this.showAlert('未能生成文件：' + (e && e.message ? e.message : e) + '。填写的内容没有改变。');
    }
  }

  confirmDespiteErrors(kind, errors) {
    const what = { docx: '下载 Word', html: '下载网页', copy: '复制 HTML', print: '打印' }[kind];
    return this.ask({
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
      if (choice === 'csv') this.downloadCsv();
      if (choice === 'look') {
        this.summary.scrollIntoView({ block: 'start' });
        this.summary.focus();
      }
      return choice === 'go';
    });
  }

  /** Renders the export's HTML (every piece of user text escaped by the core) into the print view. */
  fillPrintView(docs, json) {
    const text = json || this.call(() => this.session.toJson());
    if (typeof text !== 'string') return;
    let nodes;
    try { nodes = fragmentNodes(docs.htmlFragment(text)); } catch (e) { return; }
    clear(this.printView);
    append(this.printView, nodes);
    this.root.classList.add('has-print-view');
  }

  async copyHtml(fragment) {
    this.copyBox.hidden = true;
    clear(this.copyBox);
    if (await copyText(fragment)) {
      this.say('已复制报告的 HTML。请在网站内容管理系统的编辑器中切换到“源代码”或“HTML”模式后粘贴。');
      return;
    }
    const area = h('textarea', { class: 'copy-area', id: 'copy-area', readonly: true, rows: '8', 'aria-label': '报告的 HTML' });
    area.value = fragment;
    append(this.copyBox, [
      h('p', null, '浏览器不允许本页直接写入剪贴板。下面的 HTML 已全部选中，请按 Ctrl+C 复制，然后粘贴到网站编辑器的“源代码”模式中。'),
      area,
      h('button', { type: 'button', class: 'button', onclick: () => { this.copyBox.hidden = true; clear(this.copyBox); } }, '关闭'),
    ]);
    this.copyBox.hidden = false;
    area.focus();
    area.select();
    this.say('请按 Ctrl+C 复制选中的 HTML。');
  }

  // ---- totals ----------------------------------------------------------------------------

  async fillTotals() {
    if (this.readOnly) return;
    const proposals = this.call(() => this.session.proposeTotals());
    if (!Array.isArray(proposals)) return;
    if (proposals.length === 0) {
      this.say('没有需要自动计算的合计：合计都已正确，或者分项还没有填全（空白的分项不按 0 计算）。');
      return;
    }
    const typed = proposals.filter((p) => p.current !== '');
    let chosen = proposals;
    if (typed.length) {
      const choice = await this.ask({
        title: '有 ' + typed.length + ' 个合计与计算结果不同',
        body: [
          h('p', null, '以下合计已经填写，但与各分项之和不同：'),
          h('ul', { class: 'dialog-list' }, typed.map((p) => h('li', null, (this.cellLabels.get(p.cell) || p.cell) + '：现填「' + p.current + '」，计算得 ' + p.value))),
          h('p', null, '要用计算结果替换它们吗？'),
        ],
        buttons: [
          { label: '替换为计算结果', value: 'all', primary: true },
          { label: '只填写空白的合计', value: 'blank' },
          { label: '取消', value: 'cancel' },
        ],
        cancelValue: 'cancel',
      });
      if (choice === 'cancel') return;
      if (choice === 'blank') chosen = proposals.filter((p) => p.current === '');
    }
    const entries = chosen.map((p) => [this.registry.cells.get(p.cell), p.value]);
    this.fillCells(entries);
    this.say('已自动填写 ' + entries.length + ' 个合计。');
  }

  // ---- messages --------------------------------------------------------------------------

  say(text, notes) {
    clear(this.notice);
    append(this.notice, h('p', null, text));
    if (notes && notes.length) this.notice.appendChild(h('ul', null, notes.map((n) => h('li', null, n))));
  }

  showAlert(text) {
    clear(this.alertBox);
    if (text) append(this.alertBox, h('p', null, [h('span', { class: 'icon icon-error', 'aria-hidden': 'true' }, '!'), ' ', text]));
  }

  banner(kind, text, action) {
    this.removeBanner(kind);
    this.banners.appendChild(h('div', { class: 'banner banner-' + kind, 'data-banner': kind, role: kind === 'crash' ? 'alert' : 'status' }, [h('p', null, text), action || null]));
  }

  removeBanner(kind) {
    const old = this.banners.querySelector('[data-banner="' + kind + '"]');
    if (old) old.remove();
  }
}

function timeText(ms) {
  const d = new Date(ms);
  const two = (n) => (n < 10 ? '0' : '') + n;
  return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
}
