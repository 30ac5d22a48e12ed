// One tab edits a draft at a time. The holder writes a heartbeat into localStorage; another tab
// that finds a fresh lock on the same draft opens it read-only (or takes it over), and a tab that
// loses its lock (storage event) turns read-only.

const LOCK_BASE = 'xxgk-report/lock/v2/';
const HEARTBEAT_MS = 2000;
const STALE_MS = 6000;

function tabIdentity() {
  // Kept across reloads of the same tab, so that reloading does not look like a second tab.
  const fresh = () => Date.now().toString(36) + Math.random().toString(36).slice(2);
  try {
    let id = window.sessionStorage.getItem('xxgk-report/tab');
    if (!id) {
      id = fresh();
      window.sessionStorage.setItem('xxgk-report/tab', id);
    }
    return id;
  } catch (e) {
    return fresh();
  }
}

export function createTabLock({ namespace, enabled, onLost }) {
  let store = null;
  try { store = enabled ? window.localStorage : null; } catch (e) { store = null; }
  const tab = tabIdentity();
  let heldId = null;
  let heartbeat = 0;
  const key = (id) => LOCK_BASE + namespace + '/' + id;

  function read(id) {
    try { return JSON.parse(store.getItem(key(id)) || 'null'); } catch (e) { return null; }
  }
  function write(id) {
    try { store.setItem(key(id), JSON.stringify({ tab, beat: Date.now() })); } catch (e) { /* full */ }
  }
  function lose() {
    if (heldId === null) return;
    heldId = null;
    clearInterval(heartbeat);
    onLost();
  }

  const onStorage = (e) => {
    if (heldId === null || e.key !== key(heldId)) return;
    const lock = read(heldId);
    if (lock && lock.tab !== tab) lose();
  };
  const onHide = () => {
    if (heldId === null) return;
    const lock = read(heldId);
    if (lock && lock.tab === tab) store.removeItem(key(heldId));
  };
  if (store) {
    window.addEventListener('storage', onStorage);
    window.addEventListener('pagehide', onHide);
  }

  return {
    /** The draft this tab holds, or null. */
    get held() { return heldId; },
    /** True when another tab holds a fresh lock on draft `id`. */
    busyElsewhere(id) {
      if (!store) return false;
      const lock = read(id);
      return Boolean(lock && lock.tab !== tab && Date.now() - lock.beat < STALE_MS);
    },
    acquire(id) {
      if (!store) { heldId = id; return; }
      this.release();
      heldId = id;
      write(id);
      heartbeat = setInterval(() => {
        const lock = read(id);
        if (lock && lock.tab !== tab) { lose(); return; }
        write(id);
      }, HEARTBEAT_MS);
    },
    /** Releases the lock and stops listening (a mounted form is destroyed). */
    close() {
      this.release();
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pagehide', onHide);
    },
    release() {
      if (heldId !== null && store) {
        const lock = read(heldId);
        if (lock && lock.tab === tab) store.removeItem(key(heldId));
      }
      heldId = null;
      clearInterval(heartbeat);
    },
  };
}
