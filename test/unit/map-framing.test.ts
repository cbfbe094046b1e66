import { describe, expect, it } from 'vitest';
import { boundsOf, paddingClearOf } from '../../src/map/framing';

const map = { left: 0, top: 0, right: 800, bottom: 600 };

describe('paddingClearOf', () => {
  it('a panel beside the map costs nothing: only the margin', () => {
    expect(paddingClearOf({ left: 360, top: 48, right: 1280, bottom: 800 }, [{ left: 0, top: 48, right: 360, bottom: 800 }], { margin: 20 })).toEqual({
      top: 20,
      right: 20,
      bottom: 20,
      left: 20,
    });
  });

  it('a panel over the left of the map is cut from the left', () => {
    expect(paddingClearOf(map, [{ left: 0, top: 0, right: 300, bottom: 600 }], { margin: 20 })).toEqual({ top: 20, right: 20, bottom: 20, left: 320 });
  });

  it('a bottom sheet over the map is cut from the bottom', () => {
    expect(paddingClearOf(map, [{ left: 0, top: 350, right: 800, bottom: 700 }], { margin: 10 })).toEqual({ top: 10, right: 10, bottom: 260, left: 10 });
  });

  it('a small button in a corner is cut from its cheaper side', () => {
    expect(paddingClearOf(map, [{ left: 760, top: 10, right: 790, bottom: 70 }], { margin: 0 })).toMatchObject({ right: 40, top: 0 });
  });

  it('never leaves less than minFree pixels to the points', () => {
    const p = paddingClearOf({ left: 0, top: 0, right: 375, bottom: 250 }, [{ left: 0, top: 100, right: 375, bottom: 250 }], { margin: 40, minFree: 64 });
    expect(250 - p.top - p.bottom).toBeGreaterThanOrEqual(64);
    expect(p.bottom).toBeGreaterThan(p.top);
  });
});

describe('boundsOf', () => {
  it('is the smallest box around the points', () => {
    expect(
      boundsOf([
        [3.5, 44.5],
        [1.4, 43.6],
        [2, 45],
      ]),
    ).toEqual([
      [1.4, 43.6],
      [3.5, 45],
    ]);
    expect(() => boundsOf([])).toThrow();
  });
});
