// Tiny dependency-free static file server for tests and `./build.sh serve`.
// startServer(rootDir, {headers, port, host}) -> {url, port, close()}
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const MIME = {
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

function contentType(file) {
  if (file.endsWith('.d.ts')) return 'application/typescript; charset=utf-8';
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function startServer(rootDir, { headers = {}, port = 0, host = '127.0.0.1' } = {}) {
  const root = path.resolve(rootDir);
  const server = http.createServer((req, res) => {
    const base = {
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, base).end();
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, base).end();
      return;
    }
    let file = path.join(root, rel);
    // Refuse anything that escapes the root directory.
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403, base).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        file = path.join(file, 'index.html');
      }
      fs.readFile(file, (err2, body) => {
        if (err2) {
          res.writeHead(404, { ...base, 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('404 not found\n');
          return;
        }
        res.writeHead(200, { ...base, 'Content-Type': contentType(file), 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({
        url: `http://${host}:${p}/`,
        port: p,
        server,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}
