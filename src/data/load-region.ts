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
}

export interface RegionListEntry {
  id: string;
  name: { fr: string; en: string };
}

/** Base URL of the generated data, overridable for embeds served from another page. */
export function dataBaseUrl(): string {
  return new URL('data/', new URL(import.meta.env.BASE_URL, window.location.href)).href;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export async function loadRegionList(base = dataBaseUrl()): Promise<RegionListEntry[]> {
  return fetchJson<RegionListEntry[]>(`${base}regions.json`);
}

/** One region as loaded: its territory, and its own catalogue of structures. */
export interface LoadedRegion {
  data: RegionData;
  structures: Structure[];
}

export async function loadRegion(regionId: string, base = dataBaseUrl()): Promise<LoadedRegion> {
  if (!/^[a-z0-9-]+$/.test(regionId)) throw new Error(`invalid region id "${regionId}"`);
  const dir = `${base}${regionId}/`;
  const [config, manifest, communes, epci, region, departements, communesGeo, structuresGeo] = await Promise.all([
    fetchJson<RegionConfig>(`${dir}config.json`),
    fetchJson<Manifest>(`${dir}manifest.json`),
    fetchJson<Commune[]>(`${dir}communes.json`),
    fetchJson<EpciInfo[]>(`${dir}epci.json`).catch(() => [] as EpciInfo[]),
    fetchJson<Feature<Geometry> | FeatureCollection<Geometry>>(`${dir}region.geojson`),
    fetchJson<RegionData['departements']>(`${dir}departements.geojson`),
    fetchJson<RegionData['communesGeo']>(`${dir}communes.geojson`),
    fetchJson<FeatureCollection<Point | null, Structure>>(`${dir}structures.geojson`),
  ]);
  const regionFeature = region.type === 'FeatureCollection' ? region.features[0]! : region;
  return {
    data: {
      config,
      manifest,
      communes,
      communeByCode: new Map(communes.map((c) => [c.code, c])),
      epci,
      region: regionFeature,
      departements,
      communesGeo,
    },
    structures: structuresGeo.features.map((f) => f.properties),
  };
}
