// While the clerk fills the form, cells not yet filled in are progress, not errors. The core
// reports every empty cell (V002) and every empty table (S001) as an error, as the CLI must; the
// page presents them as 「尚有 N 格未填」 until
//   - every empty cell of the table has been passed by the clerk (the table is otherwise
//     filled: the cells left empty are then errors at the cell), or
//   - the clerk asks for the result (the counts, 「查看检查结果」) or downloads/prints, or
//   - the report came in whole (an import, the host, the iframe parent).
// A placeholder typed into a cell (「/」「无」) is an error at once: it is not "not yet".

/** The key, among the touched keys, that says the clerk asked for the whole result. */
export const RESULT_KEY = '#result';

/**
 * tables: registry.tables ([{id, rows: [[{input}]]}]); cells: Map id → input;
 * touched: Set of keys the clerk has left. Returns a function (findings) → presentation:
 *   {shown: findings to show as they are, tables: Map id → {cells, left, started},
 *    unfilled: cells left to fill in (progress only)}
 */
export function createProgress({ tables, cells, touched }) {
  const cellsOf = new Map(tables.map((t) => [t.id, [].concat(...t.rows.map((row) => row.map((p) => p.input)))]));

  /** Whether every empty cell of the table has been passed: what is still empty was skipped. */
  function otherwiseFilled(table) {
    for (const input of cellsOf.get(table)) {
      if (input.value === '' && !touched.has(input.getAttribute('data-cell'))) return false;
    }
    return true;
  }

  return function present(findings) {
    const final = touched.has(RESULT_KEY);
    const state = new Map();
    for (const [id, inputs] of cellsOf) state.set(id, { cells: inputs.length, left: 0, started: true });
    const shown = [];
    const filledOut = new Map();
    const isFilledOut = (table) => {
      if (!filledOut.has(table)) filledOut.set(table, otherwiseFilled(table));
      return filledOut.get(table);
    };
    let unfilled = 0;
    for (const f of findings) {
      if (!final && f.code === 'S001' && f.cells.length > 0) {
        const table = state.get(f.cells[0].slice(0, 2));
        if (table) {
          table.started = false;
          table.left = f.cells.length;
          unfilled += f.cells.length;
          continue;
        }
      }
      if (!final && f.code === 'V002' && f.cells.length === 1) {
        const id = f.cells[0];
        const input = cells.get(id);
        const table = state.get(id.slice(0, 2));
        if (input && table && input.value === '' && !isFilledOut(id.slice(0, 2))) {
          table.left += 1;
          unfilled += 1;
          continue;
        }
      }
      shown.push(f);
    }
    return { shown, tables: state, unfilled, final };
  };
}

/** Counts for the toolbar and the summary's title; findings marked 「已核实」 are counted apart. */
export function countsOf(presentation) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let reviewed = 0;
  for (const f of presentation.shown) {
    if (f.reviewed !== null) reviewed += 1;
    else if (f.severity === 'error') errors += 1; else if (f.severity === 'warning') warnings += 1; else infos += 1;
  }
  return { errors, warnings, infos, reviewed, unfilled: presentation.unfilled };
}
