// Optional geocoding with the Base Adresse Nationale (api-adresse.data.gouv.fr), through
// the app's one client of it (src/domain/ban.ts). Off by default: it sends addresses to a
// third party. The caller injects `fetchJson`, so this stays pure and tests never touch the network.
import { BAN_ENDPOINT, banUrl, parseBanHits, type BanHit } from '../ban';
import type { Structure } from '../types';
import { issue } from './issues';
import type { ImportIssue } from './types';

export const BAN_SEARCH_URL = BAN_ENDPOINT;
export type { BanHit } from '../ban';
/** Below this score (0–1) a result is kept but flagged for review. */
export const LOW_SCORE = 0.6;

/** The search URL for one structure: its address, postcode and commune name, limited to its commune. */
export function banQueryUrl(s: Pick<Structure, 'address' | 'postcode' | 'commune'>, communeName: string): string {
  const q = [s.address, s.postcode, communeName].filter((x) => x.trim() !== '').join(' ');
  return banUrl(q, { limit: 1, citycode: s.commune });
}

/** The first result of a BAN answer (a GeoJSON FeatureCollection), or null. */
export function parseBanAnswer(json: unknown): BanHit | null {
  return parseBanHits(json)[0] ?? null;
}

export interface GeocodeOutcome {
  structures: Structure[];
  /** Score of each geocoded structure, by id. */
  scores: Record<string, number>;
  issues: ImportIssue[];
  /** Whether the service could not be reached (the rest stay at their commune). */
  offline: boolean;
  geocoded: number;
}

/**
 * Geocodes the structures placed at their commune that have an address. A hit in the same
 * commune becomes the position (precision address, score kept); a low score also marks the
 * record to_check. No hit, or the service unreachable: the commune position stays, and the
 * report says so.
 */
export async function geocodeStructures(
  structures: readonly Structure[],
  lines: readonly number[],
  fetchJson: (url: string) => Promise<unknown>,
  options: { communeName: (code: string) => string; concurrency?: number; onProgress?: (done: number, total: number) => void },
): Promise<GeocodeOutcome> {
  const out = structures.map((s) => ({ ...s }));
  const scores: Record<string, number> = {};
  const issues: ImportIssue[] = [];
  const todo = out.map((s, i) => i).filter((i) => out[i]!.precision === 'commune' && out[i]!.address.trim() !== '');
  let offline = false;
  let geocoded = 0;
  let done = 0;
  let cursor = 0;

  const worker = async () => {
    while (!offline && cursor < todo.length) {
      const i = todo[cursor++]!;
      const s = out[i]!;
      const line = lines[i];
      let hit: BanHit | null;
      try {
        hit = parseBanAnswer(await fetchJson(banQueryUrl(s, options.communeName(s.commune))));
      } catch {
        offline = true;
        break;
      }
      if (hit && hit.citycode === s.commune) {
        s.lon = hit.lon;
        s.lat = hit.lat;
        s.precision = 'address';
        scores[s.id] = hit.score;
        geocoded++;
        if (hit.score < LOW_SCORE) {
          s.status = 'to_check';
          issues.push(issue('warning', 'lowScore', { score: hit.score.toFixed(2) }, { line, field: 'address' }));
        }
      } else issues.push(issue('warning', 'geocodeNotFound', {}, { line, field: 'address' }));
      options.onProgress?.(++done, todo.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  if (offline) issues.push(issue('warning', 'geocodeOffline'));
  return { structures: out, scores, issues, offline, geocoded };
}
