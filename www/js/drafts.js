// The draft in localStorage, and a per-tab lock so that a second tab does not silently overwrite
// the first one's draft: the lock holder writes a heartbeat; another tab that finds a fresh lock
// offers read-only or take-over, and a tab that loses the lock (storage event) turns read-only.

const DRAFT_BASE = 'xxgk-report/draft/v1';
const LOCK_BASE = 'xxgk-report/lock/v1';
const HEARTBEAT_MS = 2000;
const STALE_MS = 6000;

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

function tabIdentity() {
  // Kept across reloads of the same tab, so that reloading does not look like a second tab.
  try {
    let id = window.sessionStorage.getItem('xxgk-report/tab');
    if (!id) {
      id = Date.now().toString(36) + Math.random().toString(36).slice(2);
      window.sessionStorage.setItem('xxgk-report/tab', id);
    }
    return id;
  } catch (e) {
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
}

/** `namespace` keeps an embedded form's draft apart from the page's; `enabled: false` keeps nothing. */
export function createDrafts({ onLockLost, onDraftChanged, namespace, enabled = true }) {
  const suffix = namespace ? '/' + namespace : '';
  const DRAFT_KEY = DRAFT_BASE + suffix;
  const LOCK_KEY = LOCK_BASE + suffix;
  const store = enabled ? storage() : null;
  const tab = tabIdentity();
  let heartbeat = 0;
  let owner = false;

  function read(key) {
    if (!store) return null;
    try { return JSON.parse(store.getItem(key) || 'null'); } catch (e) { return null; }
  }

  function writeLock() {
    try { store.setItem(LOCK_KEY, JSON.stringify({ tab, beat: Date.now() })); } catch (e) { /* full */ }
  }

  function startHeartbeat() {
    owner = true;
    writeLock();
    clearInterval(heartbeat);
    heartbeat = setInterval(() => {
      const lock = read(LOCK_KEY);
      if (lock && lock.tab !== tab) { lose(); return; }
      writeLock();
    }, HEARTBEAT_MS);
  }

  function lose() {
    if (!owner) return;
    owner = false;
    clearInterval(heartbeat);
    onLockLost();
  }

  if (store) {
    window.addEventListener('storage', (e) => {
      if (e.key === LOCK_KEY) {
        const lock = read(LOCK_KEY);
        if (owner && lock && lock.tab !== tab) lose();
      } else if (e.key === DRAFT_KEY && !owner) {
        onDraftChanged(read(DRAFT_KEY));
      }
    });
    window.addEventListener('pagehide', () => {
      const lock = read(LOCK_KEY);
      if (owner && lock && lock.tab === tab) store.removeItem(LOCK_KEY);
    });
  }

  return {
    available: store !== null,
    /** True when another tab holds a fresh lock. */
    busyElsewhere() {
      const lock = read(LOCK_KEY);
      return Boolean(lock && lock.tab !== tab && Date.now() - lock.beat < STALE_MS);
    },
    acquire() { if (store) startHeartbeat(); },
    release() { owner = false; clearInterval(heartbeat); },
    get owner() { return owner; },
    load() { return read(DRAFT_KEY); },
    /** Saves {json, touched}; returns false when the browser refused (full or blocked). */
    save(json, touched) {
      if (!store || !owner) return false;
      try {
        store.setItem(DRAFT_KEY, JSON.stringify({ json, touched, savedAt: Date.now() }));
        return true;
      } catch (e) {
        return false;
      }
    },
    clear() {
      if (store) store.removeItem(DRAFT_KEY);
    },
  };
}
