// Moving between the cells of a table with the arrow keys and Enter, and pasting a block copied
// from Excel or WPS (tab-separated rows) from the focused cell on.

/** Wires keyboard navigation and paste on the tables; `fill(entries)` receives [input, text] pairs. */
export function wireGrid(registry, { fill, notify, isReadOnly }) {
  const tables = new Map(registry.tables.map((t) => [t.id, t]));

  function neighbour(position, rowStep) {
    const rows = tables.get(position.table).rows;
    for (let r = position.row + rowStep; r >= 0 && r < rows.length; r += rowStep) {
      const row = rows[r];
      // The input covering the same grid column, or failing that the nearest one.
      let best = null;
      let bestDistance = Infinity;
      for (const p of row) {
        const distance = position.col >= p.col && position.col < p.col + p.colspan ? 0 : Math.abs(p.col - position.col);
        if (distance < bestDistance) { best = p; bestDistance = distance; }
      }
      if (best) return best.input;
    }
    return null;
  }

  function sideways(position, step) {
    const row = tables.get(position.table).rows[position.row];
    const i = row.findIndex((p) => p.input === position.input);
    const next = row[i + step];
    return next ? next.input : null;
  }

  function moveTo(input) {
    if (!input) return;
    input.focus();
    input.select();
  }

  function onKeyDown(e) {
    const input = e.target;
    const position = input.xxgkPosition;
    if (!position || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let target;
    switch (e.key) {
      case 'ArrowDown': target = neighbour(position, 1); break;
      case 'ArrowUp': target = neighbour(position, -1); break;
      case 'Enter': target = neighbour(position, e.shiftKey ? -1 : 1); break;
      case 'ArrowLeft': if (atStart || allSelected) target = sideways(position, -1); else return; break;
      case 'ArrowRight': if (atEnd || allSelected) target = sideways(position, 1); else return; break;
      default: return;
    }
    e.preventDefault();
    moveTo(target);
  }

  function onPaste(e) {
    const input = e.target;
    const position = input.xxgkPosition;
    if (!position || isReadOnly()) return;
    const data = e.clipboardData && e.clipboardData.getData('text/plain');
    if (!data || !/[\t\r\n]/.test(data.replace(/[\r\n]+$/, ''))) return; // one value: the browser pastes it
    e.preventDefault();
    const lines = data.replace(/[\r\n]+$/, '').split(/\r\n|\r|\n/).map((line) => line.split('\t'));
    const rows = tables.get(position.table).rows;
    const startIndex = rows[position.row].findIndex((p) => p.input === input);
    const entries = [];
    let skipped = 0;
    lines.forEach((values, i) => {
      const row = rows[position.row + i];
      values.forEach((value, j) => {
        const target = row && row[startIndex + j];
        if (target) entries.push([target.input, unquote(value)]);
        else if (value.trim() !== '') skipped += 1;
      });
    });
    fill(entries);
    let message = '已粘贴 ' + entries.length + ' 个单元格。';
    if (skipped) message += '另有 ' + skipped + ' 个数值超出表格范围，没有粘贴，请检查起始单元格是否选对。';
    notify(message);
  }

  for (const input of registry.cells.values()) {
    input.addEventListener('keydown', onKeyDown);
    input.addEventListener('paste', onPaste);
  }
}

function unquote(value) {
  const v = value.trim();
  return v.length >= 2 && v[0] === '"' && v[v.length - 1] === '"' ? v.slice(1, -1).replace(/""/g, '"') : v;
}
