// CLI: node tests/e2e/support/serve.mjs [ROOT] [PORT]  (used by `./build.sh serve`)
import { startServer } from './server.mjs';

const root = process.argv[2] ?? 'www';
const port = Number(process.argv[3] ?? 8080);
const { url } = await startServer(root, { port });
console.log(`Serving ${root} at ${url}  (Ctrl-C to stop)`);
