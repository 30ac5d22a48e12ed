// The place-name table of rule T004 (foreign place names in the prose). The page's WebAssembly
// leaves it out (34 KB gzipped, a sixth of the module): it is fetched when a report first has
// prose — an import, a draft, the first keystroke in a text field — and handed to the module;
// the report is then checked again. Until then, and if it cannot be loaded, T004 reports nothing.

/** wasm: the page's module; fetchText(): Promise<string> of pkg/places.tsv; store: the report store. */
export function createPlaces({ wasm, fetchText, store, onFailure }) {
  let loading = null;

  /** Resolves true once the table is there (at once when built in or installed before). */
  function ensure() {
    if (wasm.placeNamesAvailable()) return Promise.resolve(true);
    if (!loading) {
      loading = Promise.resolve().then(fetchText).then((text) => {
        wasm.installPlaceNames(text);
        store.edit('places', (s) => s.recheckAll());
        return true;
      }).catch((e) => {
        loading = null;
        if (onFailure) onFailure(e && e.message ? e.message : String(e));
        return false;
      });
    }
    return loading;
  }

  const hasProse = () => ['text.preamble', 'text.overview', 'text.problems', 'text.other'].some((path) => store.field(path).trim() !== '');

  store.on('change', (event) => {
    if (loading || wasm.placeNamesAvailable()) return;
    if (event.origin === 'prose' || (event.kind === 'replace' && hasProse())) ensure();
  });

  return { ensure };
}
