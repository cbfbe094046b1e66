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
  if (inputs.communesGeo) {
    const index = new PolygonIndex(inputs.communesGeo);
    ctx.communeAt = (lon, lat) => index.find(lon, lat);
  }
  if (inputs.region) ctx.inRegion = pointInGeometry(featureGeometry(inputs.region));
  if (inputs.departements) {
    ctx.departementNames = inputs.departements.features.map((f) => ({ code: f.properties.code, name: f.properties.nom }));
  }
  return ctx;
}
