// The page inside an iframe: tells the parent how tall it is, takes a report from it when the
// clerk agrees, and tells it about changes only when asked. Messages go to, and are accepted
// from, window.parent at the allowed origins only: the page's own origin and those of the
// deployment setting (embed-config.js). Message shapes are documented in docs/embedding.md.

import { loadEmbedConfig } from './embed-config.js';

export const MESSAGE_PREFIX = 'xxgk-report:';
const CHANGE_DELAY_MS = 500;

/**
 * Whom the framed page trusts. `ancestor` is the parent's origin where the browser tells
 * (location.ancestorOrigins, Chromium), else null; a known parent outside the list is untrusted:
 * the page then keeps no draft and exchanges no message with it.
 */
export function frameTrust(configOrigins, ownOrigin, ancestor) {
  const allowed = [];
  // A file:// page has the opaque origin "null", to which nothing can be addressed.
  if (ownOrigin && ownOrigin !== 'null') allowed.push(ownOrigin);
  for (const origin of configOrigins) if (allowed.indexOf(origin) < 0) allowed.push(origin);
  const parent = typeof ancestor === 'string' && ancestor !== 'null' && ancestor !== '' ? ancestor : null;
  return { allowed, parent, trusted: parent === null || allowed.indexOf(parent) >= 0 };
}

export function parentOrigin() {
  const list = window.location.ancestorOrigins;
  return list && list.length ? list[0] : null;
}

/** Reads embed/config.json next to the page; resolves frameTrust(...) plus the setting's problems. */
export function frameSetting(pageUrl) {
  return loadEmbedConfig(pageUrl).then((config) =>
    Object.assign(frameTrust(config.origins, window.location.origin, parentOrigin()), { problems: config.problems }));
}

/**
 * app: {loadFromParent(report) → Promise (rejects with a Chinese message), report(), findings(),
 *       store (for change events)}
 */
export function connectFrame(app, trust) {
  if (!trust.trusted) return { close() {} };
  const origins = trust.parent ? [trust.parent] : trust.allowed;
  const post = (message) => {
    for (const origin of origins) {
      try { window.parent.postMessage(message, origin); } catch (e) { /* not addressable */ }
    }
  };
  let subscription = null; // {report: boolean} once the parent asked for change messages
  let changeTimer = 0;

  const counts = (findings) => {
    const c = { errors: 0, warnings: 0, infos: 0 };
    for (const f of findings) {
      if (f.severity === 'error') c.errors += 1; else if (f.severity === 'warning') c.warnings += 1; else c.infos += 1;
    }
    return c;
  };

  function sendChange() {
    if (!subscription) return;
    const findings = app.findings();
    const message = { type: MESSAGE_PREFIX + 'change', counts: counts(findings) };
    if (subscription.report) {
      message.report = app.report();
      message.findings = findings;
    }
    post(message);
  }

  const onMessage = (e) => {
    if (e.source !== window.parent || trust.allowed.indexOf(e.origin) < 0) return;
    const data = e.data;
    if (!data || typeof data.type !== 'string' || !data.type.startsWith(MESSAGE_PREFIX)) return;
    const type = data.type.slice(MESSAGE_PREFIX.length);
    if (type === 'load') {
      app.loadFromParent(data.report).then(
        () => post({ type: MESSAGE_PREFIX + 'loaded' }),
        (err) => post({ type: MESSAGE_PREFIX + 'error', message: err && err.message ? err.message : String(err) }),
      );
    } else if (type === 'get') {
      post({ type: MESSAGE_PREFIX + 'report', report: app.report(), findings: app.findings() });
    } else if (type === 'subscribe') {
      subscription = { report: data.report === true };
      sendChange();
    } else if (type === 'unsubscribe') {
      subscription = null;
    }
  };
  window.addEventListener('message', onMessage);

  const off = app.store.on('change', () => {
    if (!subscription) return;
    clearTimeout(changeTimer);
    changeTimer = setTimeout(sendChange, CHANGE_DELAY_MS);
  });

  let lastHeight = -1;
  const sendHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post({ type: MESSAGE_PREFIX + 'resize', height });
  };
  let observer = null;
  let poll = 0;
  if (typeof ResizeObserver === 'function') {
    observer = new ResizeObserver(sendHeight);
    observer.observe(document.documentElement);
  } else {
    poll = setInterval(sendHeight, 500);
  }
  sendHeight();
  post({ type: MESSAGE_PREFIX + 'ready' });
  return {
    close() {
      window.removeEventListener('message', onMessage);
      off();
      if (observer) observer.disconnect();
      clearInterval(poll);
    },
  };
}
