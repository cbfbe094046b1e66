// Build step: data/<catalogue>.csv → public/data/<region>/structures.geojson.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { decodeBytes } from '../../src/domain/import/decode.ts';
import { join, relative, resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { formatIssues, parseCatalogueCsv, structuresToGeoJSON, validateStructures, type CatalogueContext } from '../../src/domain/catalogue/index.ts';
import type { Commune, Issue, RegionConfig } from '../../src/domain/types.ts';

export { formatIssues };

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export interface BuildStructuresOptions {
  /** Folder that `config.structures` is relative to; the repository root by default. */
  rootDir?: string;
  /** Point-in-region test; by default the polygons already written to outDir, else the config's bounding box. */
  inRegion?: CatalogueContext['inRegion'];
}

/**
 * Parses and validates the region's catalogue, then writes outDir/structures.geojson
 * with the valid rows (structures without position have `geometry: null`). Never throws
 * on bad data: the issues, with line numbers, are returned for the caller to report, and
 * the caller fails the build when one of them is an error.
 */
export async function buildStructures(
  config: RegionConfig,
  communes: Commune[],
  outDir: string,
  options: BuildStructuresOptions = {},
): Promise<{ count: number; issues: Issue[] }> {
  await mkdir(outDir, { recursive: true });
  const outFile = join(outDir, 'structures.geojson');

  if (config.structures === null) {
    await writeFile(outFile, JSON.stringify(structuresToGeoJSON([])));
    return { count: 0, issues: [] };
  }

  const csvPath = resolve(options.rootDir ?? REPO_ROOT, config.structures);
  let text: string;
  try {
    // Decoded like any file that comes in (a catalogue saved by a spreadsheet may be Windows-1252).
    text = decodeBytes(new Uint8Array(await readFile(csvPath))).text;
  } catch (e) {
    await writeFile(outFile, JSON.stringify(structuresToGeoJSON([])));
    return {
      count: 0,
      issues: [{ severity: 'error', message: `Cannot read the catalogue ${csvPath}: ${(e as Error).message}` }],
    };
  }

  const parsed = parseCatalogueCsv(text);
  const inRegion = options.inRegion ?? (await regionTestFromOutDir(outDir));
  const validated = validateStructures(parsed.rows, {
    config,
    communes: new Map(communes.map((c) => [c.code, c])),
    inRegion: inRegion ?? undefined,
  });

  await writeFile(outFile, JSON.stringify(structuresToGeoJSON(validated.structures)));
  return { count: validated.structures.length, issues: [...parsed.issues, ...validated.issues, ...aliasIssues(config, validated.structures)] };
}

/** The catalogue's path as shown in messages (relative to the repository when inside it). */
export function catalogueDisplayPath(config: RegionConfig, rootDir: string = REPO_ROOT): string {
  if (config.structures === null) return '(no catalogue)';
  const rel = relative(process.cwd(), resolve(rootDir, config.structures));
  return rel === '' ? config.structures : rel;
}

/**
 * Point-in-region test from the contours the territory step wrote to outDir
 * (region.geojson, else departements.geojson); null when neither exists yet.
 */
export async function regionTestFromOutDir(outDir: string): Promise<((lon: number, lat: number) => boolean) | null> {
  for (const name of ['region.geojson', 'departements.geojson']) {
    const file = join(outDir, name);
    if (!existsSync(file)) continue;
    const fc = JSON.parse(await readFile(file, 'utf8')) as FeatureCollection;
    const polygons = fc.features.filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    if (polygons.length === 0) continue;
    return (lon, lat) => polygons.some((p) => booleanPointInPolygon([lon, lat], p));
  }
  return null;
}

/** An alias must lead from an id no longer in the catalogue to one that is. */
function aliasIssues(config: RegionConfig, structures: readonly { id: string }[]): Issue[] {
  const ids = new Set(structures.map((s) => s.id));
  const issues: Issue[] = [];
  for (const a of config.aliases ?? []) {
    if (ids.has(a.from)) issues.push({ severity: 'error', message: `Alias "${a.from}" → "${a.to}": "${a.from}" is still an id of the catalogue.` });
    if (!ids.has(a.to)) issues.push({ severity: 'error', message: `Alias "${a.from}" → "${a.to}": "${a.to}" is not an id of the catalogue.` });
  }
  return issues;
}
