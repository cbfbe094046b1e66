import type { Commune } from '../types';
import { searchCommunes, TYPO_TIER, type CommuneSearchIndex } from './commune-index';

export type Resolution = { ok: true; commune: Commune; note?: string } | { ok: false; reason: 'not-found' | 'ambiguous'; candidates: Commune[] };

/**
 * Turn what a script was given (--from) into one commune: an INSEE code, a
 * postcode of a single commune, or a name (the best-ranked match). Five
 * characters naming several communes (a shared postcode, or a postcode that is
 * also another commune's INSEE code) are ambiguous: the caller lists them.
 * Example: resolveCommune(index, "31000") → Toulouse.
 */
export function resolveCommune(index: CommuneSearchIndex, text: string): Resolution {
  const query = text.trim().toUpperCase();
  if (/^[0-9][0-9AB][0-9]{3}$/.test(query)) {
    // Five characters may be an INSEE code, a postcode, or both for different communes.
    const candidates = index.communes
      .filter((c) => c.code === query || c.postcodes.includes(query))
      .sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : 1));
    if (candidates.length === 1) return { ok: true, commune: candidates[0]! };
    return { ok: false, reason: candidates.length > 1 ? 'ambiguous' : 'not-found', candidates };
  }
  const { matches, total } = searchCommunes(index, text, 5);
  const best = matches[0];
  if (!best) return { ok: false, reason: 'not-found', candidates: [] };
  const ambiguous = total > 1 && (best.tier > 0 || matches[1]?.tier === 0);
  const note =
    best.tier === TYPO_TIER
      ? `no commune is called "${text.trim()}"; taking the closest spelling, ${best.commune.name} (${best.commune.code})`
      : ambiguous
        ? `"${text.trim()}" matches ${total} communes; taking the best ranked, ${best.commune.name} (${best.commune.code})`
        : undefined;
  return note ? { ok: true, commune: best.commune, note } : { ok: true, commune: best.commune };
}
