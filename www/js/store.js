// The report being edited: one WebAssembly Session behind a small API, and the one place where
// the report changes. Every change (an edit, or the report replaced by an import, a draft, the
// host, a crash recovery) is checked once and announced by one 'change' event:
//   {kind: 'edit' | 'replace', origin, findings, revision, touched?, changed?}
// Views, the draft keeper and the host (onChange, the iframe) listen; none of them replaces the
// session by itself.
//
// Last year's report (「上一年度报告」, rules Y001–Y003) belongs to the report being edited: it
// comes and goes with it through replace, changes through setPrevious (an edit), and is put back
// into a session rebuilt after a crash. It is {file, json} (json as the documents module reads it).
//
// A Rust panic traps inside WebAssembly and leaves that Session unusable: the store rebuilds it
// from the last saved JSON plus what `replay` (the form) puts back, and tells 'crash' listeners.

export function createReportStore(wasm, { locked = {} } = {}) {
  let session = new wasm.Session();
  let findings = [];
  let revision = 0;
  let lastGoodJson = null;
  let pending = null; // origin of an edit whose check waits (prose typed: checkNow)
  let previous = null;
  const listeners = { change: [], crash: [] };
  let replay = () => {};

  function emit(type, event) {
    for (const fn of listeners[type].slice()) {
      try { fn(event); } catch (e) { console.error(e); }
    }
  }

  function takePanic(error) {
    let message = null;
    try { message = wasm.lastPanic(); } catch (e) { message = null; }
    if (message !== null && message !== undefined) return message;
    if (error instanceof WebAssembly.RuntimeError) return String(error.message || error);
    return null;
  }

  function recover(panic) {
    let fresh;
    try {
      fresh = lastGoodJson ? wasm.Session.fromDraft(lastGoodJson) : new wasm.Session();
    } catch (e) {
      fresh = new wasm.Session();
    }
    session = fresh; // the broken one is left to the garbage collector
    try { replay(fresh); } catch (e) { /* what the form shows stays on screen */ }
    applyLocked();
    applyPrevious();
    emit('crash', { message: panic });
    setTimeout(() => announce('replace', 'recovery'), 0);
  }

  /** Runs fn(session); after a Rust panic rebuilds the session and returns undefined. */
  function call(fn) {
    try {
      return fn(session);
    } catch (e) {
      const panic = takePanic(e);
      if (panic === null) throw e;
      recover(panic);
      return undefined;
    }
  }

  function applyLocked() {
    for (const path of Object.keys(locked)) {
      try { session.setField(path, locked[path]); } catch (e) { /* a bad locked value is the host's */ }
    }
  }

  /** Gives the session last year's report; one that does not read is dropped (false). */
  function applyPrevious() {
    if (!previous) return true;
    try {
      session.setPrevious(previous.json);
      return true;
    } catch (e) {
      if (takePanic(e) !== null) throw e;
      previous = null;
      return false;
    }
  }

  function check() {
    const result = call((s) => s.check());
    if (Array.isArray(result)) findings = result;
    return findings;
  }

  function announce(kind, origin, extra) {
    revision += 1;
    check();
    emit('change', Object.assign({ kind, origin, findings, revision }, extra || {}));
  }

  const read = (fn, fallback) => {
    const value = call(fn);
    return value === undefined ? fallback : value;
  };

  return {
    on(type, fn) {
      listeners[type].push(fn);
      return () => { listeners[type] = listeners[type].filter((f) => f !== fn); };
    },
    /** What to put back into a session rebuilt after a crash (the form sets what it shows). */
    set replay(fn) { replay = fn; },
    get findings() { return findings; },
    get revision() { return revision; },
    get locked() { return locked; },

    /**
     * Changes the report: fn(session) makes the edits, then one check and one 'change' event.
     * With {check: 'later'} (prose being typed) the check and the event wait for checkNow() or
     * the next edit. `changed(result)` names the cells and fields the edit wrote that the form
     * does not show yet (a fix, an undo): the event carries them as `changed`. Returns what fn
     * returned (undefined after a crash).
     */
    edit(origin, fn, { check: when = 'now', changed = null } = {}) {
      const result = call(fn);
      if (when === 'later') {
        revision += 1;
        pending = origin;
      } else {
        pending = null;
        announce('edit', origin, changed && result !== undefined ? { changed: changed(result) } : null);
      }
      return result;
    },

    /** Checks and announces an edit made with {check: 'later'} (the clerk paused typing prose). */
    checkNow() {
      if (pending === null) return;
      const origin = pending;
      pending = null;
      announce('edit', origin);
    },
    /** Whether an edit waits for its check. */
    get pending() { return pending !== null; },

    /**
     * The one path that replaces the report. `next` is a Session, a JSON text (read as a draft)
     * or null (a blank report); `previous` is last year's report ({file, json}) that goes with it
     * (none by default);
     * the locked agency fields are put back, the old session is freed, and listeners get
     * {kind: 'replace', origin, touched} ('all', an array of keys, or none).
     */
    replace(next, { origin, touched, previous: withPrevious = null } = {}) {
      const incoming = next === null ? new wasm.Session() : typeof next === 'string' ? wasm.Session.fromDraft(next) : next;
      const old = session;
      session = incoming;
      if (old !== incoming) {
        try { old.free(); } catch (e) { /* a session broken by a crash is left to the GC */ }
      }
      applyLocked();
      pending = null;
      previous = withPrevious;
      call(() => applyPrevious());
      lastGoodJson = read((s) => s.toJson(), null);
      announce('replace', origin, { touched });
    },

    /**
     * Sets last year's report ({file, json}) or removes it (null): an edit with origin
     * 'previous'. Throws the binding's Chinese message when the JSON is not a report.
     */
    setPrevious(next) {
      this.edit('previous', (s) => {
        if (next) s.setPrevious(next.json); else s.clearPrevious();
        previous = next;
      });
    },
    /** Last year's report as given ({file, json}), or null. */
    get previous() { return previous; },
    /** Its agency and year and what does not fit (PreviousReport), or null. */
    previousInfo: () => (previous ? read((s) => s.previous(), null) : null),

    /** The last JSON that was saved (the crash recovery starts from it). */
    remember(json) { lastGoodJson = json; },

    check,
    toJson: () => read((s) => s.toJson(), null),
    report() { const json = this.toJson(); return json === null ? null : JSON.parse(json); },
    cellText: (id) => read((s) => s.cellText(id), ''),
    field: (path) => read((s) => s.field(path), ''),
    headings: () => read((s) => s.headings(), null),
    fileStem: () => read((s) => s.fileStem(), '报告'),
    isBlank: () => read((s) => s.isBlank(), true),
    filledCells: () => read((s) => s.filledCells(), 0),
    proposeTotals: () => read((s) => s.proposeTotals(), []),
    findingsCsv: () => read((s) => s.findingsCsv(), null),
    importSummary: () => read((s) => s.importSummary(), null),
    cellSources: () => read((s) => s.cellSources(), {}),
    /** Agency name and year: what a draft is known by. */
    identity: () => ({ name: read((s) => s.field('agency.name'), '').trim(), year: read((s) => s.field('year'), '') }),
  };
}
