// A static file server for pages that load built files (the benchmark, the dist smoke test):
// each mount maps a URL prefix to a folder; nothing outside the folders is served.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';

// Module scripts are refused without a JavaScript MIME type.
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html', '.map': 'application/json' };

/** Serves `mounts` (`{ '/dist/': folder }`) on a free port of 127.0.0.1; resolves to the listening server. */
export function serveStatic(mounts) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    const file = mount && resolve(mounts[mount], `.${path.slice(mount.length - 1)}`);
    // Nothing outside the mounted folders, whatever `..` the path holds.
    if (!file || !file.startsWith(mounts[mount] + sep)) return response.writeHead(404).end();
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return response.writeHead(404).end();
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}
