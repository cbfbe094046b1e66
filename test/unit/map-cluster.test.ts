import { describe, expect, it } from 'vitest';
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import {
  CLUSTER_LABEL_EXPRESSION,
  CLUSTER_MAX_ZOOM,
  DENSE_CLUSTER_MAX_ZOOM,
  DENSE_POINTS,
  clusterBubbleSize,
  clusterLabel,
  clusterMaxZoom,
  HALO_CLUSTER_PROPERTIES,
  MIXED_COLOUR,
} from '../../src/map/cluster';
import { importHaloLayers } from '../../src/map/layers/import';
import { baseStyle, SOURCE } from '../../src/map/style';

describe('clusterMaxZoom', () => {
  it('keeps clusters up to zoom 10 for a usual catalogue and to a town view once dense', () => {
    expect(clusterMaxZoom(0)).toBe(CLUSTER_MAX_ZOOM);
    expect(clusterMaxZoom(57)).toBe(10);
    expect(clusterMaxZoom(DENSE_POINTS - 1)).toBe(CLUSTER_MAX_ZOOM);
    expect(clusterMaxZoom(DENSE_POINTS)).toBe(DENSE_CLUSTER_MAX_ZOOM);
    expect(clusterMaxZoom(150_000)).toBe(14);
  });

  it('is what the style starts with; the halos read the same source', () => {
    const style = baseStyle([]);
    const structures = style.sources[SOURCE.structures];
    expect(structures?.type === 'geojson' && structures.clusterMaxZoom).toBe(CLUSTER_MAX_ZOOM);
    expect(structures?.type === 'geojson' && Object.keys(structures.clusterProperties ?? {})).toEqual(['halo', 'imported']);
    for (const layer of importHaloLayers()) expect('source' in layer && layer.source).toBe(SOURCE.structures);
  });
});

describe('cluster labels', () => {
  // The style evaluates the label in MapLibre's worker; the same rule must hold there.
  const evaluate = (count: number): string => {
    const parsed = createExpression(CLUSTER_LABEL_EXPRESSION, 'layers[0].layout.icon-image');
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    return String(parsed.value.evaluate({ zoom: 0 }, { type: 'Point', properties: { point_count: count } } as never));
  };

  it('counts exactly below 100, then rounds down with a plus', () => {
    expect([2, 57, 99, 100, 199, 999, 1000, 2345, 9999, 10_000, 19_999, 150_000].map(clusterLabel)).toEqual([
      '2',
      '57',
      '99',
      '100+',
      '100+',
      '900+',
      '1000+',
      '2000+',
      '9000+',
      '10k+',
      '10k+',
      '150k+',
    ]);
  });

  it('is the same in the style expression for every count up to 200,000, with few distinct images', () => {
    const labels = new Set<string>();
    for (let n = 2; n <= 200_000; n += n < 2000 ? 1 : 7) {
      const label = clusterLabel(n);
      expect(evaluate(n)).toBe(label);
      labels.add(label);
    }
    expect(labels.size).toBeLessThan(140);
  });

  it('never shows more than it counts', () => {
    for (let n = 2; n <= 200_000; n += 13) {
      const label = clusterLabel(n);
      const shown = label.endsWith('k+') ? parseInt(label, 10) * 1000 : parseInt(label, 10);
      expect(shown).toBeLessThanOrEqual(n);
      expect(clusterBubbleSize(label)).toBeGreaterThanOrEqual(28);
    }
  });
});

describe('cluster halo properties', () => {
  // Folds points the way MapLibre's geojson worker does (map each point, then reduce
  // pairwise with `accumulated` in the globals and the other side under `get`).
  const compile = (expression: unknown, key: string) => {
    const parsed = createExpression(expression, key);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    return parsed.value;
  };
  const keys = Object.keys(HALO_CLUSTER_PROPERTIES) as (keyof typeof HALO_CLUSTER_PROPERTIES)[];
  const map = Object.fromEntries(keys.map((k) => [k, compile(HALO_CLUSTER_PROPERTIES[k][1], `sources.structures.clusterProperties.${k}[1]`)]));
  const reduce = Object.fromEntries(
    keys.map((k) => {
      const op = HALO_CLUSTER_PROPERTIES[k][0];
      return [k, compile(typeof op === 'string' ? [op, ['accumulated'], ['get', k]] : op, `sources.structures.clusterProperties.${k}[0]`)];
    }),
  );
  const cluster = (halos: readonly string[]): Record<string, unknown> => {
    const mapped = halos.map((halo) => Object.fromEntries(keys.map((k) => [k, map[k]!.evaluate({ zoom: 0 }, { properties: { halo } } as never)])));
    const acc = { ...mapped[0]! };
    for (const other of mapped.slice(1)) {
      for (const k of keys) acc[k] = reduce[k]!.evaluate({ zoom: 0, accumulated: acc[k] } as never, { properties: other } as never);
    }
    return acc;
  };
  // Brute force: the distinct non-empty colours decide.
  const expected = (halos: readonly string[]) => {
    const colours = new Set(halos.filter((h) => h !== ''));
    return {
      halo: colours.size === 0 ? '' : colours.size === 1 ? [...colours][0] : MIXED_COLOUR,
      imported: halos.filter((h) => h !== '').length,
    };
  };

  it('keeps an imported layer colour among catalogue points, greys only different layers', () => {
    const cases: string[][] = [
      ['', '', ''],
      ['', '#7b3294', ''],
      ['#7b3294', '', '', ''],
      ['#7b3294', '#7b3294'],
      ['#7b3294', '', '#1b7837'],
      ['', '#1b7837', '#1b7837', '', '#7b3294'],
    ];
    for (const halos of cases) expect(cluster(halos)).toEqual(expected(halos));
  });

  it('agrees with the brute force on random mixes, in any order', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const palette = ['', '', '', '#7b3294', '#1b7837'];
    for (let i = 0; i < 300; i++) {
      const halos = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => palette[Math.floor(rand() * palette.length)]!);
      expect(cluster(halos)).toEqual(expected(halos));
    }
  });
});
