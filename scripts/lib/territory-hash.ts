// Input hashes: the build is skipped when the hashes stored in a region's
// manifest equal the current ones (same input files, config, package versions,
// build code and options).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function hashFile(path: string): Promise<string> {
  return sha256(await readFile(path));
}

/** All files under `dir` whose name ends with one of `exts`, sorted (empty if dir is absent). */
export function listFiles(dir: string, exts: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (exts.some((e) => name.endsWith(e))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** One hash over many files, sensitive to their paths (relative to root) and contents. */
export async function hashFiles(root: string, files: readonly string[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(relative(root, f).split(sep).join('/'));
    h.update('\0');
    h.update(await readFile(f));
    h.update('\0');
  }
  return h.digest('hex');
}

/** Same keys and values, whatever the key order. */
export function sameHashes(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

const LOCAL_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The entry files plus every local TypeScript module they import, transitively
 * (relative specifiers only; packages are covered by their versions). Sorted.
 */
export function localImportClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = entries.filter((e) => existsSync(e)).map((e) => resolve(e));
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(LOCAL_IMPORT)) {
      const spec = m[1] as string;
      const base = resolve(dirname(file), spec);
      const found = [base, `${base}.ts`, join(base, 'index.ts')].find((c) => c.endsWith('.ts') && existsSync(c) && statSync(c).isFile());
      if (found && !seen.has(found)) stack.push(found);
    }
  }
  return [...seen].sort();
}
