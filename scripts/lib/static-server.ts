import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { VERSIONED_TILE_PATH } from '../../src/domain/tiles.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.pbf': 'application/x-protobuf',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Built files whose name carries a content hash (Vite's `assets/name-Hash8.js`, Workbox's
 * `workbox-hash.js`): a new build gives them a new name, so they can be cached for a year.
 */
export const HASHED = /[-.][A-Za-z0-9_-]{8,}\.(?:js|mjs|css|woff2?|png|svg|webp)$/;

/**
 * Cache-Control for a served path: hashed files and the commune tiles of a versioned folder
 * (`tiles/<version>/…`, src/domain/tiles.ts) for good, the rest revalidated each time (cheap: ETag, 304).
 */
export function cacheControl(path: string): string {
  const forGood = (HASHED.test(path) && !path.endsWith('sw.js')) || VERSIONED_TILE_PATH.test(path);
  return forGood ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The precompressed copy to send for an Accept-Encoding header, preferring brotli. */
function pickEncoding(path: string, accept: string): { file: string; encoding: 'br' | 'gzip' } | null {
  const accepted = new Set(
    accept
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name!.trim().toLowerCase()),
  );
  for (const [encoding, ext] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (!accepted.has(encoding)) continue;
    try {
      if (statSync(path + ext).isFile()) return { file: path + ext, encoding };
    } catch {
      // no such copy
    }
  }
  return null;
}

/**
 * A tiny static file server on 127.0.0.1 for end-to-end tests and benchmarks:
 * no dependency, a random free port, paths kept inside the root. It serves as a
 * well-configured static host would (docs/hosting.md): the build's precompressed
 * copies (`.br`, `.gz`) with Content-Encoding, hashed files cached for a year
 * (immutable), the rest revalidated with an ETag (304 when unchanged).
 */
export async function serveStatic(
  root: string,
  options: { headers?: Record<string, string>; onResponse?: (pathname: string, status: number) => void } = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    // What was asked and answered, for a test that counts downloads.
    if (options.onResponse) res.on('finish', () => options.onResponse!(new URL(req.url ?? '/', 'http://localhost').pathname, res.statusCode));
    const url = new URL(req.url ?? '/', 'http://localhost');
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let path = normalize(join(base, decoded));
    // Inside the root means the root itself or below `root/`: a bare prefix test lets
    // `/..%2Fapp-evil/x` (decoded after URL normalisation) reach a sibling `<root>-evil`.
    if (decoded.includes('\0') || (path !== base && !path.startsWith(base + sep))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const stat = statSync(path);
      const compressed = pickEncoding(path, String(req.headers['accept-encoding'] ?? ''));
      const sent = compressed ? statSync(compressed.file) : stat;
      const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${compressed ? `-${compressed.encoding}` : ''}"`;
      const headers: Record<string, string | number> = {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': cacheControl(path),
        etag,
        vary: 'Accept-Encoding',
        ...options.headers,
      };
      if (compressed) headers['content-encoding'] = compressed.encoding;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      headers['content-length'] = sent.size;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') res.end();
      else createReadStream(compressed?.file ?? path).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
