// The one client of the national address service (Base Adresse Nationale), an
// optional online extra of the search and of the import, off by default (it sends
// what is typed to a third party): https://adresse.data.gouv.fr/outils/api-doc/adresse
// This file only builds request URLs and checks answers; the request itself is made
// by the caller (the UI, or the import with an injected fetch), so it stays pure.

export const BAN_ENDPOINT = 'https://api-adresse.data.gouv.fr/search/';

/** One result of the service, checked. */
export interface BanHit {
  /** Full label as given by the service, e.g. "8 Boulevard du Port 80000 Amiens". */
  label: string;
  /** housenumber, street, locality or municipality. */
  type: string;
  /** INSEE code of the commune, when given. */
  citycode: string;
  postcode: string;
  /** How sure the service is, 0–1 (0 when not given). */
  score: number;
  lon: number;
  lat: number;
}

/** A result as the place search shows it. */
export type AddressHit = BanHit;

/**
 * Request URL for a free-text query, optionally limited to one commune (INSEE code).
 * Example: banUrl("10 rue de la paix mende", { limit: 5 }).
 */
export function banUrl(query: string, options: { limit?: number; citycode?: string } = {}): string {
  const params = new URLSearchParams({ q: query.trim(), limit: String(options.limit ?? 5) });
  if (options.citycode) params.set('citycode', options.citycode);
  return `${BAN_ENDPOINT}?${params.toString()}`;
}

/** Request URL for the place search, e.g. banSearchUrl("10 rue de la paix mende") (limit 5). */
export function banSearchUrl(query: string, limit = 5): string {
  return banUrl(query, { limit });
}

/** Whether a query is worth sending: the service wants at least 3 characters, and digits alone are postcodes. */
export function isAddressQuery(query: string): boolean {
  const q = query.trim();
  return q.length >= 3 && q.length <= 200 && /[a-zà-ÿ]/i.test(q);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The results of a service answer (GeoJSON FeatureCollection), in its order. Anything
 * malformed (no finite longitude and latitude within bounds) is skipped rather than
 * trusted: the labels end up on screen, the positions on the map.
 */
export function parseBanHits(json: unknown): BanHit[] {
  const features = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  const hits: BanHit[] = [];
  for (const f of features) {
    const coords = (f as { geometry?: { coordinates?: unknown } })?.geometry?.coordinates;
    const p = ((f as { properties?: unknown })?.properties ?? {}) as Record<string, unknown>;
    if (!Array.isArray(coords) || coords.length < 2) continue;
    const [lon, lat] = coords as [unknown, unknown];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) continue;
    const score = typeof p.score === 'number' && Number.isFinite(p.score) ? p.score : 0;
    hits.push({ label: str(p.label).slice(0, 200), type: str(p.type), citycode: str(p.citycode), postcode: str(p.postcode), score, lon, lat });
  }
  return hits;
}

/**
 * The hits the place search offers: those with a label. Communes themselves come from
 * the app's own data, so "municipality" hits are left out unless keepMunicipalities is set.
 */
export function parseBanResponse(json: unknown, keepMunicipalities = false): AddressHit[] {
  return parseBanHits(json).filter((h) => h.label !== '' && (h.type !== 'municipality' || keepMunicipalities));
}
