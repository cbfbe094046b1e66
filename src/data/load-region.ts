import type { FeatureCollection, Feature, Geometry, Point } from 'geojson';
import type { Commune, EpciInfo, Manifest, RegionConfig, Structure } from '../domain/types';

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
  departements: FeatureCollection<Geometry, { code: string; nom: string }>;
  communesGeo: FeatureCollection<Geometry, { code: string; nom: string; dept: string; population: number }>;
  /**
   * Whether the commune list (`communes`, `communeByCode`: names, points, postcodes) has
   * arrived. The first view needs only the outline, the départements and the structures,
   * so the list and the contours come after the first paint: until then they are empty,
   * and what needs them waits (see `loadRegionCommunes`).
   */
  communesReady: boolean;
  /** Whether the commune contours (`communesGeo`) have arrived: the map's commune layer, coverage, point-in-commune lookups. */
  contoursReady: boolean;
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

const EMPTY_COLLECTION = { type: 'FeatureCollection', features: [] } as const;

function regionDir(regionId: string, base: string): string {
  if (!/^[a-z0-9-]+$/.test(regionId)) throw new Error(`invalid region id "${regionId}"`);
  return `${base}${regionId}/`;
}

/**
 * The region's first view: configuration, outline, départements and structures (about
 * 70 KB gzip), without the commune list and contours (about 600 KB), which
 * `loadRegionCommunes` brings afterwards. `withCommuneList` also waits for the commune
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
  const regionFeature = region.type === 'FeatureCollection' ? region.features[0]! : region;
  const data: RegionData = {
    config,
    manifest,
    communes: [],
    communeByCode: new Map(),
    epci,
    region: regionFeature,
    departements,
    communesGeo: { ...EMPTY_COLLECTION, features: [] },
    communesReady: false,
    contoursReady: false,
  };
  return { data: communes ? withCommuneList(data, communes) : data, structures: structuresGeo.features.map((f) => f.properties) };
}

/** Whether all of the region has arrived: the first view, the commune list and the contours. */
export function regionComplete(data: RegionData | null | undefined): boolean {
  return !!data?.communesReady && data.contoursReady;
}

/** The same territory with its commune list (a new object: the store sees the change). */
export function withCommuneList(data: RegionData, communes: Commune[]): RegionData {
  return { ...data, communes, communeByCode: new Map(communes.map((c) => [c.code, c])), communesReady: true };
}

/** The same territory with its commune contours. */
export function withContours(data: RegionData, communesGeo: RegionData['communesGeo']): RegionData {
  return { ...data, communesGeo, contoursReady: true };
}

/**
 * The downloads of what the first view left out, started but not parsed: the commune list
 * (null when the first view brought it), then the contours. Parsing them is main-thread
 * work that would slow the first paint; downloading them is not, and on a slow network
 * they arrive while the map's code still runs (`readRegionCommunes` parses them).
 */
export interface CommunesDownload {
  list: Promise<Blob> | null;
  contours: Promise<Blob>;
}

async function fetchBody(url: string, init: RequestInit): Promise<Blob> {
  return (await fetchOk(url, init)).blob();
}

/**
 * Starts downloading the commune list, then the contours: one after the other, so that
 * the list (search, names, scopes), which is smaller and needed sooner, has the
 * bandwidth to itself.
 */
export function downloadRegionCommunes(data: RegionData, base = dataBaseUrl()): CommunesDownload {
  const dir = regionDir(data.config.id, base);
  // Low priority: the map's own files (its worker, images) go first.
  const init: RequestInit = { priority: 'low' } as RequestInit;
  const list = data.communesReady ? null : fetchBody(`${dir}communes.json`, init);
  const contours = (list ?? Promise.resolve()).catch(() => undefined).then(() => fetchBody(`${dir}communes.geojson`, init));
  // Read (and their failures reported) by readRegionCommunes, maybe later than they settle.
  list?.catch(() => undefined);
  contours.catch(() => undefined);
  return { list, contours };
}

const parseBody = async <T>(body: Promise<Blob>): Promise<T> => JSON.parse(await (await body).text()) as T;

/** Parses a download: `onList` gets the commune list, then the returned promise the contours. */
export async function readRegionCommunes(
  download: CommunesDownload,
  onList: (communes: Commune[]) => void = () => undefined,
): Promise<RegionData['communesGeo']> {
  if (download.list) onList(await parseBody<Commune[]>(download.list));
  return parseBody<RegionData['communesGeo']>(download.contours);
}

/** What the first view left out, downloaded and parsed now (see `downloadRegionCommunes`). */
export function loadRegionCommunes(
  data: RegionData,
  base = dataBaseUrl(),
  onList: (communes: Commune[]) => void = () => undefined,
): Promise<RegionData['communesGeo']> {
  return readRegionCommunes(downloadRegionCommunes(data, base), onList);
}

/** The whole region at once (scripts and tests): the first view, then the communes. */
export async function loadRegion(regionId: string, base = dataBaseUrl()): Promise<LoadedRegion> {
  const first = await loadRegionFirstView(regionId, base, { withCommuneList: true });
  const contours = await loadRegionCommunes(first.data, base);
  return { data: withContours(first.data, contours), structures: first.structures };
}
