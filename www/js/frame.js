// The page inside an iframe: tells the parent how tall it is, takes a report from it, and tells it
// about changes. Messages go to, and are accepted from, the allowed parent origins only: those
// named by `?parent-origin=` (repeatable or comma-separated), else the page's own origin.
// Message shapes are documented in docs/embedding.md.

export const MESSAGE_PREFIX = 'xxgk-report:';

export function allowedOrigins(search, ownOrigin) {
  const origins = [];
  for (const value of new URLSearchParams(search).getAll('parent-origin')) {
    for (const part of value.split(',')) {
      const origin = part.trim();
      if (origin && origins.indexOf(origin) < 0) origins.push(origin);
    }
  }
  // A file:// page has the opaque origin "null", to which nothing can be addressed.
  if (!origins.length && ownOrigin && ownOrigin !== 'null') origins.push(ownOrigin);
  return origins;
}

export function connectFrame(app) {
  const origins = allowedOrigins(window.location.search, window.location.origin);
  const post = (message) => {
    for (const origin of origins) {
      try { window.parent.postMessage(message, origin); } catch (e) { /* a malformed origin in the URL */ }
    }
  };

  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || origins.indexOf(e.origin) < 0) return;
    const data = e.data;
    if (!data || data.type !== MESSAGE_PREFIX + 'load') return;
    try {
      app.loadJson(data.report);
      post({ type: MESSAGE_PREFIX + 'loaded' });
    } catch (err) {
      const message = err && err.message ? err.message : String(err);
      app.showAlert('未能载入门户网站传来的报告：' + message);
      post({ type: MESSAGE_PREFIX + 'error', message });
    }
  });

  app.onFrameChange = (report, findings) => post({ type: MESSAGE_PREFIX + 'change', report, findings });

  let lastHeight = -1;
  const sendHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post({ type: MESSAGE_PREFIX + 'resize', height });
  };
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(sendHeight).observe(document.documentElement);
  } else {
    setInterval(sendHeight, 500);
  }
  sendHeight();
  post({ type: MESSAGE_PREFIX + 'ready' });
}
