import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fitToBudget } from '../../scripts/lib/territory-geometry.ts';
import { partsBySize, representativePoint } from '../../scripts/lib/territory-points.ts';

describe('fitToBudget', () => {
  const sizes: Record<number, number> = { 50: 900, 100: 700, 200: 500, 400: 300, 800: 200 };
  const make = async (i: number) => ({ result: `r${i}`, totalGzip: sizes[i] as number });

  it('picks the finest resolution within the budget', async () => {
    const r = await fitToBudget([50, 100, 200, 400, 800], 600, make);
    expect([r.intervalM, r.result, r.fits]).toEqual([200, 'r200', true]);
    // Brute force agrees: the first interval, in order, whose size fits.
    expect(Object.entries(sizes).find(([, s]) => s <= 600)?.[0]).toBe('200');
  });

  it('returns the coarsest, flagged, when nothing fits', async () => {
    const r = await fitToBudget([50, 100, 200, 400, 800], 100, make);
    expect([r.intervalM, r.fits]).toEqual([800, false]);
  });
});

describe('representativePoint', () => {
  // U open to the north: its centroid (≈ 1.30, 43.041) lies in the notch.
  const u: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [1.2, 43.0],
        [1.4, 43.0],
        [1.4, 43.1],
        [1.36, 43.1],
        [1.36, 43.02],
        [1.24, 43.02],
        [1.24, 43.1],
        [1.2, 43.1],
        [1.2, 43.0],
      ],
    ],
  };

  it('lies inside a concave polygon', () => {
    const p = representativePoint(u, u);
    expect(p?.from).toBe('full');
    expect(booleanPointInPolygon([p?.lon ?? 0, p?.lat ?? 0], u, { ignoreBoundary: true })).toBe(true);
  });

  it('falls back to a point of the display polygon when the full one gives a point outside it', () => {
    // The full U's pole lies in its right arm (≈ 1.38, 43.052); this display polygon keeps the left arm only.
    const display: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [1.2, 43.03],
          [1.24, 43.03],
          [1.24, 43.1],
          [1.2, 43.1],
          [1.2, 43.03],
        ],
      ],
    };
    const p = representativePoint(u, display);
    expect(p?.from).toBe('display');
    expect(p?.lon).toBeLessThan(1.24);
    expect(booleanPointInPolygon([p?.lon ?? 0, p?.lat ?? 0], display, { ignoreBoundary: true })).toBe(true);
    expect(booleanPointInPolygon([p?.lon ?? 0, p?.lat ?? 0], u, { ignoreBoundary: true })).toBe(true);
  });

  it('orders the parts of a MultiPolygon by area, largest first', () => {
    const small = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ];
    const big = [
      [
        [5, 0],
        [9, 0],
        [9, 4],
        [5, 4],
        [5, 0],
      ],
    ];
    expect(partsBySize({ type: 'MultiPolygon', coordinates: [small, big] })[0]).toBe(big);
  });
});
