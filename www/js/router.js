// The page's views (the report form, 本机草稿, and later the batch view): one shown at a time
// under the toolbar. A view is {name, element, title, onShow()}; show(name) hides the others,
// moves focus to the view's heading and tells listeners.

export function createRouter(container) {
  const views = new Map();
  const listeners = [];
  let current = null;

  return {
    add(view) {
      views.set(view.name, view);
      view.element.hidden = true;
      view.element.setAttribute('data-view', view.name);
      container.appendChild(view.element);
    },
    get current() { return current; },
    show(name, { focus = true } = {}) {
      const view = views.get(name);
      if (!view) throw new Error('no view ' + name);
      for (const other of views.values()) other.element.hidden = other !== view;
      const previous = current;
      current = name;
      if (view.onShow) view.onShow();
      if (focus && previous !== null && previous !== name && view.focusTarget) view.focusTarget().focus();
      for (const fn of listeners) fn(name, previous);
    },
    onChange(fn) { listeners.push(fn); },
  };
}
