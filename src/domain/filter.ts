import type { Structure } from './types';

export interface StructureFilter {
  /** Offer types to show; null means every type. */
  types: readonly string[] | null;
  /** A structure matches when it serves at least one of these stages; empty means any stage. */
  stages: readonly string[];
  /** Département code; null means the whole region. */
  dept: string | null;
}

export const NO_FILTER: StructureFilter = { types: null, stages: [], dept: null };

/**
 * Whether a structure passes the filter. The département filter keeps a
 * structure located in the département, or declaring it (or the whole region)
 * as its service zone — a regional network does serve every département.
 */
export function matchesFilter(s: Structure, f: StructureFilter): boolean {
  if (f.types && !f.types.includes(s.type)) return false;
  if (f.stages.length > 0 && !s.stages.some((st) => f.stages.includes(st))) return false;
  if (f.dept) {
    const located = s.commune.startsWith(f.dept) || s.postcode.startsWith(f.dept);
    const serves = s.zone.includes(f.dept) || s.zone.includes('region');
    if (!located && !serves) return false;
  }
  return true;
}

export function filterStructures(structures: readonly Structure[], f: StructureFilter): Structure[] {
  return structures.filter((s) => matchesFilter(s, f));
}
