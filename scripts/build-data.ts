// Data build: for each region config (data/regions/*.json), derive the territory
// layers and commune table from the reference contours and
// @etalab/decoupage-administratif, then run the structures step, into
// public/data/<region>/. Skipped when nothing it depends on has changed.
//
//   npm run build:data [-- --region occitanie] [--force]
//
// Env: TERRITORY_SOURCE = folder of the territory contours (default ../shared/data/territory).
import { FIRST_VIEW_FILES } from '../src/data/first-view.ts';
import { checkExpectations } from '../src/domain/catalogue/expectations.ts';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Commune, Issue, Manifest, RegionConfig } from '../src/domain/types.ts';
import { COMMUNE_TILES_DIR } from '../src/domain/tiles.ts';
import { BuildError, TerritoryInputError } from './lib/territory-errors.ts';
import { ETALAB_PACKAGE, POSTAL_PACKAGE, packageVersion, type EtalabData } from './lib/territory-etalab.ts';
import { hashFile, hashFiles, listFiles, localImportClosure, sameHashes, sha256 } from './lib/territory-hash.ts';
import { kb, sizeOf, type FileSize } from './lib/territory-output.ts';
import { locateRegionInputs, type LocatedInputs } from './lib/territory-source.ts';

const CODE_ROOT = resolve(import.meta.dirname, '..');

export interface BuildDataOptions {
  /** Repository root: configs, structures catalogue, .cache (default: this checkout). */
  repoRoot?: string;
  /** Folder of region configs (default <repoRoot>/data/regions). */
  configDir?: string;
  /** Output root (default <repoRoot>/public/data). */
  outRoot?: string;
  /** Region ids to build (default: every config). */
  regions?: string[];
  force?: boolean;
  /** Territory source folder (default: env TERRITORY_SOURCE). */
  territorySource?: string | undefined;
  /** Gzip budget of the first paint, bytes. */
  maxFirstPaintGzip?: number;
  /** Stand-in for the etalab package (tests); its `version` goes into the hashes. */
  etalab?: EtalabData;
  log?: (message: string) => void;
  fetchImpl?: typeof fetch;
  baseUrl?: string;
}

export interface RegionReport {
  id: string;
  status: 'built' | 'up-to-date';
  ms: number;
  manifest: Manifest;
  warnings: Issue[];
}

/** Signature of scripts/lib/structures-build.ts (the catalogue step), imported only when present. */
type BuildStructures = (config: RegionConfig, communes: Commune[], outDir: string) => Promise<{ count: number; issues: Issue[] }>;

interface LoadedConfig {
  config: RegionConfig;
  path: string;
  text: string;
}

/** Builds the requested regions; throws TerritoryInputError / BuildError with a printable message. */
export async function buildData(options: BuildDataOptions = {}): Promise<RegionReport[]> {
  const repoRoot = resolve(options.repoRoot ?? CODE_ROOT);
  const configDir = resolve(options.configDir ?? join(repoRoot, 'data', 'regions'));
  const outRoot = resolve(options.outRoot ?? join(repoRoot, 'public', 'data'));
  const log = options.log ?? ((m: string) => console.log(m));
  const territorySource = 'territorySource' in options ? options.territorySource : process.env.TERRITORY_SOURCE;

  const all = await loadConfigs(configDir);
  const wanted = options.regions && options.regions.length > 0 ? options.regions : all.map((c) => c.config.id);
  const unknown = wanted.filter((id) => !all.some((c) => c.config.id === id));
  if (unknown.length > 0) {
    throw new BuildError(`unknown region ${unknown.join(', ')}; available: ${all.map((c) => c.config.id).join(', ')}`, []);
  }

  let etalab: EtalabData | undefined = options.etalab;
  const getEtalab = async (): Promise<EtalabData> => {
    if (!etalab) etalab = await (await import('./lib/territory-etalab.ts')).loadEtalab();
    return etalab;
  };

  const reports: RegionReport[] = [];
  for (const loaded of all.filter((c) => wanted.includes(c.config.id))) {
    const started = Date.now();
    const { config } = loaded;
    const outDir = join(outRoot, config.id);
    const located = await locateRegionInputs(config, {
      repoRoot,
      territorySource,
      departementNames: new Map((await departementNames(options.etalab)).map((d) => [d.code, d.nom])),
      log,
      fetchImpl: options.fetchImpl,
      baseUrl: options.baseUrl,
    });
    const hashes = await inputHashes(loaded, located, repoRoot, options);

    const previous = await readManifest(outDir);
    if (!options.force && previous && sameHashes(previous.inputHashes, hashes) && outputsExist(outDir, previous)) {
      const ms = Date.now() - started;
      log(`${config.id}: up to date (inputs unchanged; --force to rebuild) [${ms} ms]`);
      reports.push({ id: config.id, status: 'up-to-date', ms, manifest: previous, warnings: [] });
      continue;
    }

    log(`${config.id}: building from ${located.files.root} (${located.origin})`);
    // No manifest until every step succeeded: a failed build is never "up to date".
    await rm(join(outDir, 'manifest.json'), { force: true });
    await mkdir(outDir, { recursive: true });

    const { buildTerritory, DEFAULT_TERRITORY_OPTIONS, FIRST_PAINT } = await import('./lib/territory-build.ts');
    const territory = await buildTerritory(config, located.files, await getEtalab(), outDir, {
      ...DEFAULT_TERRITORY_OPTIONS,
      maxFirstPaintGzip: options.maxFirstPaintGzip ?? DEFAULT_TERRITORY_OPTIONS.maxFirstPaintGzip,
      log,
    });
    const warnings: Issue[] = [...territory.warnings];
    const counts: Record<string, number> = { ...territory.counts };

    // Structures step (owned by the catalogue step), run on the communes just built.
    const structuresModule = join(CODE_ROOT, 'scripts', 'lib', 'structures-build.ts');
    if (existsSync(structuresModule)) {
      const { buildStructures } = (await import(pathToFileURL(structuresModule).href)) as { buildStructures: BuildStructures };
      const structures = await buildStructures(config, territory.communes, outDir);
      const errors = structures.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        throw new BuildError(`${config.id}: structures catalogue has ${errors.length} error(s)`, structures.issues);
      }
      warnings.push(...structures.issues);
      counts.structures = structures.count;
    }

    await writeFile(join(outDir, 'config.json'), loaded.text);
    const sizes: Record<string, FileSize> = { ...territory.sizes };
    for (const name of ['structures.geojson', 'config.json']) {
      if (existsSync(join(outDir, name))) sizes[name] = sizeOf(await readFile(join(outDir, name)));
    }
    const manifest: Manifest = {
      region: config.id,
      generatedAt: new Date().toISOString(),
      counts,
      sources: config.attributions,
      inputHashes: hashes,
      sizes,
      communeTiles: territory.communeTiles,
      // Warnings already stated as notes (communes drawn with a borrowed contour) are not repeated.
      notes: [...territory.notes, ...warnings.filter((w) => !territory.notes.includes(w.message)).map((w) => `${w.severity}: ${w.message}`)],
    };
    await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const ms = Date.now() - started;
    printSummary(log, config.id, manifest, FIRST_PAINT, warnings, ms);
    reports.push({ id: config.id, status: 'built', ms, manifest, warnings });
  }

  await writeRegionsIndex(outRoot, all);
  return reports;
}

async function loadConfigs(configDir: string): Promise<LoadedConfig[]> {
  let names: string[];
  try {
    names = (await readdir(configDir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    throw new TerritoryInputError(configDir, 'region config folder not found');
  }
  const out: LoadedConfig[] = [];
  for (const name of names) {
    const path = join(configDir, name);
    const text = await readFile(path, 'utf8');
    let config: RegionConfig;
    try {
      config = JSON.parse(text) as RegionConfig;
    } catch (err) {
      throw new TerritoryInputError(path, `not valid JSON (${(err as Error).message})`);
    }
    const problem = checkConfig(config, basename(name, '.json'));
    if (problem) throw new TerritoryInputError(path, problem);
    out.push({ config, path, text });
  }
  return out;
}

function checkConfig(c: RegionConfig, fileId: string): string | null {
  if (typeof c !== 'object' || c === null) return 'not a region config object';
  if (c.id !== fileId) return `"id" must equal the file name (${fileId})`;
  if (typeof c.regionCode !== 'string' || c.regionCode === '') return '"regionCode" must be a string such as "76"';
  if (typeof c.territoryDir !== 'string' || c.territoryDir === '') return '"territoryDir" is required';
  if (!Array.isArray(c.departements) || c.departements.length === 0 || c.departements.some((d) => typeof d !== 'string')) {
    return '"departements" must be a non-empty list of code strings';
  }
  if (!Array.isArray(c.attributions)) return '"attributions" must be a list';
  const expectationProblems = checkExpectations(c);
  if (expectationProblems.length > 0) return expectationProblems.join('; ');
  if (c.aliases !== undefined && (!Array.isArray(c.aliases) || c.aliases.some((a) => typeof a?.from !== 'string' || typeof a?.to !== 'string'))) {
    return '"aliases" must be a list of { from, to, reason, date }';
  }
  if (
    c.partnerOrigins !== undefined &&
    (!Array.isArray(c.partnerOrigins) || c.partnerOrigins.some((o) => typeof o !== 'string' || !/^https?:\/\/[^/]+\/?$/.test(o)))
  ) {
    return '"partnerOrigins" must be a list of origins such as "https://www.partner.fr"';
  }
  if (c.contact !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(c.contact?.email))) return '"contact.email" must be an e-mail address';
  return null;
}

async function departementNames(etalab: EtalabData | undefined): Promise<{ code: string; nom: string }[]> {
  if (etalab) return etalab.departements;
  const { packageDir } = await import('./lib/territory-etalab.ts');
  return JSON.parse(await readFile(join(packageDir(ETALAB_PACKAGE), 'data', 'departements.json'), 'utf8')) as {
    code: string;
    nom: string;
  }[];
}

/** Everything the outputs depend on; any change triggers a rebuild. */
async function inputHashes(loaded: LoadedConfig, located: LocatedInputs, repoRoot: string, options: BuildDataOptions): Promise<Record<string, string>> {
  const h: Record<string, string> = {};
  const { files } = located;
  for (const f of [files.region, files.departements, ...files.communes]) {
    h[
      `territory/${f
        .slice(files.root.length + 1)
        .split('\\')
        .join('/')}`
    ] = await hashFile(f);
  }
  h[`config/${basename(loaded.path)}`] = sha256(loaded.text);
  h[`package/${ETALAB_PACKAGE}`] = options.etalab ? options.etalab.version : await packageVersion(ETALAB_PACKAGE);
  if (!options.etalab) h[`package/${POSTAL_PACKAGE}`] = await packageVersion(POSTAL_PACKAGE);
  h['package/mapshaper'] = await packageVersion('mapshaper');
  h['package/polylabel'] = await packageVersion('polylabel');
  for (const name of ['@maplibre/geojson-vt', '@maplibre/vt-pbf']) h[`package/${name}`] = await packageVersion(name);
  // The build code: this file, the territory and structures steps and every local module they import.
  const lib = join(CODE_ROOT, 'scripts', 'lib');
  const code = localImportClosure([
    join(CODE_ROOT, 'scripts', 'build-data.ts'),
    ...listFiles(lib, ['.ts']).filter((f) => basename(f).startsWith('territory')),
    join(lib, 'structures-build.ts'),
  ]);
  h['code/build'] = await hashFiles(CODE_ROOT, code);
  if (loaded.config.structures) {
    const csv = resolve(repoRoot, loaded.config.structures);
    h[`structures/${loaded.config.structures}`] = existsSync(csv) ? await hashFile(csv) : 'missing';
  }
  h.options = sha256(JSON.stringify({ maxFirstPaintGzip: options.maxFirstPaintGzip ?? null }));
  return h;
}

async function readManifest(outDir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

function outputsExist(outDir: string, manifest: Manifest): boolean {
  // A manifest from before versioned tiles has no version: built again.
  if (!manifest.communeTiles?.version) return false;
  const tiles = [join(COMMUNE_TILES_DIR, manifest.communeTiles.version)];
  return [...Object.keys(manifest.sizes ?? {}), ...tiles].every((name) => existsSync(join(outDir, name)));
}

/** public/data/regions.json: the regions whose data is built, for the app's region picker. */
async function writeRegionsIndex(outRoot: string, all: LoadedConfig[]): Promise<void> {
  const built = all.filter((c) => existsSync(join(outRoot, c.config.id, 'manifest.json'))).map((c) => ({ id: c.config.id, name: c.config.name }));
  const text = `${JSON.stringify(built, null, 2)}\n`;
  const path = join(outRoot, 'regions.json');
  const old = existsSync(path) ? await readFile(path, 'utf8') : null;
  if (old !== text) {
    await mkdir(outRoot, { recursive: true });
    await writeFile(path, text);
  }
}

function printSummary(log: (m: string) => void, id: string, manifest: Manifest, firstPaint: readonly string[], warnings: Issue[], ms: number): void {
  const lines = [`${id}: built in ${(ms / 1000).toFixed(1)} s`];
  const c = manifest.counts;
  lines.push(`  ${c.communes} communes (from ${c.contours2018} contours of 2018), ${c.departements} départements, ${c.epci} EPCI, population ${c.population}`);
  let contours = 0;
  let first = 0;
  for (const [name, s] of Object.entries(manifest.sizes)) {
    lines.push(`  ${name.padEnd(22)} ${kb(s.bytes).padStart(10)}  gzip ${kb(s.gzip).padStart(9)}`);
    if (firstPaint.includes(name)) contours += s.gzip;
    if ((FIRST_VIEW_FILES as readonly string[]).includes(name)) first += s.gzip;
  }
  // The contours' budget sets how far they are simplified; the first view loads fewer files
  // (src/data/load-region.ts), the commune contours coming after the first paint.
  lines.push(`  display contours (${firstPaint.join(' + ')}): ${kb(contours)} gzip`);
  lines.push(`  data before first paint (${FIRST_VIEW_FILES.join(' + ')}): ${kb(first)} gzip`);
  const t = manifest.communeTiles;
  lines.push(`  commune tiles (${COMMUNE_TILES_DIR}/${t.version}/, zoom ${t.minzoom}-${t.maxzoom}): ${t.tiles} tiles, ${kb(t.bytes)}, gzip ${kb(t.gzip)}`);
  for (const w of warnings) lines.push(`  ${w.severity}: ${w.message}`);
  log(lines.join('\n'));
}

function parseArgs(argv: string[]): { regions: string[]; force: boolean; help: boolean } {
  const regions: string[] = [];
  let force = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--force') force = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a === '--region') regions.push(...(argv[++i] ?? '').split(',').filter(Boolean));
    else if (a.startsWith('--region=')) regions.push(...a.slice('--region='.length).split(',').filter(Boolean));
    else throw new BuildError(`unknown argument ${a} (usage: build-data [--region id] [--force])`, []);
  }
  return { regions, force, help };
}

async function main(): Promise<void> {
  const started = Date.now();
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log('usage: npm run build:data -- [--region id[,id]] [--force]\nenv TERRITORY_SOURCE: folder of the territory contours');
      return;
    }
    const reports = await buildData({ regions: args.regions, force: args.force });
    if (reports.some((r) => r.status === 'built')) console.log(`data build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    if (err instanceof TerritoryInputError || err instanceof BuildError) {
      console.error(`build:data failed: ${err.message}`);
    } else {
      console.error('build:data failed:', err);
    }
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
