// The national address service (Base Adresse Nationale), an optional online
// extra of the search: https://adresse.data.gouv.fr/outils/api-doc/adresse
// This file only builds the request URL and checks the answer; the request
// itself is made by the UI, and only when the user has switched it on.

export const BAN_ENDPOINT = 'https://api-adresse.data.gouv.fr/search/';

export interface AddressHit {
  /** Full label as given by the service, e.g. "8 Boulevard du Port 80000 Amiens". */
  label: string;
  /** housenumber, street, locality or municipality. */
  type: string;
  /** INSEE code of the commune, when given. */
  citycode: string;
  postcode: string;
  lon: number;
  lat: number;
}

/** Request URL for a query, e.g. banSearchUrl("10 rue de la paix mende") (limit 5). */
export function banSearchUrl(query: string, limit = 5): string {
  const params = new URLSearchParams({ q: query.trim(), limit: String(limit) });
  return `${BAN_ENDPOINT}?${params.toString()}`;
}

/** Whether a query is worth sending: the service wants at least 3 characters, and digits alone are postcodes. */
export function isAddressQuery(query: string): boolean {
  const q = query.trim();
  return q.length >= 3 && q.length <= 200 && /[a-zà-ÿ]/i.test(q);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The usable hits of a service answer (GeoJSON FeatureCollection). Anything
 * malformed is skipped rather than trusted: the labels end up on screen.
 * Communes themselves come from the app's own data, so "municipality" hits
 * are left out unless keepMunicipalities is set.
 */
export function parseBanResponse(json: unknown, keepMunicipalities = false): AddressHit[] {
  const features = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  const hits: AddressHit[] = [];
  for (const f of features) {
    const coords = (f as { geometry?: { coordinates?: unknown } })?.geometry?.coordinates;
    const p = ((f as { properties?: unknown })?.properties ?? {}) as Record<string, unknown>;
    if (!Array.isArray(coords) || coords.length < 2) continue;
    const [lon, lat] = coords as [unknown, unknown];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) continue;
    const label = str(p.label).slice(0, 200);
    const type = str(p.type);
    if (!label || (type === 'municipality' && !keepMunicipalities)) continue;
    hits.push({ label, type, citycode: str(p.citycode), postcode: str(p.postcode), lon, lat });
  }
  return hits;
}
