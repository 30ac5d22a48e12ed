// Downloads and file reading. Nothing leaves the machine: downloads are blob: URLs.

export function download(fileName, text, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function readBytes(file) {
  if (file.arrayBuffer) return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Calls `onDrop(dataTransfer)` for files dropped on `target` (the whole page by default), while
 * the drop event runs (folders must be taken from it then), showing a hint while dragging.
 */
export function wireDrop(hint, onDrop, isReadOnly, target) {
  const area = target || document;
  let depth = 0;
  const hasFiles = (e) => e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0;
  area.addEventListener('dragenter', (e) => {
    if (!hasFiles(e) || isReadOnly()) return;
    depth += 1;
    hint.hidden = false;
  });
  area.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) hint.hidden = true;
  });
  area.addEventListener('dragover', (e) => {
    if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = isReadOnly() ? 'none' : 'copy'; }
  });
  area.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    hint.hidden = true;
    if (!isReadOnly()) onDrop(e.dataTransfer);
  });
}
