import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { BBox, Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

type Indexed = { boxes: BBox[]; features: Feature<Geometry, { code: string }>[] };
const cache = new WeakMap<object, Indexed>();

/**
 * INSEE code of the commune whose contour contains the point, or '' when
 * none does (a click outside the region, or in a sliver between simplified
 * contours). Bounding boxes are computed once per collection.
 */
export function communeAt(communes: FeatureCollection<Geometry, { code: string }>, lon: number, lat: number): string {
  let indexed = cache.get(communes);
  if (!indexed) {
    indexed = { boxes: communes.features.map((f) => bbox(f)), features: communes.features };
    cache.set(communes, indexed);
  }
  for (let i = 0; i < indexed.features.length; i++) {
    const b = indexed.boxes[i]!;
    if (lon < b[0] || lat < b[1] || lon > b[2] || lat > b[3]) continue;
    const f = indexed.features[i]!;
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    if (booleanPointInPolygon([lon, lat], f as Feature<Polygon | MultiPolygon>)) return f.properties.code;
  }
  return '';
}
