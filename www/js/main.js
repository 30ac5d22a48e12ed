// Entry point, started by loader.js once it knows the browser can run the page.
import { startPage, bootFailed } from './app.js';
import { servedPlatform } from './platform.js';

const platform = servedPlatform(new URL('../', import.meta.url));

// Inside an iframe only: the parent's trust and messages (frame.js).
const framed = window.parent !== window;
Promise.all([platform.load('xxgk_report'), framed ? import('./frame.js') : null])
  .then(([wasm, frame]) => startPage(wasm, platform, frame))
  .catch(bootFailed);
