import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localImportClosure, sameHashes } from '../../scripts/lib/territory-hash.ts';
import { scratch } from '../fixtures/territory/fixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await scratch('territory-hash');
  await mkdir(join(dir, 'lib'));
  await mkdir(join(dir, 'domain', 'catalogue'), { recursive: true });
  await writeFile(join(dir, 'entry.ts'), "import { a } from './lib/a.ts';\nimport type { T } from './domain/types.ts';\nimport x from 'mapshaper';\n");
  await writeFile(join(dir, 'lib', 'a.ts'), "export { c } from '../domain/catalogue';\nconst m = await import('./lazy.ts');\n");
  await writeFile(join(dir, 'lib', 'lazy.ts'), 'export const lazy = 1;\n');
  await writeFile(join(dir, 'lib', 'unused.ts'), 'export const unused = 1;\n');
  await writeFile(join(dir, 'domain', 'types.ts'), 'export type T = 1;\n');
  await writeFile(join(dir, 'domain', 'catalogue', 'index.ts'), "export const c = 1;\nimport './index.ts';\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('localImportClosure', () => {
  it('follows relative imports (static, re-exports, dynamic, folder index), not packages or unused files', () => {
    const files = localImportClosure([join(dir, 'entry.ts'), join(dir, 'missing.ts')]).map((f) => f.slice(dir.length + 1));
    expect(files).toEqual(['domain/catalogue/index.ts', 'domain/types.ts', 'entry.ts', 'lib/a.ts', 'lib/lazy.ts']);
  });
});

describe('sameHashes', () => {
  it('ignores key order and sees any added, removed or changed key', () => {
    expect(sameHashes({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameHashes({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameHashes({ a: '1', b: '2' }, { a: '1', b: '3' })).toBe(false);
  });
});
