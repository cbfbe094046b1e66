// Finds the territory contours of a region: TERRITORY_SOURCE, else the shared
// reference folder next to the repository, else a download of the pinned public
// files into .cache/territory. Says what is missing and where it looked.
import { slug } from '../../src/domain/text/normalise';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { RegionConfig } from '../../src/domain/types.ts';
import { TerritoryInputError } from './territory-errors.ts';

/** The public files the reference folder was copied from (see its README.md). */
export const PINNED_REPO = 'gregoiredavid/france-geojson';
export const PINNED_COMMIT = '5d34ee6d0140c29f785fdb047d9329f1aab58833';
export const PINNED_BASE_URL = `https://raw.githubusercontent.com/${PINNED_REPO}/${PINNED_COMMIT}/`;

export interface RegionInputFiles {
  /** Folder the paths below are relative to (the territory source root). */
  root: string;
  region: string;
  departements: string;
  /** One file for the whole region, or one per département. */
  communes: string[];
}

export type SourceOrigin = 'env' | 'shared' | 'cache';

export interface LocatedInputs {
  origin: SourceOrigin;
  files: RegionInputFiles;
}

export interface LocateOptions {
  repoRoot: string;
  /** Value of TERRITORY_SOURCE, if any. */
  territorySource?: string | undefined;
  /** Département code → name, used to name the per-département files to download. */
  departementNames: Map<string, string>;
  log: (message: string) => void;
  fetchImpl?: typeof fetch;
  /** Where the pinned files are downloaded from (tests point it at a fake). */
  baseUrl?: string;
}

/** Expected file layout of one region under a source root; `missing` lists what is absent. */
export function listRegionFiles(root: string, config: RegionConfig): { files: RegionInputFiles; missing: string[] } {
  const dir = join(root, config.territoryDir);
  const missing: string[] = [];
  const need = (path: string): string => {
    if (!isFile(path)) missing.push(path);
    return path;
  };
  const region = need(join(dir, 'region.geojson'));
  const departements = need(join(dir, 'departements.geojson'));
  const communes: string[] = [];
  const single = join(dir, 'communes.geojson');
  const perDept = join(dir, 'communes');
  if (isFile(single)) {
    communes.push(single);
  } else if (isDir(perDept)) {
    const names = readdirSync(perDept);
    for (const code of config.departements) {
      const found = names.filter((n) => n.startsWith(`communes-${code}-`) && n.endsWith('.geojson'));
      if (found.length === 1 && found[0]) communes.push(join(perDept, found[0]));
      else if (found.length === 0) missing.push(join(perDept, `communes-${code}-*.geojson`));
      else throw new TerritoryInputError(perDept, `several commune files for département ${code}: ${found.join(', ')}`);
    }
  } else {
    missing.push(`${single} (or ${join(perDept, 'communes-DD-*.geojson')}, one per département)`);
  }
  return { files: { root, region, departements, communes }, missing };
}

/** "Pyrénées-Orientales" → "pyrenees-orientales", as france-geojson names its folders. */
export function slugify(name: string): string {
  return slug(name);
}

/** The pinned public files of a region: [path in the upstream repository, path under the source root]. */
export function pinnedFiles(config: RegionConfig, departementNames: Map<string, string>): [string, string][] {
  const d = config.territoryDir;
  const files: [string, string][] = [
    [`regions/${d}/region-${d}.geojson`, `${d}/region.geojson`],
    [`regions/${d}/departements-${d}.geojson`, `${d}/departements.geojson`],
  ];
  for (const code of config.departements) {
    const slug = `${code}-${slugify(departementNames.get(code) ?? code)}`;
    files.push([`departements/${slug}/communes-${slug}.geojson`, `${d}/communes/communes-${slug}.geojson`]);
  }
  return files;
}

export async function locateRegionInputs(config: RegionConfig, options: LocateOptions): Promise<LocatedInputs> {
  const { repoRoot, territorySource, log } = options;
  if (territorySource) {
    // An explicit source is taken at its word: no fallback that would hide a typo.
    const root = resolve(repoRoot, territorySource);
    return { origin: 'env', files: requireComplete(root, config, `TERRITORY_SOURCE=${territorySource}`) };
  }
  const shared = resolve(repoRoot, '..', 'shared', 'data', 'territory');
  if (isDir(join(shared, config.territoryDir))) {
    return { origin: 'shared', files: requireComplete(shared, config, 'the shared reference folder') };
  }
  const cache = join(repoRoot, '.cache', 'territory');
  const cached = listRegionFiles(cache, config);
  if (cached.missing.length === 0) return { origin: 'cache', files: cached.files };

  const pinned = pinnedFiles(config, options.departementNames);
  const baseUrl = options.baseUrl ?? PINNED_BASE_URL;
  log(
    `Territory contours of ${config.id} not found in TERRITORY_SOURCE (unset) nor ${shared}.\n` +
      `Downloading the pinned public files (${PINNED_REPO} at commit ${PINNED_COMMIT}) into ${cache}:\n` +
      pinned.map(([from]) => `  ${baseUrl}${from}`).join('\n'),
  );
  const fetchImpl = options.fetchImpl ?? fetch;
  for (const [from, to] of pinned) {
    const target = join(cache, to);
    if (isFile(target)) continue;
    try {
      const res = await fetchImpl(baseUrl + from, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await res.text();
      JSON.parse(text); // keep nothing that is not JSON in the cache
      await mkdir(dirname(target), { recursive: true });
      await writeFile(`${target}.part`, text);
      await rename(`${target}.part`, target);
    } catch (err) {
      throw new TerritoryInputError(
        target,
        `missing territory input for ${config.id}. Looked in: TERRITORY_SOURCE (unset); ${join(shared, config.territoryDir)} (absent); ` +
          `${join(cache, config.territoryDir)} (download of ${baseUrl}${from} failed: ${(err as Error).message}). ` +
          `Set TERRITORY_SOURCE to a folder laid out as described in ../shared/data/territory/README.md.`,
      );
    }
  }
  const after = listRegionFiles(cache, config);
  if (after.missing.length > 0) {
    throw new TerritoryInputError(after.missing[0] ?? cache, `still missing after download: ${after.missing.join(', ')}`);
  }
  return { origin: 'cache', files: after.files };
}

function requireComplete(root: string, config: RegionConfig, where: string): RegionInputFiles {
  if (!isDir(root)) throw new TerritoryInputError(root, `territory source folder not found (${where})`);
  const { files, missing } = listRegionFiles(root, config);
  if (missing.length > 0) {
    throw new TerritoryInputError(missing[0] ?? root, `missing territory input for ${config.id} (looked in ${where}: ${root}); missing: ${missing.join(', ')}`);
  }
  return files;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
