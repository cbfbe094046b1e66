// Coordinates as spreadsheets write them: decimal commas, Lambert-93, swapped columns.
import proj4 from 'proj4';

/** EPSG:2154 (RGF93 / Lambert-93), the official projection of metropolitan France. https://epsg.io/2154 */
export const LAMBERT93 = '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

const toWgs84 = proj4(LAMBERT93, 'WGS84');

// Compiled once: these run on every row.
const SPACES = /[\s\u00a0\u202f]/g;
const COMMAS = /,/g;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a number written the French or English way: "43,6045", "43.6045",
 * "574 357,38" (spaces or non-breaking spaces between thousands), "+1.5". Null otherwise.
 *
 * @example parseDecimal('574 357,38') === 574357.38
 */
export function parseDecimal(text: string): number | null {
  let t = text.trim().replace(SPACES, '');
  if (t === '') return null;
  if (t.includes(',')) {
    // A comma is the decimal mark unless a dot is too ("1,234.5": comma for thousands).
    if (t.includes('.')) t = t.replace(COMMAS, '');
    else if (DECIMAL_COMMA.test(t)) t = t.replace(',', '.');
    else return null;
  }
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Whether (x, y) falls in the range of Lambert-93 over metropolitan France and Corsica. */
export function isLambert93(x: number, y: number): boolean {
  return x >= 50_000 && x <= 1_300_000 && y >= 6_000_000 && y <= 7_150_000;
}

export function isLonLat(lon: number, lat: number): boolean {
  return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

/** Lambert-93 metres → [lon, lat] in WGS84 degrees, rounded to 7 decimals (about 1 cm). */
export function lambert93ToLonLat(x: number, y: number): [number, number] {
  const [lon, lat] = toWgs84.forward([x, y]) as [number, number];
  return [round7(lon), round7(lat)];
}

/** [lon, lat] → Lambert-93 metres (for fixtures and exports to GIS users). */
export function lonLatToLambert93(lon: number, lat: number): [number, number] {
  return toWgs84.inverse([lon, lat]) as [number, number];
}

function round7(n: number): number {
  return Math.round(n * 1e7) / 1e7;
}

export type PositionReading =
  | { kind: 'none' }
  | { kind: 'point'; lon: number; lat: number; from: 'wgs84' | 'lambert93'; swapped: boolean }
  | { kind: 'error'; code: 'badNumber' | 'halfPair' | 'unknownCrs' | 'outOfRange'; field: 'lon' | 'lat'; value: string };

/**
 * Reads one pair of coordinate cells (first = x/longitude, second = y/latitude) as a WGS84
 * point. With crs 'auto' the range decides: numbers in the millions are Lambert-93. Pairs
 * given in the wrong order are put right when the other order falls in the region and this
 * one does not (`swapped` says so).
 */
export function readPosition(
  first: string,
  second: string,
  crs: 'auto' | 'wgs84' | 'lambert93',
  inRegion: (lon: number, lat: number) => boolean,
): PositionReading {
  const a = first.trim();
  const b = second.trim();
  if (a === '' && b === '') return { kind: 'none' };
  if (a === '' || b === '') return { kind: 'error', code: 'halfPair', field: a === '' ? 'lon' : 'lat', value: a || b };
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (x === null) return { kind: 'error', code: 'badNumber', field: 'lon', value: a };
  if (y === null) return { kind: 'error', code: 'badNumber', field: 'lat', value: b };

  const lambert = crs === 'lambert93' || (crs === 'auto' && !isLonLat(x, y) && !isLonLat(y, x));
  if (lambert) {
    if (crs === 'auto' && !isLambert93(x, y) && isLambert93(y, x)) {
      const [lon, lat] = lambert93ToLonLat(y, x);
      return { kind: 'point', lon, lat, from: 'lambert93', swapped: true };
    }
    if (crs === 'auto' && !isLambert93(x, y)) return { kind: 'error', code: 'unknownCrs', field: 'lon', value: `${a} ${b}` };
    const [lon, lat] = lambert93ToLonLat(x, y);
    return { kind: 'point', lon, lat, from: 'lambert93', swapped: false };
  }
  if (!isLonLat(x, y)) {
    if (isLonLat(y, x)) return { kind: 'point', lon: y, lat: x, from: 'wgs84', swapped: true };
    return { kind: 'error', code: 'outOfRange', field: Math.abs(x) > 180 ? 'lon' : 'lat', value: `${a} ${b}` };
  }
  if (!inRegion(x, y) && inRegion(y, x)) return { kind: 'point', lon: y, lat: x, from: 'wgs84', swapped: true };
  return { kind: 'point', lon: x, lat: y, from: 'wgs84', swapped: false };
}
