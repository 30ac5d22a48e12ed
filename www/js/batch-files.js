// The files of a batch as the office gives them: a folder or many files dropped on the page
// (DataTransferItem.webkitGetAsEntry, folders walked recursively) or chosen (an <input multiple>
// or <input webkitdirectory>). A file inside a folder is taken when its name says it is a
// report (the core's rule, isReportFileName: extension, no hidden or ~$ lock files); a file
// given by itself is always taken (its content decides). Files come out in path order, so that
// one folder always gives one batch order.

/** [{path, file}] sorted by path, and how many files of the folders were not taken. */
export function takeReports(found, isReportFileName) {
  const taken = [];
  let skipped = 0;
  for (const f of found) {
    if (!f.inFolder || isReportFileName(f.file.name)) taken.push({ path: f.path, file: f.file });
    else skipped += 1;
  }
  taken.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { taken, skipped };
}

/** The files of an <input type=file> (with webkitdirectory, each has its path in the folder). */
export function filesOfInput(files) {
  return Array.prototype.map.call(files, (file) => {
    const relative = file.webkitRelativePath || '';
    return { path: relative || file.name, file, inFolder: relative !== '' };
  });
}

function readAll(reader) {
  // readEntries gives at most 100 entries per call (Chromium): call until it gives none.
  return new Promise((resolve, reject) => {
    const all = [];
    const next = () => reader.readEntries((entries) => {
      if (!entries.length) { resolve(all); return; }
      for (const e of entries) all.push(e);
      next();
    }, reject);
    next();
  });
}

function fileOf(entry) {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Walks one entry: a file, or a folder and everything under it. Unreadable parts are counted. */
async function walk(entry, inFolder, out, problems) {
  if (entry.isFile) {
    try {
      out.push({ path: entry.fullPath.replace(/^\//, ''), file: await fileOf(entry), inFolder });
    } catch (e) {
      problems.push(entry.fullPath.replace(/^\//, ''));
    }
    return;
  }
  if (!entry.isDirectory) return;
  if (inFolder && entry.name.startsWith('.')) return; // hidden folders, as xxgk check skips them
  let children;
  try {
    children = await readAll(entry.createReader());
  } catch (e) {
    problems.push(entry.fullPath.replace(/^\//, '') + '/');
    return;
  }
  for (const child of children) await walk(child, true, out, problems);
}

/**
 * What a drop carries: a DataTransfer, or {files, entries} taken from one. The entries must be
 * taken while the drop event runs (the browser empties the DataTransfer afterwards); walking the
 * folders happens after. Resolves
 * {found: [{path, file, inFolder}], problems: [paths that could not be read]}.
 */
export function filesOfDrop(dataTransfer) {
  const entries = [];
  const loose = [];
  const items = dataTransfer.items;
  if (dataTransfer.entries) {
    // Taken from the drop event already (by the page, while this code was loading).
    dataTransfer.entries.forEach((entry, i) => {
      if (entry) entries.push(entry); else if (dataTransfer.files[i]) loose.push(dataTransfer.files[i]);
    });
  } else if (items && items.length && typeof items[0].webkitGetAsEntry === 'function') {
    for (let i = 0; i < items.length; i++) {
      if (items[i].kind !== 'file') continue;
      const entry = items[i].webkitGetAsEntry();
      if (entry) entries.push(entry);
      else { const file = items[i].getAsFile(); if (file) loose.push(file); }
    }
  } else {
    for (let i = 0; i < dataTransfer.files.length; i++) loose.push(dataTransfer.files[i]);
  }
  return (async () => {
    const found = loose.map((file) => ({ path: file.name, file, inFolder: false }));
    const problems = [];
    for (const entry of entries) await walk(entry, false, found, problems);
    return { found, problems };
  })();
}
