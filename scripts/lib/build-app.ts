import { build } from 'vite';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Make sure public/data is built (a no-op when inputs are unchanged). */
export function ensureData(): void {
  if (existsSync(resolve(ROOT, 'public/data/regions.json')) && process.env.SKIP_DATA_BUILD) return;
  const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/build-data.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('the data build failed (npm run build:data)');
}

/**
 * Build the app with Vite into outDir (a folder of its own, so parallel runs never clash),
 * with the web component <maillage-map> in outDir/embed/ as `npm run build` does.
 */
export async function buildApp(outDir: string): Promise<string> {
  const out = resolve(ROOT, outDir);
  await asProduction(async () => {
    await build({
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: out, emptyOutDir: true },
    });
    await buildEmbedComponent(resolve(out, 'embed'));
  });
  return out;
}

/**
 * Vite keeps a NODE_ENV it finds set: under vitest ("test") the e2e build would
 * ship React's development build and jsx-dev-runtime. Tests and benchmarks must
 * exercise what is deployed.
 */
async function asProduction<T>(fn: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/** The web component's library build (vite.embed.config.ts) into outDir. */
export async function buildEmbedComponent(outDir: string): Promise<string> {
  await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.embed.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
