// The Web Worker of the batch module (see batch-client.js): holds one Batch (the binding's
// reports, findings, pairs and copies) and reads the files given to it one at a time, itself,
// so that neither reading nor checking ever runs on the page's thread. Bundled by
// `dist.mjs --worker` with wasm-bindgen's glue into www/pkg/xxgk_batch_worker.js (a classic
// script), and carried inline by the single file.
//
// Messages in:  {type: 'init', wasm}                 → {type: 'started'}
//               {type: 'files', files: [{path, file} | {path, message}]}   queued, read in order
//               {type: 'cancel'}                       the queue is dropped → {type: 'cancelled', length}
//               {id, method, args}                     a request → {id, ok, result} | {id, ok: false, message, fatal}
// Messages out: {type: 'working', path}               a file is being read (the page's time limit starts)
//               {type: 'row', row}                     a file done (BatchFile: its index, counts, message)
//               {type: 'idle', length}                 the queue is empty
//               {type: 'fatal', message}               the module trapped: the page starts a fresh worker
import * as glue from '../pkg/xxgk_batch.js';

const METHODS = {
  compare: true, reportJson: true, findings: true, findingsXlsx: true, findingsCsv: true,
  years: true, rollup: true, rollupXlsx: true,
};

let ready = null;
let batch = null;
let limit = 0;
const queue = [];
let running = false;
// Bumped by cancel: a file whose bytes arrive after it is not added.
let generation = 0;

function messageOf(e) {
  return e && e.message ? e.message : String(e);
}

function isFatal(e) {
  return e instanceof WebAssembly.RuntimeError || e instanceof RangeError || /recursive use of an object/.test(messageOf(e));
}

function fatal(e) {
  self.postMessage({ type: 'fatal', message: '批量检查程序内部出错（' + messageOf(e) + '）' });
}

/** The first bytes of a file, no more than the readers look at (plus one, so they can say it is too large). */
function bytesOf(file) {
  const part = file.size > limit + 1 ? file.slice(0, limit + 1) : file;
  return part.arrayBuffer().then((b) => new Uint8Array(b));
}

async function addOne(job, started) {
  if (job.message !== undefined) return batch.addFailed(job.path, job.message);
  let bytes;
  try {
    bytes = await bytesOf(job.file);
  } catch (e) {
    if (generation !== started) return null;
    return batch.addFailed(job.path, '无法读取这个文件（' + messageOf(e) + '）：文件可能已被移动、删除，或正被其他程序占用');
  }
  if (generation !== started) return null;
  return batch.add(job.path, bytes);
}

async function pump() {
  if (running) return;
  running = true;
  try {
    await ready;
    while (queue.length) {
      const job = queue.shift();
      const started = generation;
      self.postMessage({ type: 'working', path: job.path });
      const row = await addOne(job, started);
      if (row) self.postMessage({ type: 'row', row });
    }
    self.postMessage({ type: 'idle', length: batch.length });
  } catch (e) {
    fatal(e);
  } finally {
    running = false;
  }
}

function request(job) {
  return ready.then(() => {
    if (!METHODS[job.method]) throw new Error('unknown method ' + job.method);
    return batch[job.method].apply(batch, job.args || []);
  });
}

self.onmessage = (event) => {
  const msg = event.data || {};
  if (msg.type === 'init') {
    self.postMessage({ type: 'started' });
    ready = glue.default({ module_or_path: msg.wasm }).then(() => {
      batch = new glue.Batch();
      limit = glue.maxFileBytes();
    });
    ready.catch(fatal);
    return;
  }
  if (msg.type === 'files') {
    for (const f of msg.files) queue.push(f);
    pump();
    return;
  }
  if (msg.type === 'cancel') {
    queue.length = 0;
    generation += 1;
    (ready || Promise.resolve()).then(() => self.postMessage({ type: 'cancelled', length: batch ? batch.length : 0 }));
    return;
  }
  if (!ready) {
    self.postMessage({ id: msg.id, ok: false, message: 'not initialised', fatal: true });
    return;
  }
  request(msg).then((result) => {
    const transfer = result instanceof Uint8Array ? [result.buffer] : [];
    self.postMessage({ id: msg.id, ok: true, result }, transfer);
  }, (e) => {
    // Errors thrown by the binding carry a Chinese message; a trap leaves the module unusable.
    const dead = isFatal(e);
    self.postMessage({ id: msg.id, ok: false, message: dead ? '批量检查程序内部出错（' + messageOf(e) + '）' : messageOf(e), fatal: dead });
  });
};
