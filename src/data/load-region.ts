import type { FeatureCollection, Feature, Geometry, Point } from 'geojson';
import type { Commune, EpciInfo, Manifest, RegionConfig, Structure } from '../domain/types';
import { communeTilePath } from '../domain/tiles';

/**
 * A region's territory and configuration, as built by scripts/build-data.ts: what the
 * map and the workers are built from. Its catalogue of structures is kept apart (the
 * store's `catalogue`), so replacing the catalogue never rebuilds the map.
 */
export interface RegionData {
  config: RegionConfig;
  manifest: Manifest;
  communes: Commune[];
  communeByCode: Map<string, Commune>;
  epci: EpciInfo[];
  region: Feature<Geometry>;
  /** `label`: where the map writes the name, found by the data build ([lon, lat]). */
  departements: FeatureCollection<Geometry, { code: string; nom: string; label?: [number, number] | null }>;
  /**
   * Whether the commune list (`communes`, `communeByCode`: names, points, postcodes) has
   * arrived. The first view needs only the outline, the départements and the structures,
   * so the list and the contours come after the first paint: until then they are empty,
   * and what needs them waits (see `downloadCommuneList`, `downloadContours`).
   */
  communesReady: boolean;
  /**
   * The commune contours (communes.geojson) as downloaded, not parsed, for what computes
   * with their shapes: the import reads them in its own worker (2 MB of JSON that the
   * page's thread never parses), coverage and the print sheet parse them on demand
   * (`regionContours`, src/data/contours.ts). Null until they arrive: they are asked for
   * once the map has drawn the communes, or as soon as a panel needs them
   * (src/ui/useRegionData.ts). The map itself draws the commune tiles (`communeTilesUrl`).
   */
  contours: Blob | null;
  /** Where the contours come from. */
  contoursUrl: string;
  /**
   * The commune tiles' address template ({z}/{x}/{y}): the same shapes as the contours,
   * cut by the data build into vector tiles (src/domain/tiles.ts), which MapLibre's worker
   * fetches as the view needs them. Absolute, as the worker needs it.
   */
  communeTilesUrl: string;
}

export interface RegionListEntry {
  id: string;
  name: { fr: string; en: string };
}

/** Base URL of the generated data, overridable for embeds served from another page. */
export function dataBaseUrl(): string {
  return new URL('data/', new URL(import.meta.env.BASE_URL, window.location.href)).href;
}

/** The response, or an error naming the URL and the HTTP status. */
async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  return (await (await fetchOk(url, init)).json()) as T;
}

export async function loadRegionList(base = dataBaseUrl()): Promise<RegionListEntry[]> {
  return fetchJson<RegionListEntry[]>(`${base}regions.json`);
}

/** One region as loaded: its territory, and its own catalogue of structures. */
export interface LoadedRegion {
  data: RegionData;
  structures: Structure[];
}

function regionDir(regionId: string, base: string): string {
  if (!/^[a-z0-9-]+$/.test(regionId)) throw new Error(`invalid region id "${regionId}"`);
  return `${base}${regionId}/`;
}

/**
 * The region's first view: configuration, outline, départements and structures (about
 * 70 KB gzip), without the commune list and contours (about 560 KB), which
 * `downloadCommuneList` and `downloadContours` bring afterwards. `withCommuneList` also waits for the commune
 * list (not the contours), for views that cannot be drawn right without it: a partner's
 * territory (`epci=`, `commune=`, `around=`) or file (`data=`).
 */
export async function loadRegionFirstView(regionId: string, base = dataBaseUrl(), options: { withCommuneList?: boolean } = {}): Promise<LoadedRegion> {
  const dir = regionDir(regionId, base);
  const [config, manifest, epci, region, departements, structuresGeo, communes] = await Promise.all([
    fetchJson<RegionConfig>(`${dir}config.json`),
    fetchJson<Manifest>(`${dir}manifest.json`),
    fetchJson<EpciInfo[]>(`${dir}epci.json`).catch(() => [] as EpciInfo[]),
    fetchJson<Feature<Geometry> | FeatureCollection<Geometry>>(`${dir}region.geojson`),
    fetchJson<RegionData['departements']>(`${dir}departements.geojson`),
    fetchJson<FeatureCollection<Point | null, Structure>>(`${dir}structures.geojson`),
    options.withCommuneList ? fetchJson<Commune[]>(`${dir}communes.json`) : null,
  ]);
  // Data built before versioned commune tiles (an older build of public/data served with this app).
  if (!manifest.communeTiles?.version) throw new Error(`${dir}manifest.json: no commune tiles version (data from an older build: run npm run build:data)`);
  const regionFeature = region.type === 'FeatureCollection' ? region.features[0]! : region;
  const data: RegionData = {
    config,
    manifest,
    communes: [],
    communeByCode: new Map(),
    epci,
    region: regionFeature,
    departements,
    communesReady: false,
    contours: null,
    contoursUrl: `${dir}communes.geojson`,
    // The folder made absolute on its own: URL() would escape the braces of the template.
    communeTilesUrl: `${typeof window === 'undefined' ? dir : new URL(dir, window.location.href).href}${communeTilePath(manifest.communeTiles.version, '{z}', '{x}', '{y}')}`,
  };
  return { data: communes ? withCommuneList(data, communes) : data, structures: structuresGeo.features.map((f) => f.properties) };
}

/** Whether all of the region has arrived: the first view, the commune list and the contours. */
export function regionComplete(data: RegionData | null | undefined): boolean {
  return !!data?.communesReady && data.contours !== null;
}

/** The same territory with its commune list (a new object: the store sees the change). */
export function withCommuneList(data: RegionData, communes: Commune[]): RegionData {
  return { ...data, communes, communeByCode: new Map(communes.map((c) => [c.code, c])), communesReady: true };
}

/** The same territory with its commune contours (downloaded, not parsed). */
export function withContours(data: RegionData, contours: Blob): RegionData {
  return { ...data, contours };
}

async function fetchBody(url: string, init: RequestInit): Promise<Blob> {
  return (await fetchOk(url, init)).blob();
}

// Low priority: the map's own files (its worker, images, tiles) go first.
const LATER: RequestInit = { priority: 'low' } as RequestInit;

/**
 * Starts downloading the commune list (null when the first view brought it), not parsing
 * it: parsing is main-thread work that would slow the first paint; downloading is not, and
 * on a slow network the list arrives while the map's code still runs (`readCommuneList`).
 */
export function downloadCommuneList(data: RegionData, base = dataBaseUrl()): Promise<Blob> | null {
  if (data.communesReady) return null;
  const list = fetchBody(`${regionDir(data.config.id, base)}communes.json`, LATER);
  // Read (and its failure reported) by readCommuneList, maybe later than it settles.
  list.catch(() => undefined);
  return list;
}

export async function readCommuneList(download: Promise<Blob>): Promise<Commune[]> {
  return JSON.parse(await (await download).text()) as Commune[];
}

/**
 * Downloads the commune contours, as a Blob (see `RegionData.contours`). Not with the
 * first view: the map draws the communes from their tiles, and on the 4G profile these
 * 480 kB gzip took the bandwidth the map's files and tiles needed.
 */
export function downloadContours(data: RegionData): Promise<Blob> {
  return fetchBody(data.contoursUrl, LATER);
}
