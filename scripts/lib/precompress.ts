import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing (images and fonts are compressed already). */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|geojson|pbf|svg|txt|csv|webmanifest|map)$/;
/** Below this size a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Write `<file>.gz` and `<file>.br` beside every compressible file of `dir` (recursively),
 * so that a static server sends them as they are (Content-Encoding) instead of
 * compressing on each request, or not at all: see docs/hosting.md. Brotli at its
 * highest quality is slow to write and fast to read (a fifth smaller than quality 9 on
 * the commune contours, about 18 s for a whole build on 2 cores): with `cacheDir`, the
 * copies are kept there by content, so the next build (the same data, often the same
 * chunks) copies them instead of compressing again. Returns the files compressed or copied.
 */
export function precompressDir(dir: string, cacheDir?: string): string[] {
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const done: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      done.push(...precompressDir(path, cacheDir));
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name) || statSync(path).size < MIN_BYTES) continue;
    const body = readFileSync(path);
    const cached = cacheDir ? join(cacheDir, createHash('sha256').update(body).digest('hex').slice(0, 32)) : null;
    if (cached && existsSync(`${cached}.br`) && existsSync(`${cached}.gz`)) {
      copyFileSync(`${cached}.gz`, `${path}.gz`);
      copyFileSync(`${cached}.br`, `${path}.br`);
      const now = new Date();
      utimesSync(`${cached}.br`, now, now); // in use: kept by pruneCache
    } else {
      const gz = gzipSync(body, { level: 9 });
      const br = brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
      writeFileSync(`${path}.gz`, gz);
      writeFileSync(`${path}.br`, br);
      // Written aside then renamed: a build stopped half-way never leaves a truncated copy to reuse.
      if (cached) {
        for (const [ext, bytes] of [
          ['.gz', gz],
          ['.br', br],
        ] as const) {
          writeFileSync(`${cached}${ext}.part`, bytes);
          renameSync(`${cached}${ext}.part`, `${cached}${ext}`);
        }
      }
    }
    done.push(path);
  }
  return done;
}

/** Where builds keep their compressed copies by content (git-ignored). */
export function precompressCache(root: string): string {
  return resolve(root, '.cache/precompress');
}

/** Copies no build has used for this long are removed (each edit of the app makes new chunks). */
const CACHE_DAYS = 14;

function pruneCache(cacheDir: string): void {
  const oldest = Date.now() - CACHE_DAYS * 86_400_000;
  for (const name of readdirSync(cacheDir)) {
    if (!name.endsWith('.br') || statSync(join(cacheDir, name)).mtimeMs >= oldest) continue;
    rmSync(join(cacheDir, name), { force: true });
    rmSync(join(cacheDir, name.replace(/\.br$/, '.gz')), { force: true });
  }
}

/** Vite plugin: precompress the whole output folder once everything (service worker included) is written. */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  let cacheDir = '';
  return {
    name: 'maillage-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      cacheDir = precompressCache(config.root);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        precompressDir(outDir, cacheDir);
        pruneCache(cacheDir);
      },
    },
  };
}
