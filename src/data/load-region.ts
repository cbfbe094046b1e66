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
  /** `label`: where the map writes the name, found by the data build ([lon, lat]). */
  departements: FeatureCollection<Geometry, { code: string; nom: string; label?: [number, number] | null }>;
  /**
   * Whether the commune list (`communes`, `communeByCode`: names, points, postcodes) has
   * arrived. The first view needs only the outline, the départements and the structures,
   * so the list and the contours come after the first paint: until then they are empty,
   * and what needs them waits (see `loadRegionCommunes`).
   */
  communesReady: boolean;
  /**
   * The commune contours (communes.geojson) as downloaded, not parsed: the map reads them
   * in its own worker (`contoursUrl`) and the import in its own (2 MB of JSON that the
   * page's thread never parses for the first view); coverage and the print sheet parse them on demand
   * (`regionContours`, src/data/contours.ts). Null until they arrive.
   */
  contours: Blob | null;
  /**
   * Where the contours come from: the map hands this address to MapLibre's worker once
   * `contours` is in, and the worker reads the file there (a 304 from the HTTP cache).
   * Not the Blob's object URL: MapLibre has its worker ask the page's thread for any
   * address that is not http(s), and that thread would then parse the file and copy it
   * over field by field (over a second of long tasks on the 4G profile).
   */
  contoursUrl: string;
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
    communesReady: false,
    contours: null,
    contoursUrl: `${dir}communes.geojson`,
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

/**
 * The downloads of what the first view left out, started but not parsed: the commune list
 * (null when the first view brought it) and the contours. Parsing them is main-thread
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
 * Starts downloading the commune list and the contours, both at once. Chaining the
 * contours after the list made their request wait for the page's thread, which on a slow
 * phone is busy starting the map: on the 4G profile the contours were asked for 2.2–2.5 s
 * after the list had arrived. Side by side the list (80 KB) shares the bandwidth for the
 * time it takes, and still arrives first.
 */
export function downloadRegionCommunes(data: RegionData, base = dataBaseUrl()): CommunesDownload {
  const dir = regionDir(data.config.id, base);
  // Low priority: the map's own files (its worker, images) go first.
  const init: RequestInit = { priority: 'low' } as RequestInit;
  const list = data.communesReady ? null : fetchBody(`${dir}communes.json`, init);
  const contours = fetchBody(data.contoursUrl, init);
  // Read (and their failures reported) by readRegionCommunes, maybe later than they settle.
  list?.catch(() => undefined);
  contours.catch(() => undefined);
  return { list, contours };
}

const parseBody = async <T>(body: Promise<Blob>): Promise<T> => JSON.parse(await (await body).text()) as T;

/**
 * Reads a download: `onList` gets the commune list (parsed), then the returned promise
 * the contours, as downloaded (see `RegionData.contours`).
 */
export async function readRegionCommunes(download: CommunesDownload, onList: (communes: Commune[]) => void = () => undefined): Promise<Blob> {
  if (download.list) onList(await parseBody<Commune[]>(download.list));
  return download.contours;
}

/** What the first view left out, downloaded now (see `downloadRegionCommunes`). */
export function loadRegionCommunes(data: RegionData, base = dataBaseUrl(), onList: (communes: Commune[]) => void = () => undefined): Promise<Blob> {
  return readRegionCommunes(downloadRegionCommunes(data, base), onList);
}
