import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing (images and fonts are compressed already). */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|geojson|svg|txt|csv|webmanifest|map)$/;
/** Below this size a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Write `<file>.gz` and `<file>.br` beside every compressible file of `dir` (recursively),
 * so that a static server sends them as they are (Content-Encoding) instead of
 * compressing on each request, or not at all: see docs/hosting.md. Brotli at its
 * highest quality is slow to write and fast to read: it is done once, at build time.
 * Returns the files compressed.
 */
export function precompressDir(dir: string): string[] {
  const done: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      done.push(...precompressDir(path));
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name) || statSync(path).size < MIN_BYTES) continue;
    const body = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }),
    );
    done.push(path);
  }
  return done;
}

/** Vite plugin: precompress the whole output folder once everything (service worker included) is written. */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'maillage-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        precompressDir(outDir);
      },
    },
  };
}
