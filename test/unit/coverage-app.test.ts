import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { communePaint, coverageOverlayLayers, DISTANCE_STATE, territoryLayer } from '../../src/map/layers/coverage.ts';
import { coverageCodec } from '../../src/store/coverage-url.ts';
import { createAppStore, type AppState } from '../../src/store/app-store.ts';
import { DEFAULT_COVERAGE } from '../../src/store/coverage-slice.ts';
import { createCoverageClient, LatestOnly } from '../../src/workers/coverage-client.ts';
import type { CoverageCommune, CoverageOffer } from '../../src/domain/coverage/index.ts';
import { STEP } from '../fixtures/coverage/line.ts';

const line = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/coverage/line.json'), 'utf8')) as {
  communes: CoverageCommune[];
  offers: CoverageOffer[];
};

describe('LatestOnly', () => {
  it('runs the first request and then only the latest one, and delivers only the latest answer', async () => {
    const started: number[] = [];
    const delivered: number[] = [];
    let release: (() => void) | null = null;
    const runner = new LatestOnly<number, number>(
      (n) => {
        started.push(n);
        return new Promise((resolve) => (release = () => resolve(n * 10)));
      },
      (r) => delivered.push(r),
    );
    runner.request(1);
    runner.request(2);
    runner.request(3);
    expect(started).toEqual([1]);
    release!();
    await new Promise((r) => setTimeout(r, 0));
    expect(delivered).toEqual([]); // 1 was superseded
    expect(started).toEqual([1, 3]); // 2 never ran
    release!();
    await new Promise((r) => setTimeout(r, 0));
    expect(delivered).toEqual([30]);
  });

  it('delivers nothing after dispose', async () => {
    const delivered: number[] = [];
    const runner = new LatestOnly<number, number>(
      async (n) => n,
      (r) => delivered.push(r),
    );
    runner.request(1);
    runner.dispose();
    await new Promise((r) => setTimeout(r, 0));
    expect(delivered).toEqual([]);
  });
});

describe('coverage client', () => {
  it('falls back to the main thread where there is no Worker, with the same answers', async () => {
    const region: Feature<Geometry> = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [1.5, 42.9],
            [2.5, 42.9],
            [2.5, 43.7],
            [1.5, 43.7],
            [1.5, 42.9],
          ],
        ],
      },
    };
    const departements: FeatureCollection<Geometry, { code: string }> = { type: 'FeatureCollection', features: [] };
    const client = createCoverageClient({ communes: line.communes, region, departements });
    expect(client.mode).toBe('main');
    const offers = line.offers.slice(0, 1);
    // Known in advance (test/fixtures/coverage/README.md): commune k is k steps of 0.1° of
    // meridian from the only site; with the offer declaring D2, communes 4-6 are at 0.
    const r = await client.nearest({ offers, reading: 'site' });
    expect(r.distanceKm).toHaveLength(7);
    line.communes.forEach((_, k) => expect(r.distanceKm[k]).toBeCloseTo(k * STEP, 9));
    const zones = await client.nearest({ offers: line.offers.slice(0, 2), reading: 'zones' });
    expect([...zones.distanceKm].slice(4)).toEqual([0, 0, 0]);
    expect(zones.distanceKm[3]).toBeCloseTo(3 * STEP, 9);
    const extras = await client.extras({ offers, reading: 'site', thresholdKm: 15, suggestions: 3 });
    expect(extras.suggestions.map((s) => s.code)).toEqual(['00006', '00003']);
    expect(extras.gapAreaKm2).toBeGreaterThan(0);
    expect(extras.gapAreaKm2).toBeLessThan(extras.regionAreaKm2);
  });
});

describe('coverage layers', () => {
  it('highlight communes strictly beyond the threshold, read from feature-state', () => {
    const paint = communePaint(30, false);
    const incomplete = ['==', ['coalesce', ['feature-state', 'covu'], 0], 1];
    expect(paint['fill-opacity']).toEqual(['case', ['>', ['coalesce', ['feature-state', DISTANCE_STATE], -1], 30], ['case', incomplete, 0.5, 0.42], 0]);
    // Beyond where the catalogue is incomplete: a neutral grey, not the gap colour.
    expect(paint['fill-color']).toEqual(['case', incomplete, '#7a7a7a', '#c2410c']);
  });

  it('colour distance classes with the threshold as a boundary', () => {
    const color = communePaint(30, true)['fill-color'] as unknown[];
    expect(color.filter((x) => Array.isArray(x) && x[0] === '<=').map((x) => (x as unknown[])[2])).toEqual([15, 30, 45, 60]);
  });

  it('hatch the gap with an image pattern and draw ranks as images (no glyphs)', () => {
    const layers = coverageOverlayLayers();
    expect(layers.find((l) => l.id === 'coverage-gap-fill')).toMatchObject({ type: 'fill', paint: { 'fill-pattern': 'coverage-hatch' } });
    expect(JSON.stringify(layers)).not.toContain('text-field');
    expect(territoryLayer({ dept: '48' })).toMatchObject({ source: 'communes', filter: ['==', ['get', 'dept'], '48'] });
  });
});

describe('coverage URL codec', () => {
  const write = (state: Partial<AppState>) => {
    const store = createAppStore();
    store.setState(state);
    const params = new URLSearchParams();
    coverageCodec.write(store.getState(), params);
    return params;
  };

  it('writes nothing for the defaults', () => {
    expect(write({}).toString()).toBe('');
  });

  it('round-trips every setting, the tab and the test sites (4 decimals)', () => {
    const coverage = {
      ...DEFAULT_COVERAGE,
      thresholdKm: 45,
      types: ['incubateur', 'realis'],
      stages: ['creation'],
      reading: 'zones' as const,
      classes: true,
      groupBy: 'epci' as const,
      sims: [{ lon: 1.23456, lat: 43.98765, type: 'realis' }],
    };
    const params = write({ coverage, tab: 'coverage' });
    expect(params.get('sim')).toBe('1.2346,43.9877,realis');
    const back = coverageCodec.read(params) as { coverage: typeof coverage; tab: string };
    expect(back.tab).toBe('coverage');
    expect(back.coverage).toEqual({ ...coverage, sims: [{ lon: 1.2346, lat: 43.9877, type: 'realis' }] });
  });

  it('ignores a threshold out of bounds and keeps the good test sites', () => {
    const back = coverageCodec.read(new URLSearchParams('covkm=500&sim=1,43,realis;bad;2,44,incubateur')) as { coverage: typeof DEFAULT_COVERAGE };
    expect(back.coverage.thresholdKm).toBeNull();
    expect(back.coverage.sims).toEqual([
      { lon: 1, lat: 43, type: 'realis' },
      { lon: 2, lat: 44, type: 'incubateur' },
    ]);
  });

  it('store actions: types back to "all" when every type is ticked, threshold clamped, sims added and removed', () => {
    const store = createAppStore();
    const all = ['a', 'b'];
    store.getState().toggleCoverageType('a', all);
    expect(store.getState().coverage.types).toEqual(['b']);
    store.getState().toggleCoverageType('a', all);
    expect(store.getState().coverage.types).toBeNull();
    store.getState().commitCoverageKm(250);
    expect(store.getState().coverage.thresholdKm).toBe(100);
    store.getState().addSim({ lon: 1, lat: 2, type: 'a' });
    store.getState().addSim({ lon: 3, lat: 4, type: 'b' });
    store.getState().removeSim(0);
    expect(store.getState().coverage.sims).toEqual([{ lon: 3, lat: 4, type: 'b' }]);
  });
});
