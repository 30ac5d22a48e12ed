// The deployment setting of the static folder: which parent origins may frame the page and talk
// to it. It lives in embed/config.json next to the page, which the deployer edits (it is not a
// URL parameter, which whoever frames the page would write):
//   {"allowedParentOrigins": ["https://www.example.gov.cn"]}
// Default (no file, an empty list, or a file that cannot be read): no other origin is trusted;
// the page's own origin always is.

export const CONFIG_PATH = 'embed/config.json';

/** An origin exactly as the browser writes it ("https://host[:port]"), or null. */
export function normaliseOrigin(text) {
  if (typeof text !== 'string' || text.trim() === '' || text.indexOf('*') >= 0) return null;
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === text.trim().replace(/\/$/, '') ? url.origin : null;
  } catch (e) {
    return null;
  }
}

/** Reads config.json's text; {origins, problems: [Chinese lines]}. */
export function parseConfig(text) {
  const problems = [];
  let data;
  try { data = JSON.parse(text); } catch (e) {
    return { origins: [], problems: [CONFIG_PATH + ' 不是有效的 JSON：' + e.message] };
  }
  const list = data && Array.isArray(data.allowedParentOrigins) ? data.allowedParentOrigins : null;
  if (!list) return { origins: [], problems: data && data.allowedParentOrigins !== undefined ? [CONFIG_PATH + ' 中 allowedParentOrigins 应为网址列表'] : [] };
  const origins = [];
  for (const entry of list) {
    const origin = normaliseOrigin(entry);
    if (origin === null) problems.push(CONFIG_PATH + ' 中的「' + String(entry) + '」不是一个来源（应写作 https://www.example.gov.cn，不含路径，不能用 *）');
    else if (origins.indexOf(origin) < 0) origins.push(origin);
  }
  return { origins, problems };
}

/** Loads the setting from next to the page (`base`: the page's URL). Never rejects. */
export function loadEmbedConfig(base) {
  if (typeof fetch !== 'function' || /^file:/.test(base)) return Promise.resolve({ origins: [], problems: [] });
  return fetch(new URL(CONFIG_PATH, base).href, { cache: 'no-cache', credentials: 'same-origin' })
    .then((response) => (response.ok ? response.text().then(parseConfig) : { origins: [], problems: [] }))
    .catch(() => ({ origins: [], problems: [] }));
}
