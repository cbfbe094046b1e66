import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './build-app';
import { precompressCache, precompressDir } from './precompress';

/**
 * A production build (with the test hook) of another commit, for benchmarks that compare
 * the working tree with it in the same run: `BENCH_PREVIOUS` (a ref, default `HEAD~1`),
 * checked out with `git worktree` under .cache/bench-previous/<sha>, its data built from
 * the same territory sources and its app built by its own scripts. Kept by commit, so a
 * second run reuses it. Returns null when the ref cannot be built (the caller says so).
 */
export function previousBuild(ref = process.env.BENCH_PREVIOUS ?? 'HEAD~1'): { ref: string; sha: string; dist: string } | { ref: string; error: string } {
  let sha: string;
  try {
    sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return { ref, error: `unknown ref ${ref}` };
  }
  const tree = resolve(ROOT, '.cache/bench-previous', sha.slice(0, 12));
  const dist = resolve(tree, '.cache/bench-build');
  if (existsSync(resolve(dist, 'index.html'))) return { ref, sha, dist };
  try {
    if (!existsSync(resolve(tree, 'package.json'))) {
      mkdirSync(resolve(ROOT, '.cache/bench-previous'), { recursive: true });
      execFileSync('git', ['worktree', 'add', '--force', '--detach', tree, sha], { cwd: ROOT, stdio: 'ignore' });
    }
    // Same dependencies as the working tree (a ref far back with other ones may fail to build).
    if (!existsSync(resolve(tree, 'node_modules'))) symlinkSync(resolve(ROOT, 'node_modules'), resolve(tree, 'node_modules'), 'dir');
    const shared = resolve(ROOT, '..', 'shared', 'data', 'territory');
    const env = { ...process.env, ...(process.env.TERRITORY_SOURCE || !existsSync(shared) ? {} : { TERRITORY_SOURCE: shared }) };
    const script = resolve(tree, '.cache/bench-build.mts');
    mkdirSync(resolve(tree, '.cache'), { recursive: true });
    writeFileSync(script, `import { buildApp } from '../scripts/lib/build-app.ts';\nawait buildApp('.cache/bench-build', { testHook: true });\n`);
    for (const args of [['scripts/build-data.ts'], [script]]) {
      const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], {
        cwd: tree,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (run.status !== 0) return { ref, error: `${args[0]} failed in ${tree}` };
    }
  } catch (error) {
    return { ref, error: String(error instanceof Error ? error.message : error) };
  }
  // A build made before precompression existed gets its copies here, so both builds are
  // served alike (the same static server, brotli and gzip) and only the app differs.
  if (!existsSync(resolve(dist, 'index.html.br'))) precompressDir(dist, precompressCache(ROOT));
  return { ref, sha, dist };
}
