import { pointsBounds } from '../domain/geo/bounds';
// Framing a set of points on a map partly covered by other things (the side
// panel, a bottom sheet, the map's own buttons): fitBounds padding computed
// from rectangles. Pure, so it is tested without a browser.

/** A screen rectangle, in CSS pixels, as getBoundingClientRect gives it. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FramingOptions {
  /** Room kept around the framed points, in pixels (a marker's radius and some air). */
  margin?: number;
  /** Width and height always left to the points: covers and margins shrink before this does. */
  minFree?: number;
}

/**
 * The fitBounds padding that keeps the framed points off every part of `map`
 * that a cover hides. Each cover is cut from the side where it costs the least
 * room (a bottom sheet from the bottom, a side panel from its side); a cover
 * that does not overlap the map costs nothing.
 * Example: paddingClearOf({left:0,top:0,right:800,bottom:600}, [{left:0,top:0,right:300,bottom:600}], {margin:20}).left === 320.
 */
export function paddingClearOf(map: Rect, covers: readonly Rect[], options: FramingOptions = {}): Padding {
  const margin = options.margin ?? 32;
  const minFree = options.minFree ?? 64;
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  const pad: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const c of covers) {
    const o = { left: Math.max(c.left, map.left), top: Math.max(c.top, map.top), right: Math.min(c.right, map.right), bottom: Math.min(c.bottom, map.bottom) };
    if (o.right <= o.left || o.bottom <= o.top) continue;
    const cuts: Array<[keyof Padding, number]> = [
      ['left', o.right - map.left],
      ['right', map.right - o.left],
      ['top', o.bottom - map.top],
      ['bottom', map.bottom - o.top],
    ];
    const [side, cut] = cuts.reduce((best, x) => (x[1] < best[1] ? x : best));
    pad[side] = Math.max(pad[side], cut);
  }
  return {
    ...fit(pad.left + margin, pad.right + margin, width, minFree, 'left', 'right'),
    ...fit(pad.top + margin, pad.bottom + margin, height, minFree, 'top', 'bottom'),
  } as Padding;
}

/** Two paddings along one axis, scaled down together when they would leave less than minFree. */
function fit<A extends string, B extends string>(a: number, b: number, size: number, minFree: number, nameA: A, nameB: B): Record<A | B, number> {
  const room = Math.max(0, size - Math.min(minFree, size));
  const scale = a + b > room ? room / (a + b) : 1;
  return { [nameA]: Math.floor(a * scale), [nameB]: Math.floor(b * scale) } as Record<A | B, number>;
}

/** The smallest [[west, south], [east, north]] around some [lon, lat] points (at least one). */
export function boundsOf(points: ReadonlyArray<readonly [number, number]>): [[number, number], [number, number]] {
  const bounds = pointsBounds(points);
  if (!bounds) throw new Error('boundsOf: no point');
  return bounds;
}
