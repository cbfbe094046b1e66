// The import context from a region's data (the app's RegionData, or files read by the CLI).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Commune } from '../types';
import { featureGeometry, pointInGeometry, PolygonIndex } from './point-index';
import type { ImportContext } from './types';

export interface RegionInputs {
  config: ImportContext['config'];
  communes: readonly Commune[];
  /** Commune polygons with a `code` property: give them so that a point finds its commune. */
  communesGeo?: FeatureCollection<Geometry | null, { code: string }>;
  /** The region's outline: a point outside it is rejected (else the configured bounding box is used). */
  region?: Feature<Geometry> | FeatureCollection<Geometry>;
  departements?: FeatureCollection<Geometry | null, { code: string; nom: string }>;
}

export function buildImportContext(inputs: RegionInputs): ImportContext {
  const ctx: ImportContext = { config: inputs.config, communes: inputs.communes };
  let communeAt: ((lon: number, lat: number) => string | null) | null = null;
  if (inputs.communesGeo) {
    const index = new PolygonIndex(inputs.communesGeo);
    communeAt = lastPoint((lon, lat) => index.find(lon, lat));
    ctx.communeAt = communeAt;
  }
  if (inputs.region) {
    const inOutline = pointInGeometry(featureGeometry(inputs.region));
    // Communes tile the region: a point in a commune needs no test against the long outline.
    ctx.inRegion = lastPoint((lon, lat) => (communeAt?.(lon, lat) ?? null) !== null || inOutline(lon, lat));
  }
  if (inputs.departements) {
    ctx.departementNames = inputs.departements.features.map((f) => ({ code: f.properties.code, name: f.properties.nom }));
  }
  return ctx;
}

/** Remembers the last answer: a row asks about the same point several times (swap test, validation, commune). */
function lastPoint<T>(fn: (lon: number, lat: number) => T): (lon: number, lat: number) => T {
  let lastLon = NaN;
  let lastLat = NaN;
  let last!: T;
  return (lon, lat) => {
    if (lon !== lastLon || lat !== lastLat) {
      last = fn(lon, lat);
      lastLon = lon;
      lastLat = lat;
    }
    return last;
  };
}
