// The page's side of the batch worker (batch-worker.js): files go to the worker, which reads
// and checks them one at a time and sends back a row per file; requests (compare, workbooks,
// one report's JSON) are answered in between.
//
// One broken file never stops the others: a file the readers refuse gets its message from the
// core; a file that takes longer than FILE_TIMEOUT_MS, or that makes the module trap, stops the
// worker — a fresh worker then reads again every file before it (the rows shown stay as they
// are), keeps that file with a message, and goes on with the rest.
//
// launch: () => Worker     wasm: () => URL string | bytes (what the worker's init gets)
// events: 'row' (BatchFile), 'progress' ({done, total}), 'idle', 'restart' ({file, message}),
//         'unavailable' (message: no worker can start here)

const FILE_TIMEOUT_MS = 30000;
const REQUEST_TIMEOUT_MS = 120000;

export class BatchError extends Error {}

export function createBatchClient({ launch, wasm }) {
  const listeners = {};
  let worker = null;
  // Every file sent, in the order the worker adds them: file i is the batch's index i.
  let sent = [];
  // Rows received: the worker's batch holds this many files.
  let received = 0;
  // During a restart, rows below this index are the old rows read again: not announced.
  let replayUntil = 0;
  let timer = 0;
  let working = null;
  let nextId = 1;
  const pending = new Map();
  let cancelling = null;

  function emit(type, value) {
    for (const fn of listeners[type] || []) {
      try { fn(value); } catch (e) { console.error(e); }
    }
  }

  function progress() {
    // While a fresh worker reads the earlier files again, the bar stays where it was.
    emit('progress', { done: Math.max(received, replayUntil), total: sent.length });
  }

  function rejectAll(message) {
    for (const job of pending.values()) {
      clearTimeout(job.timer);
      job.reject(new BatchError(message));
    }
    pending.clear();
  }

  function stopWorker() {
    clearTimeout(timer);
    if (worker) worker.terminate();
    worker = null;
    working = null;
  }

  function onMessage(w, event) {
    if (w !== worker) return;
    const msg = event.data || {};
    if (msg.type === 'started') { w.started = true; return; }
    if (msg.type === 'working') {
      working = msg.path;
      clearTimeout(timer);
      timer = setTimeout(() => restart('处理时间超过 ' + FILE_TIMEOUT_MS / 1000 + ' 秒，已停止：文件可能已损坏，或者内容过于庞大'), FILE_TIMEOUT_MS);
      return;
    }
    if (msg.type === 'row') {
      clearTimeout(timer);
      working = null;
      received = msg.row.index + 1;
      if (msg.row.index >= replayUntil) {
        emit('row', msg.row);
        progress();
      }
      return;
    }
    if (msg.type === 'idle') { clearTimeout(timer); if (received >= sent.length) emit('idle'); return; }
    if (msg.type === 'cancelled') {
      sent = sent.slice(0, msg.length);
      received = msg.length;
      if (cancelling) { cancelling.resolve(); cancelling = null; }
      progress();
      return;
    }
    if (msg.type === 'fatal') { restart(msg.message); return; }
    const job = pending.get(msg.id);
    if (!job) return;
    pending.delete(msg.id);
    clearTimeout(job.timer);
    if (msg.ok) job.resolve(msg.result); else job.reject(new BatchError(msg.message));
    if (msg.fatal) restart(msg.message);
  }

  function start() {
    if (worker) return worker;
    let w;
    try {
      w = launch();
    } catch (e) {
      emit('unavailable', '此浏览器不允许本页启动后台处理程序（Web Worker），无法批量检查。请换用新版浏览器，或用命令行工具 xxgk check 检查文件夹。');
      throw new BatchError('无法启动批量检查程序');
    }
    w.started = false;
    w.onmessage = (event) => onMessage(w, event);
    w.onerror = (event) => {
      if (event && event.preventDefault) event.preventDefault();
      if (w !== worker) return;
      if (!w.started) {
        stopWorker();
        rejectAll('无法启动批量检查程序');
        emit('unavailable', '批量检查程序未能启动（' + (event && event.message ? event.message : '可能被网站的安全设置禁止') + '）。请换用新版浏览器，或用命令行工具 xxgk check 检查文件夹。');
        return;
      }
      restart('批量检查程序意外停止（' + (event && event.message ? event.message : '可能是内存不足') + '）');
    };
    w.postMessage({ type: 'init', wasm: wasm() });
    worker = w;
    return w;
  }

  /** A fresh worker: the files before the one that stopped the old one are read again, that one is kept with `message`. */
  function restart(message) {
    const culprit = received;
    stopWorker();
    rejectAll(message);
    if (cancelling) { cancelling.resolve(); cancelling = null; }
    if (culprit >= sent.length) return;
    const file = sent[culprit].path;
    sent[culprit] = { path: file, message };
    replayUntil = culprit;
    received = 0;
    emit('restart', { file, message });
    start().postMessage({ type: 'files', files: sent.slice() });
  }

  return {
    on(type, fn) { (listeners[type] = listeners[type] || []).push(fn); },
    /** Queues files: [{path, file: File}] or [{path, message}] (a file the page could not take). */
    async add(files) {
      if (cancelling) await cancelling.promise;
      if (!files.length) return;
      const w = start();
      sent = sent.concat(files);
      progress();
      w.postMessage({ type: 'files', files });
    },
    /** Drops the files not yet read; resolves once the worker has stopped taking them. */
    cancel() {
      if (!worker || received >= sent.length) return Promise.resolve();
      if (!cancelling) {
        let resolve;
        const promise = new Promise((r) => { resolve = r; });
        cancelling = { promise, resolve };
        clearTimeout(timer);
        worker.postMessage({ type: 'cancel' });
      }
      return cancelling.promise;
    },
    /** Forgets every file: the next add starts an empty batch. */
    clear() {
      stopWorker();
      rejectAll('已清空');
      sent = [];
      received = 0;
      replayUntil = 0;
      if (cancelling) { cancelling.resolve(); cancelling = null; }
    },
    /** Calls a method of the Batch (compare, reportJson, findingsXlsx, …) in the worker. */
    request(method, ...args) {
      let w;
      try { w = start(); } catch (e) { return Promise.reject(e); }
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const jobTimer = setTimeout(() => {
          if (!pending.has(id)) return;
          pending.delete(id);
          reject(new BatchError('处理时间超过 ' + REQUEST_TIMEOUT_MS / 1000 + ' 秒，已停止'));
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer: jobTimer });
        w.postMessage({ id, method, args });
      });
    },
    get busy() { return received < sent.length; },
    get length() { return sent.length; },
    get working() { return working; },
  };
}
