// Great-circle ("à vol d'oiseau") distances on a spherical Earth.

/**
 * Mean Earth radius in km (IUGG R1 = 6371.0088 km), so every distance in the
 * project agrees to the metre whoever computes it.
 */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in km between two points given in degrees, by the
 * haversine formula (numerically stable for short distances).
 * Example: haversineKm(1.4442, 43.6047, 3.8767, 43.6108) ≈ 195.6 (Toulouse–Montpellier).
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}
