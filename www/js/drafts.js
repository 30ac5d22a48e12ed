// Drafts in localStorage: many per namespace, each known by its agency and year.
//
//   xxgk-report/drafts/v2/<namespace>/meta/<id>   {id, name, year, filled, savedAt}   (small: listing)
//   xxgk-report/drafts/v2/<namespace>/data/<id>   {json, touched, savedAt, previous}
//                                                  previous: last year's report {file, json} or null
//   xxgk-report/drafts/v2/<namespace>/last        the id last edited (a new tab opens it)
//
// Namespaces keep the standalone page ('page'), the page inside an iframe ('frame') and each
// mounted form ('embed/<draftKey>') apart. The one draft slot of v1 (xxgk-report/draft/v1 and
// xxgk-report/draft/v1/<draftKey>) is moved into the v2 store on first start, under the fixed id
// 'v1' so that two tabs starting at once move it to the same place.

const ROOT = 'xxgk-report/drafts/v2/';
/** The single draft slot of v1; a mounted form's was this plus '/<draftKey>'. */
export const V1_DRAFT_KEY = 'xxgk-report/draft/v1';
export const MIGRATED_ID = 'v1';

function storage() {
  try {
    const s = window.localStorage;
    const probe = 'xxgk-report/probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch (e) {
    return null;
  }
}

export function newDraftId() {
  return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
}

/** Agency names as a person would compare them: no spaces, full-width letters folded. */
export function sameAgency(a, b) {
  const norm = (s) => String(s || '').replace(/[\s\u3000]+/g, '').replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * namespace: 'page' | 'frame' | 'embed/<key>'; enabled: false keeps nothing (memory only).
 * v1Key: the old single slot to move in (page: xxgk-report/draft/v1), describe(json) → {name, year, filled}.
 */
export function createDraftStore({ namespace, enabled = true, v1Key = null, describe }) {
  const store = enabled ? storage() : null;
  const base = ROOT + namespace + '/';
  const metaKey = (id) => base + 'meta/' + id;
  const dataKey = (id) => base + 'data/' + id;
  const lastKey = base + 'last';
  const watchers = [];

  function read(key) {
    if (!store) return null;
    try { return JSON.parse(store.getItem(key) || 'null'); } catch (e) { return null; }
  }

  function write(key, value) {
    try { store.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }

  function list() {
    if (!store) return [];
    const found = [];
    const prefix = base + 'meta/';
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key && key.startsWith(prefix)) {
        const meta = read(key);
        if (meta && typeof meta.id === 'string') found.push(meta);
      }
    }
    return found.sort((a, b) => (b.savedAt || 0) - (a.savedAt || 0));
  }

  function save(id, { json, touched, name, year, filled, previous = null }) {
    if (!store) return false;
    const savedAt = Date.now();
    if (!write(dataKey(id), { json, touched, savedAt, previous })) return false;
    write(metaKey(id), { id, name, year, filled, savedAt });
    write(lastKey, id);
    return true;
  }

  function migrate() {
    if (!store || !v1Key) return;
    const old = read(v1Key);
    if (!old || typeof old.json !== 'string') return;
    if (!read(dataKey(MIGRATED_ID))) {
      let meta = { name: '', year: '', filled: 0 };
      try { meta = describe(old.json); } catch (e) { /* listed as 未命名 */ }
      const savedAt = old.savedAt || Date.now();
      if (!write(dataKey(MIGRATED_ID), { json: old.json, touched: old.touched || [], savedAt })) return;
      write(metaKey(MIGRATED_ID), Object.assign({ id: MIGRATED_ID, savedAt }, meta));
      if (!read(lastKey)) write(lastKey, MIGRATED_ID);
    }
    try { store.removeItem(v1Key); } catch (e) { /* kept; moved again next time (same id) */ }
  }

  const onStorage = (e) => {
    if (!e.key || !e.key.startsWith(base)) return;
    const rest = e.key.slice(base.length);
    const id = rest.startsWith('data/') ? rest.slice(5) : rest.startsWith('meta/') ? rest.slice(5) : null;
    for (const fn of watchers) fn(id, rest.startsWith('data/'));
  };
  if (store) {
    migrate();
    window.addEventListener('storage', onStorage);
  }

  return {
    available: store !== null,
    namespace,
    list,
    get(id) { return read(metaKey(id)); },
    /** {json, touched, savedAt, previous} or null. */
    load(id) {
      const data = read(dataKey(id));
      return data && typeof data.json === 'string' ? data : null;
    },
    /** Saves a draft; false when the browser refused (storage full or blocked). */
    save,
    remove(id) {
      if (!store) return;
      store.removeItem(dataKey(id));
      store.removeItem(metaKey(id));
      if (read(lastKey) === id) store.removeItem(lastKey);
    },
    /** Another draft with the same agency and year (both known), if any. */
    findSame(name, year, exceptId) {
      if (!name || !year) return null;
      return list().find((d) => d.id !== exceptId && String(d.year) === String(year) && sameAgency(d.name, name)) || null;
    },
    last() { return read(lastKey); },
    setLast(id) { if (store) write(lastKey, id); },
    /** fn(id, dataChanged) when another tab changes a draft of this namespace. */
    watch(fn) { watchers.push(fn); },
    close() { window.removeEventListener('storage', onStorage); watchers.length = 0; },
  };
}
