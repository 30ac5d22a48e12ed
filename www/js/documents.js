// Helpers for the export buttons: the core's HTML into DOM nodes, and the clipboard.

/**
 * The nodes of an HTML fragment written by the core's exporter (export::html, which escapes every
 * piece of user text). Parsed in an inert document: nothing in it runs or loads.
 */
export function fragmentNodes(html) {
  const parsed = new DOMParser().parseFromString('<!DOCTYPE html><html><body>' + html + '</body></html>', 'text/html');
  return Array.prototype.map.call(parsed.body.childNodes, (node) => document.importNode(node, true));
}

/** Writes text to the clipboard; resolves false when the browser does not allow it. */
export function copyText(text) {
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return Promise.resolve(false);
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}
