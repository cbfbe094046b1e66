import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/lib/precompress';

const made: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-precompress-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const text = (seed: string) => JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ seed, i, name: `commune ${i}` })));

describe('precompressDir', () => {
  it('writes .br and .gz that decompress to the file, for compressible files of 1 KB or more only', () => {
    const dir = folder();
    writeFileSync(join(dir, 'communes.geojson'), text('a'));
    writeFileSync(join(dir, 'tiny.json'), '{}');
    writeFileSync(join(dir, 'image.png'), Buffer.alloc(4096, 7));
    expect(precompressDir(dir)).toEqual([join(dir, 'communes.geojson')]);
    const body = readFileSync(join(dir, 'communes.geojson'));
    expect(brotliDecompressSync(readFileSync(join(dir, 'communes.geojson.br')))).toEqual(body);
    expect(gunzipSync(readFileSync(join(dir, 'communes.geojson.gz')))).toEqual(body);
    expect(readdirSync(dir).sort()).toEqual(['communes.geojson', 'communes.geojson.br', 'communes.geojson.gz', 'image.png', 'tiny.json']);
  });

  it('with a cache, takes the copies of the same content from it and compresses new content', () => {
    const cache = folder();
    const first = folder();
    writeFileSync(join(first, 'a.json'), text('a'));
    precompressDir(first, cache);
    expect(readdirSync(cache).filter((n) => n.endsWith('.br'))).toHaveLength(1);
    // Mark the cached copy: a second build of the same content must copy it, not compress again.
    const cachedBr = join(
      cache,
      readdirSync(cache).find((n) => n.endsWith('.br'))!,
    );
    writeFileSync(cachedBr, 'from the cache');
    const second = folder();
    writeFileSync(join(second, 'a.json'), text('a'));
    writeFileSync(join(second, 'b.json'), text('b'));
    precompressDir(second, cache);
    expect(readFileSync(join(second, 'a.json.br'), 'utf8')).toBe('from the cache');
    expect(brotliDecompressSync(readFileSync(join(second, 'b.json.br'))).toString()).toBe(text('b'));
    expect(readdirSync(cache).filter((n) => n.endsWith('.part'))).toEqual([]);
    expect(readdirSync(cache)).toHaveLength(4);
  });
});
