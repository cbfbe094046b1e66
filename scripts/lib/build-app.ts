import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
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
 *
 * Each build runs in a child process: Vite's bundler keeps native threads alive in
 * the process that called it, which kept vitest from exiting after the e2e run.
 * NODE_ENV is forced to production: Vite keeps one it finds set, and under vitest
 * ("test") the build would ship React's development build. Tests and benchmarks
 * must exercise what is deployed.
 *
 * `testHook: true` builds in window.__maillageMap (src/map/map-controller.ts), which the
 * end-to-end driver and the benchmarks read; it is the only difference from a deployed
 * build, and the size check measures a build without it.
 */
export async function buildApp(outDir: string, options: { testHook?: boolean } = {}): Promise<string> {
  const out = resolve(ROOT, outDir);
  await viteBuild(['--outDir', out], options.testHook);
  await buildEmbedComponent(resolve(out, 'embed'), options);
  return out;
}

/** The web component's library build (vite.embed.config.ts) into outDir. */
export async function buildEmbedComponent(outDir: string, options: { testHook?: boolean } = {}): Promise<string> {
  await viteBuild(['--config', resolve(ROOT, 'vite.embed.config.ts'), '--outDir', outDir], options.testHook);
  return outDir;
}

function viteBuild(args: string[], testHook = false): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--emptyOutDir', '--logLevel', 'warn', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', MAILLAGE_TEST_HOOK: testHook ? '1' : '' },
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`vite build ${args.join(' ')} failed (exit ${code})`))));
  });
}
