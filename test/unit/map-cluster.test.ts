import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { CLUSTER_MAX_ZOOM, DENSE_CLUSTER_MAX_ZOOM, DENSE_POINTS, clusterMaxZoom } from '../../src/map/cluster';
import { importSource } from '../../src/map/layers/import';
import { baseStyle } from '../../src/map/style';

const points = (n: number): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: { id: `p${i}` },
    geometry: { type: 'Point', coordinates: [1 + i * 1e-5, 43] },
  })),
});

describe('clusterMaxZoom', () => {
  it('keeps clusters up to zoom 10 for a usual catalogue and to a town view once dense', () => {
    expect(clusterMaxZoom(0)).toBe(CLUSTER_MAX_ZOOM);
    expect(clusterMaxZoom(57)).toBe(10);
    expect(clusterMaxZoom(DENSE_POINTS - 1)).toBe(CLUSTER_MAX_ZOOM);
    expect(clusterMaxZoom(DENSE_POINTS)).toBe(DENSE_CLUSTER_MAX_ZOOM);
    expect(clusterMaxZoom(150_000)).toBe(14);
  });

  it('is what the style and the imported layers start with', () => {
    const style = baseStyle([]);
    const structures = Object.values(style.sources).find((s) => s.type === 'geojson' && s.cluster);
    expect(structures && structures.type === 'geojson' && structures.clusterMaxZoom).toBe(CLUSTER_MAX_ZOOM);
    const small = importSource(points(10));
    const dense = importSource(points(DENSE_POINTS));
    expect(small.type === 'geojson' && small.clusterMaxZoom).toBe(CLUSTER_MAX_ZOOM);
    expect(dense.type === 'geojson' && dense.clusterMaxZoom).toBe(DENSE_CLUSTER_MAX_ZOOM);
  });
});
