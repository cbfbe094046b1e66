// The territory step of the data build for one region: read and check the 2018
// contours, join them to today's communes, dissolve, simplify to the size budget,
// place a representative point inside each commune, and write the files the app
// loads (public/data/<region>/).
import { area as turfArea } from '@turf/area';
import type { Feature, FeatureCollection } from 'geojson';
import type { Commune, EpciInfo, Issue, Manifest, RegionConfig } from '../../src/domain/types.ts';
import { BuildError, TerritoryInputError } from './territory-errors.ts';
import type { EtalabData } from './territory-etalab.ts';
import { dissolveParts, fitToBudget, simplifyLayers, type DisplayLayers, type PartFeature } from './territory-geometry.ts';
import { describeBorrowed, joinContours } from './territory-join.ts';
import { sizeOf, writeSized, type FileSize } from './territory-output.ts';
import { writeCommuneTiles } from './commune-tiles.ts';
import { otherNames } from './territory-names.ts';
import { labelPoint, representativePoint } from './territory-points.ts';
import { readContours, type AreaGeometry, type ContourFeature } from './territory-read.ts';
import type { RegionInputFiles } from './territory-source.ts';
import { BORROWED_CONTOURS, type BorrowedContour } from './territory-splits.ts';

export interface TerritoryOptions {
  /** Gzip budget, in bytes, of the first paint: region + departements + communes GeoJSON. */
  maxFirstPaintGzip: number;
  /** Simplification resolutions to choose from, in metres, finest first. */
  intervals: number[];
  /** Coordinate rounding of the display files, in degrees (0.0001° ≈ 11 m). */
  precision: number;
  borrowedContours: Readonly<Record<string, BorrowedContour>>;
  log: (message: string) => void;
}

const POSTAL_NOTE = 'codes-postaux package';

export const DEFAULT_TERRITORY_OPTIONS: Omit<TerritoryOptions, 'log'> = {
  maxFirstPaintGzip: 600_000,
  intervals: [50, 75, 100, 125, 150, 175, 200, 250, 300, 400, 500, 750, 1000],
  precision: 0.0001,
  borrowedContours: BORROWED_CONTOURS,
};

/** Files of the first paint, in the order the app loads them. */
export const FIRST_PAINT = ['region.geojson', 'departements.geojson', 'communes.geojson'] as const;

export interface TerritoryResult {
  communes: Commune[];
  epci: EpciInfo[];
  counts: Record<string, number>;
  notes: string[];
  /** Warnings only: errors are thrown as BuildError / TerritoryInputError. */
  warnings: Issue[];
  sizes: Record<string, FileSize>;
  /** The commune tiles written under tiles/: what the map asks for, how many, their size. */
  communeTiles: Manifest['communeTiles'];
}

export async function buildTerritory(
  config: RegionConfig,
  files: RegionInputFiles,
  etalab: EtalabData,
  outDir: string,
  options: TerritoryOptions,
): Promise<TerritoryResult> {
  const { log } = options;
  const notes: string[] = [];
  const warnings: Issue[] = [];
  const warn = (message: string): void => {
    warnings.push({ severity: 'warning', message });
  };

  // 1. Read and check every input file first: a bad file fails fast, named.
  const deptFeatures = await readContours(files.departements);
  const regionFeatures = await readContours(files.region, { singleFeature: true });
  const contours: ContourFeature[] = [];
  for (const file of files.communes) contours.push(...(await readContours(file, { codeLength: 5 })));

  const deptName = new Map(deptFeatures.map((f) => [f.properties.code, f.properties.nom]));
  const missingDepts = config.departements.filter((d) => !deptName.has(d));
  if (missingDepts.length > 0) {
    throw new TerritoryInputError(files.departements, `no contour for département(s) ${missingDepts.join(', ')} listed in the region config`);
  }
  const extraDepts = [...deptName.keys()].filter((d) => !config.departements.includes(d));
  if (extraDepts.length > 0) warn(`${files.departements}: départements ${extraDepts.join(', ')} are not in the config: ignored`);

  // 2. Join 2018 contours to today's communes.
  const join = joinContours(
    contours.map((f) => f.properties),
    etalab.communes,
    config.regionCode,
    options.borrowedContours,
  );
  const errors = join.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new BuildError(`${config.id}: the commune contours do not match today's communes`, errors);
  // Includes the communes drawn with a borrowed contour, so the console names them.
  warnings.push(...join.issues.filter((i) => i.severity === 'warning'));
  const byCode = new Map(join.communes.map((c) => [c.code, c]));
  const merged = join.via.anciensCodes + join.via.chefLieu;
  notes.push(
    `${contours.length} commune contours of 2018 joined onto ${join.communes.length} current communes ` +
      `(${join.via.direct} by the same code, ${join.via.anciensCodes} through anciensCodes, ${join.via.chefLieu} through chefLieu; ` +
      `${merged} former communes dissolved into communes nouvelles).`,
  );
  for (const b of join.borrowed) notes.push(describeBorrowed(b));
  for (const c of join.communes) {
    if (c.departement && !config.departements.includes(c.departement)) {
      warn(`commune ${c.code} (${c.nom}) is in département ${c.departement}, which the config does not list`);
    }
  }

  // 3. Dissolve the parts of each current commune.
  const parts: PartFeature[] = [];
  for (const f of contours) {
    const code = join.target.get(f.properties.code);
    if (!code) continue;
    parts.push({ type: 'Feature', geometry: f.geometry, properties: { code, dept: byCode.get(code)?.departement ?? '' } });
  }
  let t = Date.now();
  const dissolved = await dissolveParts(parts);
  const fullGeom = new Map<string, AreaGeometry>();
  for (const f of dissolved.features) if (f.geometry) fullGeom.set(f.properties.code, f.geometry);
  // A commune without a contour of its own is drawn with the one it was part of.
  const borrowedFrom = new Map(join.borrowed.map((b) => [b.code, b.sharedWith]));
  const geometryOf = (geoms: Map<string, AreaGeometry>, code: string) => geoms.get(borrowedFrom.get(code) ?? code);
  log(`  dissolve: ${Date.now() - t} ms`);
  checkAreas(config, dissolved.features, deptFeatures, warn, notes);

  // 4. Simplify to the size budget.
  t = Date.now();
  const deptOut = (l: DisplayLayers): FeatureCollection => ({
    type: 'FeatureCollection',
    features: sortByCode(
      l.departements.features.map((f) =>
        feature(f.geometry, {
          code: f.properties.dept,
          nom: deptName.get(f.properties.dept) ?? f.properties.dept,
          // Where the map writes the name, found here: polylabel took 0.2 s of a slow phone's thread.
          label: labelPoint(f.geometry),
        }),
      ),
    ),
  });
  const regionNom = regionFeatures[0]?.properties.nom ?? config.name.fr;
  const regionOut = (l: DisplayLayers): FeatureCollection => ({
    type: 'FeatureCollection',
    features: l.region.features.map((f) => feature(f.geometry, { code: config.regionCode, nom: regionNom })),
  });
  const communesOut = (l: DisplayLayers): FeatureCollection => ({
    type: 'FeatureCollection',
    features: sortByCode(
      [
        ...l.communes.features,
        ...join.borrowed.flatMap((b) => {
          const shared = l.communes.features.find((f) => f.properties.code === b.sharedWith);
          return shared ? [{ ...shared, properties: { code: b.code, dept: byCode.get(b.code)?.departement ?? '' } }] : [];
        }),
      ].map((f) => {
        const c = byCode.get(f.properties.code);
        return feature(f.geometry, {
          code: f.properties.code,
          nom: c?.nom ?? '',
          dept: f.properties.dept,
          population: c?.population ?? 0,
        });
      }),
    ),
  });
  const budget = await fitToBudget(options.intervals, options.maxFirstPaintGzip, async (intervalM) => {
    const layers = await simplifyLayers(dissolved, intervalM, options.precision);
    const texts: Record<(typeof FIRST_PAINT)[number], string> = {
      'region.geojson': JSON.stringify(regionOut(layers)),
      'departements.geojson': JSON.stringify(deptOut(layers)),
      'communes.geojson': JSON.stringify(communesOut(layers)),
    };
    const totalGzip = Object.values(texts).reduce((s, text) => s + sizeOf(text).gzip, 0);
    return { result: { layers, texts }, totalGzip };
  });
  log(`  simplify: ${Date.now() - t} ms; tried ${budget.tried.map((x) => `${x.intervalM} m → ${(x.totalGzip / 1000).toFixed(0)} kB`).join(', ')}`);
  notes.push(
    `Display geometry simplified at a ${budget.intervalM} m resolution, coordinates rounded to ${options.precision}°: ` +
      `first paint ${(budget.totalGzip / 1000).toFixed(1)} kB gzip (budget ${(options.maxFirstPaintGzip / 1000).toFixed(0)} kB).`,
  );
  if (!budget.fits) {
    warn(`first paint is ${budget.totalGzip} bytes gzip even at ${budget.intervalM} m, over the ${options.maxFirstPaintGzip} budget`);
  }
  const displayGeom = new Map<string, AreaGeometry>();
  for (const f of budget.result.layers.communes.features) if (f.geometry) displayGeom.set(f.properties.code, f.geometry);

  // 5. Representative points, EPCI, commune records.
  t = Date.now();
  const epciOf = new Map<string, string>();
  const epciName = new Map<string, string>();
  for (const e of etalab.epci) {
    epciName.set(e.code, e.nom);
    for (const m of e.membres) epciOf.set(m.code, e.code);
  }
  const names = otherNames({
    communes: join.communes,
    etalab: etalab.communes,
    contours: contours.map((f) => f.properties),
    target: join.target,
    postal: etalab.postal ?? [],
  });
  const pointErrors: Issue[] = [];
  const fallbacks: string[] = [];
  const communes: Commune[] = [];
  for (const c of join.communes) {
    const full = geometryOf(fullGeom, c.code);
    const display = geometryOf(displayGeom, c.code);
    const point = full && display ? representativePoint(full, display) : null;
    if (!point) {
      pointErrors.push({
        severity: 'error',
        message: `commune ${c.code} (${c.nom}): ${full && display ? 'no point found inside its display polygon' : 'no geometry after dissolve/simplify'}`,
      });
      continue;
    }
    if (point.from !== 'full') fallbacks.push(`${c.code} ${c.nom}`);
    if (c.population === undefined) warn(`commune ${c.code} (${c.nom}) has no population in ${'@etalab/decoupage-administratif'}: 0 used`);
    communes.push({
      code: c.code,
      name: c.nom,
      dept: c.departement ?? '',
      population: c.population ?? 0,
      postcodes: [...(c.codesPostaux ?? [])].sort(),
      // Only where there are some: most communes have none, and communes.json is on the first load.
      ...(names.get(c.code)?.former.length ? { former: names.get(c.code)!.former } : {}),
      ...(names.get(c.code)?.laPoste.length ? { laPoste: names.get(c.code)!.laPoste } : {}),
      epci: epciOf.get(c.code) ?? null,
      lon: point.lon,
      lat: point.lat,
    });
  }
  if (pointErrors.length > 0) throw new BuildError(`${config.id}: representative points`, pointErrors);
  log(`  points: ${Date.now() - t} ms`);
  if (fallbacks.length > 0) {
    notes.push(
      `${fallbacks.length} commune(s) whose pole of inaccessibility fell outside the simplified polygon got one computed on it instead: ${fallbacks.join(', ')}.`,
    );
  }
  notes.push(
    `Search names: ${communes.filter((c) => c.former).length} communes with former communes' names ` +
      `(${communes.reduce((s, c) => s + (c.former?.length ?? 0), 0)} names, from the communes déléguées and associées and the 2018 contours), ` +
      `${communes.filter((c) => c.laPoste).length} with La Poste forms not derivable from the name (${POSTAL_NOTE}).`,
  );
  const withoutEpci = communes.filter((c) => c.epci === null);
  if (withoutEpci.length > 0) {
    notes.push(`Communes in no EPCI: ${withoutEpci.map((c) => `${c.code} ${c.name}`).join(', ')}.`);
  }
  const epciCodes = [...new Set(communes.map((c) => c.epci).filter((e): e is string => e !== null))].sort();
  const epci: EpciInfo[] = epciCodes.map((code) => ({ code, name: epciName.get(code) ?? code }));

  // 6. Write.
  const sizes: Record<string, FileSize> = {};
  for (const name of FIRST_PAINT) sizes[name] = await writeSized(outDir, name, budget.result.texts[name]);
  sizes['communes.json'] = await writeSized(outDir, 'communes.json', JSON.stringify(communes));
  sizes['epci.json'] = await writeSized(outDir, 'epci.json', JSON.stringify(epci));
  t = Date.now();
  const tiles = await writeCommuneTiles(outDir, communesOut(budget.result.layers));
  log(`  commune tiles: ${tiles.count} tiles, zoom ${tiles.pyramid.minzoom}-${tiles.pyramid.maxzoom}, ${Date.now() - t} ms`);

  const population = communes.reduce((s, c) => s + c.population, 0);
  return {
    communes,
    epci,
    counts: {
      communes: communes.length,
      contours2018: contours.length,
      departements: config.departements.length,
      epci: epci.length,
      communesWithoutEpci: withoutEpci.length,
      borrowedContours: join.borrowed.length,
      population,
      displayResolutionM: budget.intervalM,
      firstPaintGzip: budget.totalGzip,
    },
    notes,
    warnings,
    sizes,
    communeTiles: { ...tiles.pyramid, version: tiles.version, tiles: tiles.count, ...tiles.size },
  };
}

function feature(geometry: AreaGeometry, properties: Record<string, string | number | [number, number] | null>): Feature {
  return { type: 'Feature', geometry, properties };
}

function sortByCode(features: Feature[]): Feature[] {
  const key = (f: Feature): string => String(f.properties?.code ?? '');
  return features.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Sanity check: the communes of each département should cover the département's
 * own contour (both come from the same IGN source); a gap means missing contours.
 */
function checkAreas(
  config: RegionConfig,
  dissolved: readonly Feature<AreaGeometry | null, { code: string; dept: string }>[],
  depts: readonly ContourFeature[],
  warn: (m: string) => void,
  notes: string[],
): void {
  const sum = new Map<string, number>();
  for (const f of dissolved) {
    if (!f.geometry) continue;
    sum.set(f.properties.dept, (sum.get(f.properties.dept) ?? 0) + turfArea(f.geometry));
  }
  let worst = 0;
  for (const d of depts) {
    if (!config.departements.includes(d.properties.code)) continue;
    const ratio = (sum.get(d.properties.code) ?? 0) / turfArea(d.geometry);
    worst = Math.max(worst, Math.abs(1 - ratio));
    if (Math.abs(1 - ratio) > 0.005) {
      warn(`communes of département ${d.properties.code} cover ${(ratio * 100).toFixed(2)} % of its contour`);
    }
  }
  notes.push(`Communes cover their départements' contours within ${(worst * 100).toFixed(3)} % of area.`);
}
