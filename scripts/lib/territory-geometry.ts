// Geometry steps run through mapshaper's library API: it works on a shared-arc
// topology, so dissolving 2018 parts and simplifying keeps neighbours' common
// borders identical (no gaps, no overlaps), and the département and region
// outlines dissolved from the simplified communes line up with them exactly.
import mapshaper from 'mapshaper';
import type { Feature, FeatureCollection } from 'geojson';
import type { AreaGeometry } from './territory-read.ts';

export interface PartProps {
  /** Current commune the part belongs to. */
  code: string;
  dept: string;
}

export type PartFeature = Feature<AreaGeometry, PartProps>;
export type PartCollection = FeatureCollection<AreaGeometry, PartProps>;

export interface DisplayLayers {
  communes: PartCollection;
  departements: FeatureCollection<AreaGeometry, { dept: string }>;
  region: FeatureCollection<AreaGeometry>;
}

async function run(commands: string, inputs: Record<string, object>): Promise<Record<string, unknown>> {
  const out = await mapshaper.applyCommands(commands, inputs);
  const parsed: Record<string, unknown> = {};
  for (const [name, content] of Object.entries(out)) {
    parsed[name] = JSON.parse(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
  }
  return parsed;
}

/** Unions the parts of each current commune (by `code`); no simplification. */
export async function dissolveParts(parts: PartFeature[]): Promise<PartCollection> {
  const input: PartCollection = { type: 'FeatureCollection', features: parts };
  const out = await run('-i parts.json -dissolve code copy-fields=dept -o format=geojson dissolved.json', {
    'parts.json': input,
  });
  return out['dissolved.json'] as PartCollection;
}

/**
 * Simplifies the dissolved communes to a resolution in metres (weighted Visvalingam
 * on the shared arcs, small communes kept), rounds coordinates to `precision`
 * degrees, and dissolves départements and region from the same simplified arcs.
 */
export async function simplifyLayers(dissolved: PartCollection, intervalM: number, precision: number): Promise<DisplayLayers> {
  const p = `precision=${precision}`;
  const out = await run(
    `-i dissolved.json -simplify interval=${intervalM} keep-shapes -o format=geojson ${p} communes.json ` +
      `-dissolve dept -o format=geojson ${p} departements.json ` +
      `-dissolve -o format=geojson geojson-type=FeatureCollection ${p} region.json`,
    { 'dissolved.json': dissolved },
  );
  return {
    communes: out['communes.json'] as DisplayLayers['communes'],
    departements: out['departements.json'] as DisplayLayers['departements'],
    region: out['region.json'] as DisplayLayers['region'],
  };
}

export interface BudgetResult<T> {
  intervalM: number;
  result: T;
  totalGzip: number;
  fits: boolean;
  tried: { intervalM: number; totalGzip: number }[];
}

/**
 * Finds the finest resolution (smallest interval) whose output fits the gzip budget,
 * by bisection over `intervals` (sorted ascending; coarser means smaller output).
 * When none fits, returns the coarsest with `fits: false`.
 */
export async function fitToBudget<T>(
  intervals: readonly number[],
  maxGzip: number,
  make: (intervalM: number) => Promise<{ result: T; totalGzip: number }>,
): Promise<BudgetResult<T>> {
  if (intervals.length === 0) throw new Error('fitToBudget: no interval to try');
  const tried: { intervalM: number; totalGzip: number }[] = [];
  const cache = new Map<number, { result: T; totalGzip: number }>();
  const at = async (i: number) => {
    let r = cache.get(i);
    if (!r) {
      const intervalM = intervals[i] as number;
      r = await make(intervalM);
      cache.set(i, r);
      tried.push({ intervalM, totalGzip: r.totalGzip });
    }
    return r;
  };
  // Smallest index that fits, assuming coarser never grows the output.
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await at(mid)).totalGzip <= maxGzip) hi = mid;
    else lo = mid + 1;
  }
  const r = await at(lo);
  return { intervalM: intervals[lo] as number, ...r, fits: r.totalGzip <= maxGzip, tried };
}
