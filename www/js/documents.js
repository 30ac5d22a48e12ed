// The documents module (reading report files, writing Word and HTML) runs in a Web Worker, so
// that a huge or hostile file never freezes the page: the page stays responsive, the clerk can
// cancel, and a file that takes too long is stopped. A worker that crashed (a trap inside
// WebAssembly, out of memory) is replaced on the next call.
//
// Where a worker cannot be started (a CSP without worker-src for the page's files, an old
// engine), the same functions run in the page: slower files then block it while they are read.
//
// launch: () => Worker                      (started on first use, then kept)
// wasm:   () => URL string | bytes          (what the worker's init gets: the _bg.wasm)
// inPage: () => Promise<glue module>        (fallback: the documents module in the page)

const TIMEOUT_MS = 30000;

export class DocumentsError extends Error {
  constructor(message, { cancelled = false } = {}) {
    super(message);
    this.cancelled = cancelled;
  }
}

export function createDocuments({ launch, wasm, inPage }) {
  let worker = null;
  let nextId = 1;
  const pending = new Map();
  let fallback = null;
  let workerFailed = false;

  function rejectAll(error) {
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    pending.clear();
  }

  function stop(error) {
    if (worker) {
      worker.terminate();
      worker = null;
    }
    rejectAll(error);
  }

  function start() {
    if (worker) return worker;
    const w = launch();
    // Until the worker has said it runs, requests are copied, not handed over: if it never starts
    // (a CSP that blocks it, a script that cannot load), they run in the page instead.
    w.started = false;
    w.onmessage = (event) => {
      const reply = event.data || {};
      if (reply.type === 'started') { w.started = true; return; }
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      clearTimeout(job.timer);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new DocumentsError(reply.message));
      // After a trap the module's state is not to be trusted: a fresh worker next time.
      if (reply.fatal && worker === w) { worker.terminate(); worker = null; }
    };
    w.onerror = (event) => {
      if (event && event.preventDefault) event.preventDefault();
      if (worker !== w) return;
      if (!w.started) {
        workerFailed = true;
        console.warn('xxgk-report: the documents worker did not start; documents run in the page:', event && event.message);
        worker.terminate();
        worker = null;
        const jobs = Array.from(pending.values());
        pending.clear();
        for (const job of jobs) {
          clearTimeout(job.timer);
          inThePage(job.method, job.args).then(job.resolve, job.reject);
        }
        return;
      }
      stop(new DocumentsError('文档处理程序意外停止（' + (event && event.message ? event.message : '可能是内存不足') + '）'));
    };
    w.postMessage({ type: 'init', wasm: wasm() });
    worker = w;
    return w;
  }

  function inWorker(method, args, transfer) {
    const w = start();
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        if (!pending.has(id)) return;
        stop(new DocumentsError('处理时间超过 ' + TIMEOUT_MS / 1000 + ' 秒，已停止。文件可能已损坏，或者内容过于庞大'));
      }, TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer, method, args });
      w.postMessage({ id, method, args }, w.started && transfer ? transfer : []);
    });
  }

  function inThePage(method, args) {
    if (!fallback) fallback = inPage().catch((e) => { fallback = null; throw e; });
    return fallback.then((glue) => glue[method].apply(null, args), (e) => {
      throw new DocumentsError('未能加载文档处理模块（' + (e && e.message ? e.message : e) + '），请刷新页面后重试');
    });
  }

  function call(method, args, transfer) {
    if (!workerFailed) {
      try {
        return inWorker(method, args, transfer);
      } catch (e) {
        // new Worker() refused (CSP, file:// in some engines): run in the page from now on.
        workerFailed = true;
        console.warn('xxgk-report: Web Worker unavailable, documents run in the page:', e);
      }
    }
    return inThePage(method, args);
  }

  return {
    /** Reads a report file; resolves {json, summary}. The bytes are handed over (transferred) once the worker runs. */
    importFile(bytes, fileName) { return call('importFile', [bytes, fileName], [bytes.buffer]); },
    /** Reads a report from HTML text (the text/html of a paste from a portal page); resolves {json, summary}. */
    importHtml: (html) => call('importHtml', [html]),
    toDocx: (json) => call('toDocx', [json]),
    docxFileName: (json) => call('docxFileName', [json]),
    htmlFragment: (json) => call('htmlFragment', [json]),
    htmlPage: (json) => call('htmlPage', [json]),
    /** Stops whatever runs (the clerk pressed 取消); the next call starts a fresh worker. */
    cancel() { stop(new DocumentsError('已取消', { cancelled: true })); },
    get inWorker() { return !workerFailed; },
  };
}
