import type { Structure } from './types';

export interface TypeSummary {
  type: string;
  count: number;
  /** Most recent `updated` date among the type's rows, or null when it has none. */
  lastUpdated: string | null;
  byPrecision: Record<string, number>;
}

/**
 * Per-type counts and freshness of the catalogue, so that readers can tell a
 * gap in the data from a gap in the service. Types with no row still appear.
 */
export function summariseCatalogue(structures: readonly Structure[], typeIds: readonly string[]): TypeSummary[] {
  const byType = new Map<string, TypeSummary>(typeIds.map((type) => [type, { type, count: 0, lastUpdated: null, byPrecision: {} }]));
  for (const s of structures) {
    let entry = byType.get(s.type);
    if (!entry) {
      entry = { type: s.type, count: 0, lastUpdated: null, byPrecision: {} };
      byType.set(s.type, entry);
    }
    entry.count += 1;
    entry.byPrecision[s.precision] = (entry.byPrecision[s.precision] ?? 0) + 1;
    if (s.updated && (!entry.lastUpdated || s.updated > entry.lastUpdated)) entry.lastUpdated = s.updated;
  }
  return [...byType.values()];
}

export function latestUpdate(structures: readonly Structure[]): string | null {
  return structures.reduce<string | null>((max, s) => (s.updated && (!max || s.updated > max) ? s.updated : max), null);
}
