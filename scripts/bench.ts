// `npm run bench`: every benchmark of the project in one table. Figures are for
// information; tests never assert timings. Each file in scripts/bench/ that
// exports `run(): Promise<BenchRow[]>` contributes its rows.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureData } from './lib/build-app';
import type { BenchRow } from './bench/types';

ensureData();
const dir = resolve(import.meta.dirname, 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const rows: BenchRow[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { run?: () => Promise<BenchRow[]> };
  if (!mod.run) continue;
  try {
    rows.push(...(await mod.run()));
  } catch (error) {
    rows.push({ group: file, name: 'error', value: String(error instanceof Error ? error.message : error) });
  }
}
const header = ['group', 'measure', 'value', 'vs baseline', 'note'];
const table = [header, ...rows.map((r) => [r.group, r.name, r.value, r.ratio ?? '', r.note ?? ''])];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((cell, j) => cell.padEnd(widths[j]!)).join(' | ')} |`);
  if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
}
process.exit(0);
