import type { SimSite } from './types';

// Hypothetical sites in the URL: `sim=1.4442,43.6047,incubateur;2.35,44.1,realis`.
// Coordinates are rounded to 4 decimals (about 10 m), enough for a site and short.

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

export function formatSims(sites: readonly SimSite[]): string {
  return sites.map((s) => `${round4(s.lon)},${round4(s.lat)},${s.type}`).join(';');
}

export interface ParsedSims {
  sites: SimSite[];
  /** One message per entry that could not be read, naming it and the reason. */
  problems: string[];
}

/** Read `lon,lat,type;…`; bad entries are reported, the others kept. */
export function parseSims(text: string | null, knownTypes?: readonly string[]): ParsedSims {
  const sites: SimSite[] = [];
  const problems: string[] = [];
  if (!text) return { sites, problems };
  text.split(';').forEach((entry, i) => {
    if (entry.trim() === '') return;
    const [lonText, latText, type, ...rest] = entry.split(',').map((p) => p.trim());
    const lon = Number(lonText);
    const lat = Number(latText);
    const where = `site ${i + 1} « ${entry.slice(0, 40)} »`;
    if (rest.length > 0 || !type) problems.push(`${where} : attendu lon,lat,type`);
    else if (!Number.isFinite(lon) || !Number.isFinite(lat) || lonText === '' || latText === '' || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      problems.push(`${where} : coordonnées invalides`);
    else if (!/^[\w-]+$/.test(type) || (knownTypes && !knownTypes.includes(type))) problems.push(`${where} : type inconnu « ${type} »`);
    else sites.push({ lon: round4(lon), lat: round4(lat), type });
  });
  return { sites, problems };
}
