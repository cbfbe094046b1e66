// Shared by `npm run import` and its tests: region inputs from public/data, and the text report.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RegionInputs } from '../../src/domain/import/context';
import type { ImportPlan } from '../../src/domain/import/plan';
import type { ReadFile } from '../../src/domain/import/pipeline';
import type { ImportResult } from '../../src/domain/import/types';
import type { Commune, Structure } from '../../src/domain/types';
import { formatIssues } from '../../src/domain/catalogue/format';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The region's generated data (public/data/<region>/), as import inputs plus the current catalogue. */
export function loadRegionInputs(region: string, root = ROOT): { inputs: RegionInputs; catalogue: Structure[] } {
  if (!/^[a-z0-9-]+$/.test(region)) throw new Error(`invalid region id "${region}"`);
  const dir = resolve(root, 'public/data', region);
  if (!existsSync(resolve(dir, 'communes.json'))) {
    throw new Error(`${dir} has no data: run "npm run build:data" first.`);
  }
  const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as T;
  const optional = <T>(name: string): T | undefined => (existsSync(resolve(dir, name)) ? read<T>(name) : undefined);
  const structures = optional<{ features: Array<{ properties: Structure }> }>('structures.geojson');
  return {
    inputs: {
      config: read('config.json'),
      communes: read<Commune[]>('communes.json'),
      communesGeo: optional('communes.geojson'),
      region: optional('region.geojson'),
      departements: optional('departements.geojson'),
    },
    catalogue: structures?.features.map((f) => f.properties) ?? [],
  };
}

const n = (x: number) => x.toLocaleString('en-GB');

/** The report printed by the command line. */
export function formatReport(file: string, read: ReadFile, result: ImportResult, plan: ImportPlan | null): string {
  const { table } = read;
  const c = result.counts;
  const rowLines = table.rows.reduce((sum, r) => sum + (r.endLine - r.line + 1), 0);
  const headerLines = table.kind === 'csv' && table.headerLine > 0 ? 1 : 0;
  const out: string[] = [];
  const unit = table.kind === 'geojson' ? 'features' : 'lines';
  out.push(
    table.kind === 'csv'
      ? `File: ${read.encoding}${read.bom ? ' (byte order mark)' : ''}, separator ${table.delimiter === '\t' ? 'tab' : `"${table.delimiter}"`}, ${n(table.totalLines)} lines`
      : `File: GeoJSON, ${n(table.totalLines)} features`,
  );
  if (table.kind === 'csv') {
    out.push(
      `Every line accounted for: ${headerLines} header + ${n(table.rows.length)} rows on ${n(rowLines)} lines + ${n(c.blankLines)} blank + ${n(c.preambleLines)} above the header = ${n(headerLines + rowLines + c.blankLines + c.preambleLines)} of ${n(table.totalLines)} ${unit}`,
    );
  }
  const mapping = Object.entries(read.mapping)
    .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))
    .map(([field, col]) => `${table.header[col!] ?? col} → ${field}`);
  out.push(`Columns: ${mapping.join(', ')}`);
  out.push(`Rows: ${n(c.valid)} valid, ${n(c.warning)} kept with warnings, ${n(c.rejected)} rejected (of ${n(c.rows)})`);
  // Every row written below the header is one of these, a multi-line row counting once.
  out.push(
    `Every row accounted for: ${n(c.valid)} valid + ${n(c.warning)} with warnings + ${n(c.rejected)} rejected + ${n(c.blankLines)} blank + ${n(c.preambleLines)} above the header = ${n(c.valid + c.warning + c.rejected + c.blankLines + c.preambleLines)} ${table.kind === 'geojson' ? 'features' : 'rows below the header'}`,
  );
  out.push(
    `Positions: ${n(c.lambert93)} converted from Lambert-93, ${n(c.swapped)} swapped lat/lon, ${n(c.communeFromPoint)} communes found from the point, ${n(c.communeFromName)} from the name or postcode, ${n(c.placedAtCommune)} placed at their commune, ${n(c.unlocated)} without position; ${n(c.repairedCodes)} codes repaired`,
  );
  if (plan) {
    out.push(
      plan.target === 'catalogue'
        ? `Against the catalogue: ${n(plan.added)} new, ${n(plan.changed)} changed, ${n(plan.unchanged)} unchanged`
        : `As a new layer: ${n(plan.added)} structures`,
    );
  }
  const issues = [...result.issues, ...(plan?.issues ?? [])];
  if (issues.length > 0) {
    out.push('', 'Issues:', formatIssues(issues, file));
  }
  return out.join('\n');
}
