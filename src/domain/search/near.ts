import { matchesFilter, type StructureFilter } from '../filter';
import type { StageConfig, Structure } from '../types';
import { nearest, type NearestIndex, type Neighbour } from './nearest';

// What "near me" answers: the nearest structures passing the user's filters,
// and, for each stage of a project's path, the nearest structure serving it.

export interface NearAnswer {
  results: Neighbour<Structure>[];
  /** Structures passing the filters but without a position, hence absent from `results`. */
  unlocated: number;
  /** Structures passing the filters, with or without a position. */
  matching: number;
}

/** The k structures nearest to (lon, lat) among those passing the filter. */
export function nearStructures(
  index: NearestIndex<Structure>,
  all: readonly Structure[],
  lon: number,
  lat: number,
  filter: StructureFilter,
  k: number,
): NearAnswer {
  filter = openOnly(filter);
  let matching = 0;
  let unlocated = 0;
  for (const s of all) {
    if (!matchesFilter(s, filter)) continue;
    matching += 1;
    if (s.lon === null || s.lat === null) unlocated += 1;
  }
  return { results: nearest(index, lon, lat, k, (s) => matchesFilter(s, filter)), unlocated, matching };
}

export interface StageStep {
  stage: StageConfig;
  /** The nearest structure serving the stage, or null when none (with a position) does. */
  nearest: Neighbour<Structure> | null;
}

/**
 * For each stage, in the region's order, the nearest structure serving it. The
 * other filters (types, département) still apply; the stage filter is replaced
 * by each stage in turn.
 * Example: parcours(index, config.stages, 3.4993, 44.5181, NO_FILTER)[0].stage.id === "emergence".
 */
export function parcours(index: NearestIndex<Structure>, stages: readonly StageConfig[], lon: number, lat: number, filter: StructureFilter): StageStep[] {
  filter = openOnly(filter);
  return stages.map((stage) => {
    const f: StructureFilter = { ...filter, stages: [stage.id] };
    return { stage, nearest: nearest(index, lon, lat, 1, (s) => matchesFilter(s, f))[0] ?? null };
  });
}

/** Results and the path by stage never offer a closed row, even when the map shows them. */
function openOnly(filter: StructureFilter): StructureFilter {
  return filter.showClosed ? { ...filter, showClosed: false } : filter;
}
