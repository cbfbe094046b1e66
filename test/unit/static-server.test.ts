import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

// The end-to-end tests' file server must keep every request inside its root.
// Requests go through node:http with the path as written: fetch() would
// normalise `..` and `%2e%2e` away before sending.

let dir: string;
let served: StaticServer;

function get(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(served.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${path}`)));
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-server-'));
  mkdirSync(join(dir, 'app', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'app-evil'));
  writeFileSync(join(dir, 'app', 'index.html'), 'home');
  writeFileSync(join(dir, 'app', 'sub', 'a b.txt'), 'inside');
  writeFileSync(join(dir, 'app-evil', 'x'), 'SECRET');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  served = await serveStatic(join(dir, 'app'));
});

afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static test server', () => {
  it('serves files inside its root, including encoded names and the root index', async () => {
    expect(await get('/sub/a%20b.txt')).toEqual({ status: 200, body: 'inside' });
    expect(await get('/sub%2Fa%20b.txt')).toEqual({ status: 200, body: 'inside' });
    expect(await get('/')).toEqual({ status: 200, body: 'home' });
  });

  it.each(['/..%2Fapp-evil/x', '/%2e%2e%2Fapp-evil/x', '/..%2F..%2F' + 'etc/hostname', '/sub/..%2F..%2Fsecret.txt', '/../app-evil/x', '/%2e%2e/secret.txt'])(
    'refuses %s, which escapes the root',
    async (path) => {
      const res = await get(path);
      expect(res.body).not.toContain('SECRET');
      expect([403, 404]).toContain(res.status);
    },
  );

  it('answers 403 to a path that decodes to a sibling folder of the root', async () => {
    expect((await get('/..%2Fapp-evil/x')).status).toBe(403);
  });

  it('answers 400 to a malformed escape and keeps serving', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/sub/a%20b.txt')).status).toBe(200);
  });
});

describe('static server as a host', () => {
  let host: StaticServer;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'static-host-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app-AbCd1234.js'), 'plain');
    writeFileSync(join(root, 'assets', 'app-AbCd1234.js.gz'), 'gzipped');
    writeFileSync(join(root, 'assets', 'app-AbCd1234.js.br'), 'brotli');
    writeFileSync(join(root, 'data.json'), '{}');
    for (const dir of ['r/tiles/0123456789ab/9/259/187', 'r/tiles/9/259', 'r/tiles/0123456789AB/9/259']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'r/tiles/0123456789ab/9/259/187.pbf'), 'tile');
    writeFileSync(join(root, 'r/tiles/9/259/187.pbf'), 'tile');
    writeFileSync(join(root, 'r/tiles/0123456789AB/9/259/187.pbf'), 'tile');
    host = await serveStatic(root);
  });
  afterAll(async () => {
    await host.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function fetchRaw(path: string, headers: Record<string, string> = {}) {
    const { hostname, port } = new URL(host.url);
    return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
      const req = request({ hostname, port, path, headers }, (res) => {
        let body = '';
        res.setEncoding('latin1');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', fail);
      req.end();
    });
  }

  it('sends the precompressed copy the client accepts, brotli first, and the plain file otherwise', async () => {
    const br = await fetchRaw('/assets/app-AbCd1234.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect([br.body, br.headers['content-encoding']]).toEqual(['brotli', 'br']);
    const gz = await fetchRaw('/assets/app-AbCd1234.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect([gz.body, gz.headers['content-encoding']]).toEqual(['gzipped', 'gzip']);
    const plain = await fetchRaw('/assets/app-AbCd1234.js');
    expect([plain.body, plain.headers['content-encoding']]).toEqual(['plain', undefined]);
    expect(br.headers.vary).toBe('Accept-Encoding');
  });

  it('caches hashed files for a year, revalidates the rest, and answers 304 to a matching ETag', async () => {
    expect((await fetchRaw('/assets/app-AbCd1234.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const data = await fetchRaw('/data.json');
    expect(data.headers['cache-control']).toBe('no-cache');
    const again = await fetchRaw('/data.json', { 'if-none-match': String(data.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('caches commune tiles for a year only in a versioned folder (12 lowercase hex digits)', async () => {
    expect((await fetchRaw('/r/tiles/0123456789ab/9/259/187.pbf')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await fetchRaw('/r/tiles/9/259/187.pbf')).headers['cache-control']).toBe('no-cache');
    expect((await fetchRaw('/r/tiles/0123456789AB/9/259/187.pbf')).headers['cache-control']).toBe('no-cache');
  });
});
