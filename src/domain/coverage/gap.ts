// The gap area in bounded time at any number of sites: the region is laid on
// a grid of cells of about `cellKm` a side (at most MAX_CELLS over its
// bounding box), each cell is classified by the distance from its centre to
// the nearest site (the k-d tree of nearest.ts), and the gap is the union of
// the cells beyond the threshold, merged into rectangles that the GPU fills.
// Time grows with the number of cells, not with the number of sites; the
// exact union of circles (gap-exact.ts) took 44.7 s for 1,000 sites.
import { area } from '@turf/area';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_KM } from '../geo/distance';
import { asPacked, nearestOffers, type OfferInput } from './nearest';
import { isBeyond } from './summary';
import type { CoverageCommune, Reading } from './types';

type Area = Feature<Polygon | MultiPolygon>;

/** Upper bound on the cells laid over the region's bounding box: the time bound. */
export const MAX_CELLS = 120_000;
/** Radius turf.area uses (WGS84 equatorial, metres→km), so that cell areas add up like the region's. */
const AREA_RADIUS_KM = 6378.137;
const RAD = Math.PI / 180;
const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;
/** Lines per row measuring how much of a boundary cell lies inside the region. */
const SUB = 8;

export interface GapOptions {
  reading: Reading;
  /** Départements with a `code` property: zones declared by offers are served in the 'zones' reading. */
  departements?: FeatureCollection<Geometry, { code: string }>;
  /** Side of a grid cell, km; raised if the bounding box would need more than MAX_CELLS. Default: the smallest allowed. */
  cellKm?: number;
}

/** How precise the figure is: stated in the UI and in the exported GeoJSON. */
export interface GapPrecision {
  method: 'grid';
  /** Side of a cell, km (north–south; east–west at the middle latitude). */
  cellKm: number;
  /**
   * Upper bound of the error on gapAreaKm2, km²: the area of the cells that
   * the region's (or a declared département's) boundary crosses or whose
   * centre lies within half a cell diagonal of the threshold, i.e. every cell
   * that may be counted wrongly by its centre.
   */
  maxErrorKm2: number;
}

export interface GapResult {
  /** Region minus the served area (grid cells, merged into rectangles), or null when nothing is left. */
  gap: Area | null;
  /** The gap's outline (cell edges between gap and not-gap), for the dashed line; null with gap. */
  outline: Feature<MultiLineString> | null;
  gapAreaKm2: number;
  regionAreaKm2: number;
  precision: GapPrecision;
}

/** Cells of one region at one cell size: built once, reused for every threshold and selection. */
interface Grid {
  west: number;
  south: number;
  dLon: number;
  dLat: number;
  rows: number;
  cols: number;
  cellKm: number;
  /** Cells kept (inside the region, or crossed by its boundary), as pseudo-communes for nearestOffers. */
  cells: CoverageCommune[];
  row: Int32Array;
  col: Int32Array;
  inside: Uint8Array;
  /** 1 when the region's boundary crosses the cell, 2 when only a département's does. */
  edge: Uint8Array;
  /** Area of the cell inside the region, km². */
  areaKm2: Float64Array;
}

const grids = new WeakMap<object, Map<string, Grid>>();

function polygonal(f: Feature<Geometry>): f is Area {
  return f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
}

function rings(f: Area): Position[][] {
  return f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
}

/**
 * Longitudes where the rings cross each of `lines` horizontal lines
 * (line k at latitude south + k·step), sorted: even–odd pairs are inside.
 */
function crossings(rs: Position[][], south: number, step: number, lines: number): number[][] {
  const out: number[][] = Array.from({ length: lines }, () => []);
  for (const ring of rs) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i]! as [number, number];
      const [x2, y2] = ring[i + 1]! as [number, number];
      if (y1 === y2) continue;
      const lo = Math.min(y1, y2);
      const hi = Math.max(y1, y2);
      // Half-open [lo, hi): a vertex on a line is counted once.
      for (let k = Math.max(0, Math.ceil((lo - south) / step)); k < lines; k++) {
        const y = south + k * step;
        if (y >= hi) break;
        if (y < lo) continue;
        out[k]!.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
  }
  for (const xs of out) xs.sort((a, b) => a - b);
  return out;
}

function buildGrid(region: Area, departements: FeatureCollection<Geometry, { code: string }> | undefined, wantedKm: number): Grid {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const ring of rings(region)) {
    for (const [x, y] of ring as [number, number][]) {
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    }
  }
  const cosMid = Math.cos(((south + north) / 2) * RAD);
  const boxKm2 = (north - south) * KM_PER_DEGREE * (east - west) * KM_PER_DEGREE * cosMid;
  const cellKm = Math.max(wantedKm, Math.sqrt(boxKm2 / MAX_CELLS));
  const dLat = cellKm / KM_PER_DEGREE;
  const dLon = dLat / cosMid;
  const rows = Math.max(1, Math.ceil((north - south) / dLat));
  const cols = Math.max(1, Math.ceil((east - west) / dLon));
  // Centre the grid on the bounding box: the cells straddling its edges then do so on both sides alike.
  west -= (cols * dLon - (east - west)) / 2;
  south -= (rows * dLat - (north - south)) / 2;
  // Lines at every half row: 2r is the bottom of row r, 2r + 1 its centre, 2r + 2 its top.
  const lines = 2 * rows + 1;
  const half = dLat / 2;
  const regionX = crossings(rings(region), south, half, lines);
  // Finer lines for the cells the boundary crosses: the part of such a cell
  // inside the region, measured along SUB lines, weighs its area (counting it
  // whole or not at all biased the area by about half a cell per cell of boundary).
  const sub = crossings(rings(region), south + dLat / (2 * SUB), dLat / SUB, rows * SUB);
  const colOf = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - west) / dLon)));

  // Département of each cell centre, and the cells their boundaries cross.
  const deptOf = new Map<number, string>();
  const deptEdge = new Set<number>();
  for (const f of departements?.features ?? []) {
    if (!polygonal(f)) continue;
    const xs = crossings(rings(f), south, half, lines);
    for (let r = 0; r < rows; r++) {
      fill(xs[2 * r + 1]!, west, dLon, cols, (c) => {
        if (!deptOf.has(r * cols + c)) deptOf.set(r * cols + c, f.properties.code);
      });
      for (const k of [2 * r, 2 * r + 1, 2 * r + 2]) for (const x of xs[k]!) deptEdge.add(r * cols + colOf(x));
    }
  }

  const cells: CoverageCommune[] = [];
  const row: number[] = [];
  const col: number[] = [];
  const inside: number[] = [];
  const edge: number[] = [];
  const areaKm2: number[] = [];
  for (let r = 0; r < rows; r++) {
    const lat0 = south + r * dLat;
    const cellArea = AREA_RADIUS_KM * AREA_RADIUS_KM * dLon * RAD * (Math.sin((lat0 + dLat) * RAD) - Math.sin(lat0 * RAD));
    // Share of each cell inside the region, along SUB lines across the row.
    const share = new Float64Array(cols);
    for (let j = 0; j < SUB; j++) {
      const xs = sub[r * SUB + j]!;
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const a = xs[i]!;
        const b = xs[i + 1]!;
        for (let c = colOf(a); c <= colOf(b); c++) {
          const x0 = west + c * dLon;
          share[c]! += Math.max(0, Math.min(x0 + dLon, b) - Math.max(x0, a)) / (dLon * SUB);
        }
      }
    }
    const crossed = new Set<number>();
    for (const k of [2 * r, 2 * r + 1, 2 * r + 2]) for (const x of regionX[k]!) crossed.add(colOf(x));
    const kept = new Map<number, number>();
    for (let c = 0; c < cols; c++) {
      if (share[c]! <= 0) continue;
      const part = Math.min(1, share[c]!);
      kept.set(c, part);
      if (part < 1 - 1e-9) crossed.add(c);
    }
    for (const c of [...kept.keys()].sort((a, b) => a - b)) {
      const id = r * cols + c;
      cells.push({ code: '', name: '', dept: deptOf.get(id) ?? '', epci: null, population: 0, lon: west + (c + 0.5) * dLon, lat: lat0 + half });
      row.push(r);
      col.push(c);
      inside.push(kept.get(c)! > 0 ? 1 : 0);
      edge.push(crossed.has(c) ? 1 : deptEdge.has(id) ? 2 : 0);
      // Area inside the region (whole cell when the boundary does not cross it).
      areaKm2.push(cellArea * kept.get(c)!);
    }
  }
  return {
    west,
    south,
    dLon,
    dLat,
    rows,
    cols,
    cellKm,
    cells,
    row: Int32Array.from(row),
    col: Int32Array.from(col),
    inside: Uint8Array.from(inside),
    edge: Uint8Array.from(edge),
    areaKm2: Float64Array.from(areaKm2),
  };
}

/** Call `cell` for every column whose centre lies inside the even–odd intervals of xs. */
function fill(xs: number[], west: number, dLon: number, cols: number, cell: (c: number) => void): void {
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const from = Math.max(0, Math.ceil((xs[i]! - west) / dLon - 0.5));
    const to = Math.min(cols, Math.ceil((xs[i + 1]! - west) / dLon - 0.5));
    for (let c = from; c < to; c++) cell(c);
  }
}

function gridFor(region: Area, departements: GapOptions['departements'], cellKm: number): Grid {
  let byKey = grids.get(region);
  if (!byKey) grids.set(region, (byKey = new Map()));
  const key = `${cellKm}`;
  let grid = byKey.get(key);
  // The département assignment depends on the collection given: rebuild when it changes.
  if (!grid || gridDepts.get(grid) !== departements) {
    grid = buildGrid(region, departements, cellKm);
    gridDepts.set(grid, departements);
    byKey.set(key, grid);
  }
  return grid;
}
const gridDepts = new WeakMap<Grid, GapOptions['departements']>();

/**
 * The gap area: the part of the region farther than the threshold from every
 * selected site (and, in the 'zones' reading, outside the départements that
 * selected offers declare they serve), on a grid whose precision is returned.
 * Example: gapArea(region, offers, 30, { reading: 'site' }).gapAreaKm2 → 18250
 */
export function gapArea(region: Feature<Geometry>, input: OfferInput, thresholdKm: number, options: GapOptions): GapResult {
  if (!polygonal(region)) throw new Error('gapArea: the region must be a Polygon or MultiPolygon feature');
  if (!(thresholdKm > 0)) throw new Error(`gapArea: threshold must be positive, got ${thresholdKm}`);
  const regionAreaKm2 = area(region) / 1e6;
  const grid = gridFor(region, options.departements, options.cellKm ?? 0);
  const precision = (maxErrorKm2: number): GapPrecision => ({ method: 'grid', cellKm: round3(grid.cellKm), maxErrorKm2: Math.round(maxErrorKm2) });
  const offers = asPacked(input);
  const usable = (options.reading === 'zones' && offers.zones.length > 0) || offers.lons.some((lon, i) => Number.isFinite(lon) && Number.isFinite(offers.lats[i]!));
  if (!usable) {
    const gap: Area = { type: 'Feature', geometry: region.geometry, properties: {} };
    return { gap, outline: null, gapAreaKm2: regionAreaKm2, regionAreaKm2, precision: precision(0) };
  }

  const near = nearestOffers(grid.cells, offers, options.reading);
  // Half the cell's diagonal: how far a point of the cell can be from its centre.
  const halfDiagKm = (grid.cellKm * Math.SQRT2) / 2;
  const n = grid.cells.length;
  const isGap = new Uint8Array(n);
  let gapAreaKm2 = 0;
  let maxErrorKm2 = 0;
  for (let i = 0; i < n; i++) {
    const d = near.distanceKm[i]!;
    const beyond = isBeyond(d, thresholdKm);
    if (beyond && grid.inside[i]) {
      isGap[i] = 1;
      gapAreaKm2 += grid.areaKm2[i]!;
    }
    const nearThreshold = Math.abs(d - thresholdKm) <= halfDiagKm;
    const maybeGap = beyond || nearThreshold || near.byZone[i] === 1;
    if (nearThreshold || (grid.edge[i] === 1 && maybeGap) || (grid.edge[i] === 2 && options.reading === 'zones' && maybeGap)) {
      maxErrorKm2 += grid.areaKm2[i]!;
    }
  }
  gapAreaKm2 = Math.min(gapAreaKm2, regionAreaKm2);
  if (gapAreaKm2 === 0) return { gap: null, outline: null, gapAreaKm2: 0, regionAreaKm2, precision: precision(maxErrorKm2) };
  const { polygons, lines } = shapes(grid, isGap);
  return {
    gap: { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: polygons }, properties: { ...precision(maxErrorKm2) } },
    outline: { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: lines }, properties: {} },
    gapAreaKm2,
    regionAreaKm2,
    precision: precision(maxErrorKm2),
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Gap cells as rectangles (runs along each row, stacked while the next row
 * has the same run) and the outline as cell edges between gap and not-gap.
 */
function shapes(grid: Grid, isGap: Uint8Array): { polygons: Position[][][]; lines: Position[][] } {
  const { west, south, dLon, dLat, cols } = grid;
  const x = (c: number) => round6(west + c * dLon);
  const y = (r: number) => round6(south + r * dLat);
  const gapAt = new Set<number>();
  isGap.forEach((g, i) => {
    if (g) gapAt.add(grid.row[i]! * cols + grid.col[i]!);
  });
  const has = (r: number, c: number) => c >= 0 && c < cols && gapAt.has(r * cols + c);

  // Runs per row, in row order (cells are listed row by row, columns ascending).
  const runsByRow = new Map<number, Array<[number, number]>>();
  for (const id of [...gapAt].sort((a, b) => a - b)) {
    const r = Math.floor(id / cols);
    const c = id % cols;
    let runs = runsByRow.get(r);
    if (!runs) runsByRow.set(r, (runs = []));
    const last = runs[runs.length - 1];
    if (last && last[1] === c) last[1] = c + 1;
    else runs.push([c, c + 1]);
  }
  const polygons: Position[][][] = [];
  let open = new Map<string, { c0: number; c1: number; r0: number }>();
  const close = (o: { c0: number; c1: number; r0: number }, r1: number) =>
    polygons.push([[[x(o.c0), y(o.r0)], [x(o.c1), y(o.r0)], [x(o.c1), y(r1)], [x(o.c0), y(r1)], [x(o.c0), y(o.r0)]]]);
  for (let r = 0; r <= grid.rows; r++) {
    const next = new Map<string, { c0: number; c1: number; r0: number }>();
    for (const [c0, c1] of runsByRow.get(r) ?? []) {
      const key = `${c0}:${c1}`;
      next.set(key, open.get(key) ?? { c0, c1, r0: r });
      open.delete(key);
    }
    for (const o of open.values()) close(o, r);
    open = next;
  }

  // Outline: horizontal edges merged along each grid line, then vertical ones.
  const lines: Position[][] = [];
  for (let r = 0; r <= grid.rows; r++) {
    let start = -1;
    for (let c = 0; c <= cols; c++) {
      const boundary = c < cols && has(r, c) !== has(r - 1, c);
      if (boundary && start < 0) start = c;
      if (!boundary && start >= 0) {
        lines.push([[x(start), y(r)], [x(c), y(r)]]);
        start = -1;
      }
    }
  }
  for (let c = 0; c <= cols; c++) {
    let start = -1;
    for (let r = 0; r <= grid.rows; r++) {
      const boundary = r < grid.rows && has(r, c) !== has(r, c - 1);
      if (boundary && start < 0) start = r;
      if (!boundary && start >= 0) {
        lines.push([[x(c), y(start)], [x(c), y(r)]]);
        start = -1;
      }
    }
  }
  return { polygons, lines };
}
