// `npm run catalogue -- apply`: a temporary copy of the Occitanie catalogue, never data/structures.csv.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE_COLUMNS, parseCatalogueCsv, validateStructures } from '../../src/domain/catalogue/index.ts';
import type { Commune, RegionConfig } from '../../src/domain/types.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const REAL = resolve(ROOT, 'data/structures.csv');
const HEADER = CATALOGUE_COLUMNS.join(',');
const dir = mkdtempSync(join(tmpdir(), 'maillage-catalogue-'));
const catalogue = join(dir, 'structures.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const built = existsSync(resolve(ROOT, 'public/data/occitanie/communes.json'));

function cli(...args: string[]) {
  return spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/catalogue.ts'), 'apply', ...args, '--catalogue', catalogue],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
}

/** A file of rows; `rows` are full CSV lines. */
function input(name: string, ...rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${HEADER}\n${rows.join('\n')}\n`);
  return path;
}

const original = readFileSync(REAL, 'utf8');
const lines = original.trimEnd().split('\n');
const parsed = parseCatalogueCsv(original);
/** A catalogue row with a quote, by id, as its raw values. */
const sample = parsed.rows.find((r) => r.values.quote !== '' && r.values.phone === '' && !r.values.description.includes('\n'))!;
const cells = (over: Partial<Record<string, string>>) => {
  const v: Record<string, string> = { ...sample.values, ...over };
  return CATALOGUE_COLUMNS.map((c) => (/[",\n]/.test(v[c]!) ? `"${v[c]!.replace(/"/g, '""')}"` : v[c]!)).join(',');
};
const newRow = (id: string, name: string) =>
  CATALOGUE_COLUMNS.map(
    (c) =>
      ({
        id,
        name,
        type: 'maison_region',
        stages: 'emergence',
        commune: '11069',
        source: 'https://example.org/maison',
        quote: 'une Maison',
        updated: '2026-12-01',
        status: 'to_check',
      })[c as string] ?? '',
  ).join(',');

beforeEach(() => copyFileSync(REAL, catalogue));

describe.skipIf(!built)('npm run catalogue -- apply', () => {
  it('prints the changed fields of a corrected row and writes nothing without --write', () => {
    const file = input('phone.csv', cells({ phone: '05 61 00 00 00', updated: '2026-12-01' }));
    const run = cli(file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`~ changed ${sample.values.id}:`);
    expect(run.stdout).toContain('    phone: "" → "05 61 00 00 00"');
    expect(run.stdout).toContain('0 new, 1 changed, 0 unchanged');
    expect(run.stdout).toContain('Not written');
    expect(readFileSync(catalogue, 'utf8')).toBe(original);
  });

  it('with --write, rewrites only that row, in place; the result reads back with zero errors', () => {
    const file = input('phone.csv', cells({ phone: '05 61 00 00 00', updated: '2026-12-01' }));
    const run = cli(file, '--write');
    expect(run.status, run.stderr).toBe(0);
    const after = readFileSync(catalogue, 'utf8');
    const afterLines = after.trimEnd().split('\n');
    expect(afterLines).toHaveLength(lines.length);
    const changed = afterLines.map((l, i) => (l === lines[i] ? null : i + 1)).filter((x) => x !== null);
    expect(changed).toEqual([sample.line]);
    const config = JSON.parse(readFileSync(resolve(ROOT, 'data/regions/occitanie.json'), 'utf8')) as RegionConfig;
    const communes = JSON.parse(readFileSync(resolve(ROOT, 'public/data/occitanie/communes.json'), 'utf8')) as Commune[];
    const back = parseCatalogueCsv(after);
    const { structures, issues } = validateStructures(back.rows, { config, communes: new Map(communes.map((c) => [c.code, c])) });
    expect([...back.issues, ...issues].filter((i) => i.severity === 'error')).toEqual([]);
    expect(structures.find((s) => s.id === sample.values.id)).toMatchObject({ phone: '05 61 00 00 00', updated: '2026-12-01' });
  });

  it('appends new rows in id order after the existing ones, which keep their order', () => {
    const file = input('new.csv', newRow('zz-maison-carcassonne', 'Maison de la Région Carcassonne'), newRow('aa-maison-carcassonne', 'Maison B'));
    const run = cli(file, '--write');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('+ new aa-maison-carcassonne: Maison B (maison_region, 11069)');
    expect(run.stdout).toContain('2 new, 0 changed, 0 unchanged');
    const afterLines = readFileSync(catalogue, 'utf8').trimEnd().split('\n');
    expect(afterLines.slice(0, lines.length)).toEqual(lines);
    expect(afterLines.slice(lines.length).map((l) => l.split(',')[0])).toEqual(['aa-maison-carcassonne', 'zz-maison-carcassonne']);
  });

  it('leaves the file byte-identical when nothing changes, even with --write', () => {
    const file = input('same.csv', lines[sample.line - 1]!);
    const run = cli(file, '--write');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('0 new, 0 changed, 1 unchanged');
    expect(readFileSync(catalogue, 'utf8')).toBe(original);
  });

  it('reports every error with file:line [field] and its reason, exits 1 and writes nothing', () => {
    const file = input(
      'bad.csv',
      cells({ commune: '9122', updated: '2026-12-01' }),
      newRow('sans-source', 'Sans source').replace('https://example.org/maison', ''),
      newRow('sans-citation', 'X').replace('une Maison', ''),
    );
    const run = cli(file, '--write');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.csv:2 \[commune\] error: Commune "9122" has 4 digits/);
    expect(run.stderr).toMatch(/bad\.csv:3 \[source\] error: Missing source/);
    expect(run.stderr).toMatch(/bad\.csv:4 \[quote\] error: Missing quote/);
    expect(run.stderr).toContain('nothing written');
    expect(readFileSync(catalogue, 'utf8')).toBe(original);
  });

  it('refuses a dropped id that now leads to another row', () => {
    const config = JSON.parse(readFileSync(resolve(ROOT, 'data/regions/occitanie.json'), 'utf8')) as RegionConfig;
    const alias = config.aliases![0]!;
    const run = cli(input('alias.csv', cells({ id: alias.from, updated: '2026-12-01' })), '--write');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`alias.csv:2 [id] error: Id "${alias.from}" was dropped`);
    expect(readFileSync(catalogue, 'utf8')).toBe(original);
  });

  it('also reads a spreadsheet list through the import pipeline, with its own line numbers', () => {
    const path = join(dir, 'liste.csv');
    writeFileSync(
      path,
      'Nom;Type;Ville;Code postal;Source;Date de vérification;Statut\n' +
        'Maison de la Région;Maison de la Région;Carcassonne;11000;https://example.org/m;2026-11-20;to_check\n' +
        'Sans source;Maison de la Région;Foix;09000;;2026-11-20;to_check\n',
    );
    const run = cli(path, '--write');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/liste\.csv:3 \[source\] error: Missing source/);
    expect(readFileSync(catalogue, 'utf8')).toBe(original);
    writeFileSync(path, readFileSync(path, 'utf8').split('\n').slice(0, 2).join('\n'));
    const ok = cli(path);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('(import format, 1 row(s))');
    expect(ok.stdout).toMatch(/\+ new maison-de-la-region\S*: Maison de la Région \(maison_region, 11069\)/);
  });

  it('exits 2 when the file cannot be read', () => {
    const run = cli(join(dir, 'missing.csv'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot be read');
  });
});
