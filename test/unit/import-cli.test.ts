// `npm run import`: the same pipeline from the command line, on the region's built data (npm test builds it first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './import-helpers';

const dir = mkdtempSync(join(tmpdir(), 'maillage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  if (!existsSync(resolve(ROOT, 'public/data/occitanie/communes.json'))) throw new Error('run "npm run build:data" first');
  return spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('npm run import', () => {
  it('prints a report accounting for every line, writes the valid rows and the rejected ones with their reason', () => {
    const out = join(dir, 'valid.geojson');
    const rejected = join(dir, 'rejected.csv');
    const run = cli(resolve(FIXTURES, 'errors.csv'), '--out', out, '--rejected', rejected);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Every line accounted for: 1 header + 9 rows on 9 lines + 0 blank + 0 above the header = 10 of 10 lines');
    expect(run.stdout).toContain('Rows: 3 valid, 0 kept with warnings, 6 rejected (of 9)');
    expect(run.stdout).toContain('Every row accounted for: 3 valid + 0 with warnings + 6 rejected + 0 blank + 0 above the header = 9 rows below the header');
    expect(run.stdout).toMatch(/errors\.csv:3 error: .*quote/);
    const geo = JSON.parse(readFileSync(out, 'utf8')) as { features: Array<{ properties: { id: string } }> };
    expect(geo.features.map((f) => f.properties.id)).toEqual(['ok-1', 'ok-2', 'ok-3']);
    const lines = readFileSync(rejected, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // Two unnamed columns more: the shifted row on line 5 has 7 values for 5 columns, all kept.
    expect(lines[0]).toBe('reason;line;id;Nom;Type;Code INSEE;Courriel;;');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/;3;broken;/);
  });

  it('finds the real commune of each Lambert-93 point and writes CSV when asked', () => {
    const out = join(dir, 'valid.csv');
    const run = cli(resolve(FIXTURES, 'cp1252-semicolon-lambert93.csv'), '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('File: windows-1252, separator ";"');
    expect(run.stdout).toContain('5 converted from Lambert-93');
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFid;name;')).toBe(true);
    for (const code of ['48095', '81004', '09122', '12202', '46042']) expect(csv).toContain(`;${code};`);
  });

  it('exits 1 when no row is imported, still writing every rejected row', () => {
    const file = join(dir, 'all-rejected.csv');
    writeFileSync(file, 'Nom;Type;Code INSEE\r\nA;inconnu;81004\r\nB;;09122\r\n');
    const run = cli(file, '--out', join(dir, 'none.geojson'), '--rejected', join(dir, 'none.rejected.csv'));
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('no row imported');
    expect(readFileSync(join(dir, 'none.rejected.csv'), 'utf8').trim().split('\r\n')).toHaveLength(3);
  });

  it('exits 2 when the file cannot be read', () => {
    const run = cli(join(dir, 'missing.csv'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot be read');
  });

  it('refuses a binary file with the reason and exit code 2', () => {
    const run = cli(resolve(FIXTURES, 'workbook.xlsx'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('save it as CSV');
  });
});
