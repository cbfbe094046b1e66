// Great-circle ("à vol d'oiseau") distances. Every distance shown or computed by
// Maillage goes through this file, so the app, the CLI, coverage and the tests
// agree to the last digit.

/**
 * Mean Earth radius in km (IUGG mean radius R1 = 6371.0088 km), the usual
 * choice for haversine distances; see https://en.wikipedia.org/wiki/Earth_radius#Mean_radius
 */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in km between two WGS84 points, by the haversine formula.
 * Example: haversineKm(1.4442, 43.6047, 3.8767, 43.6108) ≈ 195.9 (Toulouse → Montpellier).
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  // min() guards against s creeping above 1 by rounding for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}
