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
 */
export async function buildApp(outDir: string): Promise<string> {
  const out = resolve(ROOT, outDir);
  await viteBuild(['--outDir', out]);
  await buildEmbedComponent(resolve(out, 'embed'));
  return out;
}

/** The web component's library build (vite.embed.config.ts) into outDir. */
export async function buildEmbedComponent(outDir: string): Promise<string> {
  await viteBuild(['--config', resolve(ROOT, 'vite.embed.config.ts'), '--outDir', outDir]);
  return outDir;
}

function viteBuild(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--emptyOutDir', '--logLevel', 'warn', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`vite build ${args.join(' ')} failed (exit ${code})`))));
  });
}
