import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTER, matchesFilter, type StructureFilter } from '../../src/domain/filter';
import { haversineKm } from '../../src/domain/geo/distance';
import { nearStructures, parcours } from '../../src/domain/search/near';
import { buildNearestIndex, nearest, nearestLinear, type Neighbour } from '../../src/domain/search/nearest';
import { formatFromParam, isInRegion, parseFromParam, pointOrigin } from '../../src/domain/search/origin';
import type { Commune, StageConfig, Structure } from '../../src/domain/types';
import { mulberry32 } from './search-fixtures';
import { makeStructure } from '../fixtures/structure';

const TYPES = ['incubateur', 'realis', 'pole_ess', 'financement'];
const STAGES = ['emergence', 'creation', 'developpement', 'transmission'];
const DEPTS = ['09', '11', '12', '31', '34', '48'];

function structure(id: string, lon: number | null, lat: number | null, extra: Partial<Structure> = {}): Structure {
  return makeStructure({ id, name: id, stages: ['emergence'], lon, lat, precision: lon === null ? 'none' : 'commune', ...extra });
}

/**
 * Synthetic catalogue over Occitanie's box: about a third of the sites share
 * the exact position of another (as sites placed at their commune's point
 * do), some have no position, ids are shuffled so that id order is not
 * insertion order.
 */
function syntheticCatalogue(seed: number, n: number): Structure[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const out: Structure[] = [];
  for (let i = 0; i < n; i++) {
    const id = `s-${String(Math.floor(random() * 1e6)).padStart(6, '0')}-${i}`;
    const twin = out.length > 0 && random() < 0.35 ? pick(out) : null;
    const unlocated = random() < 0.05;
    const lon = unlocated ? null : twin && twin.lon !== null ? twin.lon : -0.3 + random() * 5.2;
    const lat = unlocated ? null : twin && twin.lat !== null ? twin.lat : 42.3 + random() * 2.7;
    const dept = pick(DEPTS);
    out.push(
      structure(id, lon, lat, {
        type: pick(TYPES),
        stages: STAGES.filter(() => random() < 0.5),
        commune: unlocated ? '' : `${dept}001`,
        zone: random() < 0.2 ? ['region'] : random() < 0.3 ? [pick(DEPTS)] : [],
      }),
    );
  }
  return out;
}

function randomFilter(random: () => number): StructureFilter {
  const r = random();
  if (r < 0.3) return NO_FILTER;
  return {
    types: random() < 0.5 ? TYPES.filter(() => random() < 0.5) : null,
    stages: random() < 0.5 ? [STAGES[Math.floor(random() * STAGES.length)]!] : [],
    dept: random() < 0.3 ? DEPTS[Math.floor(random() * DEPTS.length)]! : null,
  };
}

const summary = (list: Neighbour<Structure>[]) => list.map((n) => [n.item.id, n.distanceKm]);

describe('nearest with the spatial index equals brute force', () => {
  const catalogue = syntheticCatalogue(7, 400);
  const index = buildNearestIndex(catalogue);

  it('indexes only the sites with a position and counts the others', () => {
    const unlocated = catalogue.filter((s) => s.lon === null).length;
    expect(unlocated).toBeGreaterThan(0);
    expect(index.unlocated).toBe(unlocated);
    expect(index.located).toHaveLength(catalogue.length - unlocated);
  });

  it('has exact duplicate positions to tie on', () => {
    const positions = new Set(index.located.map((s) => `${s.lon},${s.lat}`));
    expect(positions.size).toBeLessThan(index.located.length * 0.8);
  });

  it('for 600 seeded random origins, k and filters', () => {
    const random = mulberry32(42);
    let withTies = 0;
    let filtered = 0;
    for (let q = 0; q < 600; q++) {
      // Mostly inside the region, some well outside (Paris, Barcelona, the sea).
      const lon = q % 10 === 0 ? -5 + random() * 15 : -0.3 + random() * 5.2;
      const lat = q % 10 === 0 ? 40 + random() * 9 : 42.3 + random() * 2.7;
      const k = 1 + Math.floor(random() * 15);
      const filter = randomFilter(random);
      if (filter !== NO_FILTER) filtered += 1;
      const keep = (s: Structure) => matchesFilter(s, filter);
      const fast = nearest(index, lon, lat, k, keep);
      const slow = nearestLinear(catalogue, lon, lat, k, keep);
      expect(summary(fast), `origin ${lon},${lat} k=${k}`).toEqual(summary(slow));
      if (new Set(fast.map((n) => n.distanceKm)).size < fast.length) withTies += 1;
    }
    // The test is only worth something if ties and filters actually happened.
    expect(withTies).toBeGreaterThan(50);
    expect(filtered).toBeGreaterThan(300);
  });

  it('for origins sitting exactly on shared positions (ties at distance 0 and at the k-th place)', () => {
    const random = mulberry32(3);
    for (let q = 0; q < 200; q++) {
      const at = index.located[Math.floor(random() * index.located.length)]!;
      const k = 1 + Math.floor(random() * 6);
      const fast = nearest(index, at.lon!, at.lat!, k);
      expect(summary(fast)).toEqual(summary(nearestLinear(catalogue, at.lon!, at.lat!, k)));
      expect(fast[0]!.distanceKm).toBe(0);
    }
  });

  it('orders equal distances by id', () => {
    const twins = [structure('b', 2, 43), structure('c', 2, 43), structure('a', 2, 43), structure('z', 2.5, 43)];
    const result = nearest(buildNearestIndex(twins), 2.1, 43, 2);
    expect(result.map((n) => n.item.id)).toEqual(['a', 'b']);
  });

  it('returns fewer than k when fewer pass the filter, and nothing for k = 0 or no position', () => {
    const keep = (s: Structure) => s.type === 'realis' && s.stages.includes('transmission');
    const count = catalogue.filter((s) => s.lon !== null && keep(s)).length;
    expect(nearest(index, 2, 43.5, 10_000, keep)).toHaveLength(count);
    expect(nearest(index, 2, 43.5, 0)).toEqual([]);
    expect(nearest(buildNearestIndex([structure('x', null, null)]), 2, 43, 3)).toEqual([]);
    expect(nearest(index, Number.NaN, 43, 3)).toEqual([]);
  });

  it('gives haversine distances', () => {
    const [n] = nearest(index, 1.44, 43.6, 1);
    expect(n!.distanceKm).toBe(haversineKm(1.44, 43.6, n!.item.lon!, n!.item.lat!));
  });
});

describe('near answers and the parcours', () => {
  const stages: StageConfig[] = [
    { id: 'emergence', label: { fr: 'Émergence', en: 'Emergence' } },
    { id: 'creation', label: { fr: 'Création', en: 'Creation' } },
    { id: 'transmission', label: { fr: 'Transmission', en: 'Transfer' } },
  ];
  // Mende is at about (3.50, 44.52); distances are known by construction.
  const catalogue = [
    structure('near-emergence', 3.5, 44.6, { stages: ['emergence'] }),
    structure('far-both', 3.9, 43.6, { stages: ['emergence', 'creation'], type: 'realis' }),
    structure('mid-creation', 2.6, 44.35, { stages: ['creation'], type: 'financement' }),
    structure('nowhere', null, null, { stages: ['creation'] }),
  ];
  const index = buildNearestIndex(catalogue);

  it('lists the nearest first and counts the unlocated ones matching the filters', () => {
    const answer = nearStructures(index, catalogue, 3.5, 44.52, NO_FILTER, 10);
    expect(answer.results.map((n) => n.item.id)).toEqual(['near-emergence', 'mid-creation', 'far-both']);
    expect(answer.unlocated).toBe(1);
    expect(answer.matching).toBe(4);
    const onlyEmergence = nearStructures(index, catalogue, 3.5, 44.52, { ...NO_FILTER, stages: ['emergence'] }, 10);
    expect(onlyEmergence.unlocated).toBe(0);
    expect(onlyEmergence.results.map((n) => n.item.id)).toEqual(['near-emergence', 'far-both']);
  });

  it('gives for each stage the nearest structure serving it, or null', () => {
    const steps = parcours(index, stages, 3.5, 44.52, NO_FILTER);
    expect(steps.map((s) => [s.stage.id, s.nearest?.item.id ?? null])).toEqual([
      ['emergence', 'near-emergence'],
      ['creation', 'mid-creation'],
      ['transmission', null],
    ]);
    expect(steps[0]!.nearest!.distanceKm).toBeCloseTo(haversineKm(3.5, 44.52, 3.5, 44.6), 10);
  });

  it('keeps the type filter and replaces the stage filter in the parcours', () => {
    const steps = parcours(index, stages, 3.5, 44.52, { types: ['realis'], stages: ['transmission'], dept: null });
    expect(steps.map((s) => s.nearest?.item.id ?? null)).toEqual(['far-both', 'far-both', null]);
  });

  it('matches brute force for every stage over random origins', () => {
    const big = syntheticCatalogue(11, 300);
    const bigIndex = buildNearestIndex(big);
    const random = mulberry32(5);
    const allStages = STAGES.map((id) => ({ id, label: { fr: id, en: id } }));
    for (let q = 0; q < 100; q++) {
      const lon = -0.3 + random() * 5.2;
      const lat = 42.3 + random() * 2.7;
      const filter = randomFilter(random);
      for (const step of parcours(bigIndex, allStages, lon, lat, filter)) {
        const f = { ...filter, stages: [step.stage.id] };
        const [expected] = nearestLinear(big, lon, lat, 1, (s) => matchesFilter(s, f));
        expect(step.nearest?.item.id ?? null).toBe(expected?.item.id ?? null);
      }
    }
  });
});

describe('origins in links', () => {
  it('reads an INSEE code or a rounded lat,lon and writes it back the same', () => {
    expect(parseFromParam('48095')).toEqual({ kind: 'commune', code: '48095' });
    expect(parseFromParam('2a004')).toEqual({ kind: 'commune', code: '2A004' });
    const p = parseFromParam('43.6045,1.4442');
    expect(p).toEqual({ kind: 'point', lon: 1.444, lat: 43.605, source: 'link' });
    expect(formatFromParam(p!)).toBe('43.605,1.444');
    expect(parseFromParam(formatFromParam(pointOrigin(3.87671, 43.61092, 'geolocation')))).toMatchObject({ lon: 3.877, lat: 43.611 });
  });

  it('ignores anything else', () => {
    for (const bad of ['', 'mende', '4809', '480950', '95,200', '43.6;1.4', '<script>', '43.6,1.4,2']) {
      expect(parseFromParam(bad), bad).toBeNull();
    }
  });

  it('tells inside from outside the region outline', () => {
    const square = {
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [0, 42],
            [5, 42],
            [5, 45],
            [0, 45],
            [0, 42],
          ],
        ],
      },
    };
    expect(isInRegion(square, 2, 43)).toBe(true);
    expect(isInRegion(square, 2.35, 48.85)).toBe(false);
  });
});

// The real catalogue, when the data has been built: every commune as origin.
const dataDir = resolve(import.meta.dirname, '../../public/data/occitanie');
describe.skipIf(!existsSync(resolve(dataDir, 'structures.geojson')))('the built catalogue of Occitanie', () => {
  it('nearest equals brute force from every commune', () => {
    const communes = JSON.parse(readFileSync(resolve(dataDir, 'communes.json'), 'utf8')) as Commune[];
    const geo = JSON.parse(readFileSync(resolve(dataDir, 'structures.geojson'), 'utf8')) as { features: Array<{ properties: Structure }> };
    const structures = geo.features.map((f) => f.properties);
    const index = buildNearestIndex(structures);
    for (const c of communes) {
      expect(summary(nearest(index, c.lon, c.lat, 5))).toEqual(summary(nearestLinear(structures, c.lon, c.lat, 5)));
    }
  });
});
