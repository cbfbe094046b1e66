// The built data of one region (public/data/<region>/), as the command-line tools read it.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import type { Commune, EpciInfo, RegionConfig, Structure } from '../../src/domain/types';

export interface RegionFiles {
  dir: string;
  config: RegionConfig;
  communes: Commune[];
  structures: Structure[];
  epci: EpciInfo[];
  readJson<T>(name: string): T;
}

/** Read a region's built files, or explain what to run when they are missing. */
export function readRegionFiles(region: string): RegionFiles | { error: string } {
  if (!/^[a-z0-9-]+$/.test(region)) return { error: `invalid region "${region}"` };
  const dir = resolve(import.meta.dirname, '..', '..', 'public/data', region);
  if (!existsSync(resolve(dir, 'communes.json'))) return { error: `no data for region "${region}" in ${dir}: run \`npm run build:data\` first` };
  const readJson = <T>(name: string): T => JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as T;
  return {
    dir,
    readJson,
    config: readJson<RegionConfig>('config.json'),
    communes: readJson<Commune[]>('communes.json'),
    structures: readJson<FeatureCollection<Point | null, Structure>>('structures.geojson').features.map((f) => f.properties),
    epci: existsSync(resolve(dir, 'epci.json')) ? readJson<EpciInfo[]>('epci.json') : [],
  };
}

/** Split a comma list of ids and check each against the allowed ones, failing with the list of known ids. */
export function requireIds(text: string, allowed: readonly string[], what: string, fail: (message: string) => never): string[] {
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.find((id) => !allowed.includes(id));
  if (unknown !== undefined) fail(`unknown ${what} "${unknown}" (known: ${allowed.join(', ')})`);
  return ids;
}
