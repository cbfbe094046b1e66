import { haversineKm } from './geo/distance';
import type { Structure } from './types';

/**
 * A territory the offer is limited to, already resolved against the region's
 * communes (see src/domain/embed-scope.ts), so matching needs no lookup.
 * Every part given must hold.
 */
export interface AreaFilter {
  /** INSEE codes of the area's communes: a structure located in one of them matches… */
  communes?: ReadonlySet<string>;
  /** …and so does one declaring one of these départements, or the whole region, as its service zone. */
  depts?: readonly string[];
  /** Only structures placed within radiusKm (great-circle) of this point; unplaced ones never match. */
  within?: { lon: number; lat: number; radiusKm: number };
}

export interface StructureFilter {
  /** Offer types to show; null means every type. */
  types: readonly string[] | null;
  /** A structure matches when it serves at least one of these stages; empty means any stage. */
  stages: readonly string[];
  /** Département code; null means the whole region. */
  dept: string | null;
  /** Territory (EPCI, commune, radius around a place); absent or null means no limit. */
  area?: AreaFilter | null;
  /** Show closed rows (historical traces) too; hidden by default. Results and coverage never count them. */
  showClosed?: boolean;
  /** Only rows marked verified. */
  verifiedOnly?: boolean;
}

export const NO_FILTER: StructureFilter = { types: null, stages: [], dept: null };

/**
 * Whether a structure passes the filter. The département filter keeps a
 * structure of the département (placed there, or named there by the catalogue
 * without a commune), or declaring it (or the whole region) as its service
 * zone — a regional network does serve every département.
 */
export function matchesFilter(s: Structure, f: StructureFilter): boolean {
  if (s.status === 'closed' && !f.showClosed) return false;
  if (f.verifiedOnly && s.status !== 'verified') return false;
  if (f.types && !f.types.includes(s.type)) return false;
  if (f.stages.length > 0 && !s.stages.some((st) => f.stages.includes(st))) return false;
  if (f.dept) {
    // `departement` also names the département of a row placed at no commune.
    const located = s.departement === f.dept || s.commune.startsWith(f.dept);
    const serves = s.zone.includes(f.dept) || s.zone.includes('region');
    if (!located && !serves) return false;
  }
  if (f.area && !matchesArea(s, f.area)) return false;
  return true;
}

/**
 * Whether a structure belongs to the area: same rule as the département filter
 * (located inside, or serving it by its declared zone), and within the radius.
 */
export function matchesArea(s: Structure, a: AreaFilter): boolean {
  if (a.within) {
    if (s.lon === null || s.lat === null) return false;
    if (haversineKm(a.within.lon, a.within.lat, s.lon, s.lat) > a.within.radiusKm) return false;
  }
  if (a.communes) {
    const located = a.communes.has(s.commune);
    const serves = s.zone.includes('region') || (a.depts ?? []).some((d) => s.zone.includes(d));
    if (!located && !serves) return false;
  }
  return true;
}

export function filterStructures(structures: readonly Structure[], f: StructureFilter): Structure[] {
  return structures.filter((s) => matchesFilter(s, f));
}
