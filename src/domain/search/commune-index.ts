import type { Commune } from '../types';
import { compact, normalizeName, queryVariants } from './normalize';

// Search-as-you-type over the region's communes: names, postcodes and INSEE
// codes. Every searchable key is normalised once and kept in one sorted array,
// so a query is a binary search for its prefix and a short scan; nothing is
// normalised again while the user types.

/** How a commune matched: the tier orders results before population does. */
export type MatchKind = 'name' | 'word' | 'code' | 'postcode';

export interface CommuneMatch {
  commune: Commune;
  by: MatchKind;
  /** The postcode that matched, when `by` is 'postcode'. */
  postcode?: string;
  /** 0 exact, 1 start of the name or code, 2 start of a later word of the name. */
  tier: number;
}

export interface CommuneSearchResult {
  /** Best matches first, at most `limit`. */
  matches: CommuneMatch[];
  /** Number of communes matching in all. */
  total: number;
}

export interface CommuneSearchIndex {
  communes: readonly Commune[];
  /** Sorted keys; keyCommune[i] and keyKind[i] describe keys[i]. */
  keys: string[];
  keyCommune: Uint32Array;
  keyKind: MatchKind[];
  /** Normalised names, by commune position. */
  names: string[];
}

const CODE_QUERY = /^[0-9][0-9ab][0-9]{0,3}$/;

/**
 * Index communes for `searchCommunes`. Keys: the normalised name, the same
 * without spaces, each later word onwards ("gaudens" for Saint-Gaudens),
 * the INSEE code and the postcodes.
 */
export function buildCommuneIndex(communes: readonly Commune[]): CommuneSearchIndex {
  const entries: Array<[string, number, MatchKind]> = [];
  const names: string[] = [];
  communes.forEach((c, i) => {
    const name = normalizeName(c.name);
    names.push(name);
    if (name) {
      entries.push([name, i, 'name']);
      const joined = compact(name);
      if (joined !== name) entries.push([joined, i, 'name']);
      for (let p = name.indexOf(' '); p !== -1; p = name.indexOf(' ', p + 1)) entries.push([name.slice(p + 1), i, 'word']);
    }
    entries.push([c.code.toLowerCase(), i, 'code']);
    for (const pc of c.postcodes) entries.push([pc, i, 'postcode']);
  });
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return {
    communes,
    keys: entries.map((e) => e[0]),
    keyCommune: Uint32Array.from(entries, (e) => e[1]),
    keyKind: entries.map((e) => e[2]),
    names,
  };
}

function lowerBound(keys: readonly string[], q: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every key starting with q, folded into the best match per commune. */
function collect(index: CommuneSearchIndex, q: string, kinds: 'text' | 'code', into: Map<number, CommuneMatch>): void {
  const { keys, keyCommune, keyKind, communes } = index;
  for (let j = lowerBound(keys, q); j < keys.length && keys[j]!.startsWith(q); j++) {
    const kind = keyKind[j]!;
    const isCode = kind === 'code' || kind === 'postcode';
    if ((kinds === 'code') !== isCode) continue;
    const tier = keys[j] === q && kind !== 'word' ? 0 : kind === 'word' ? 2 : 1;
    const id = keyCommune[j]!;
    const previous = into.get(id);
    // At equal tier a postcode reads better than an INSEE code ("31000", not "31555").
    if (previous && (previous.tier < tier || (previous.tier === tier && !(previous.by === 'code' && kind === 'postcode')))) continue;
    const match: CommuneMatch = { commune: communes[id]!, by: kind, tier };
    if (kind === 'postcode') match.postcode = keys[j]!;
    into.set(id, match);
  }
}

/** Better tier first, then larger population, then name and code (stable across runs). */
export function compareMatches(a: CommuneMatch, b: CommuneMatch): number {
  return (
    a.tier - b.tier ||
    b.commune.population - a.commune.population ||
    a.commune.name.localeCompare(b.commune.name, 'fr') ||
    (a.commune.code < b.commune.code ? -1 : a.commune.code > b.commune.code ? 1 : 0)
  );
}

/**
 * Communes matching what the user typed: a name or its beginning ("carca" →
 * Carcassonne), a word of the name ("gaudens"), a postcode or INSEE code or
 * their beginning, or both ("31800 saint"). Case, accents, hyphens,
 * apostrophes and "St"/"Ste" do not matter.
 * Example: searchCommunes(index, "st gaudens").matches[0].commune.name === "Saint-Gaudens".
 */
export function searchCommunes(index: CommuneSearchIndex, query: string, limit = 10): CommuneSearchResult {
  const words = query.trim().split(/\s+/).filter(Boolean);
  // Digits mixed with words ("31800 saint gaudens") narrow the name search by code.
  const codeWords = words.filter((w) => CODE_QUERY.test(w.toLowerCase()));
  const textWords = words.filter((w) => !CODE_QUERY.test(w.toLowerCase()));
  let found: Map<number, CommuneMatch> | null = null;
  if (textWords.length > 0) {
    found = new Map();
    for (const variant of queryVariants(textWords.join(' '))) collect(index, variant, 'text', found);
  }
  for (const code of codeWords) {
    const byCode = new Map<number, CommuneMatch>();
    collect(index, code.toLowerCase(), 'code', byCode);
    // The first criterion describes the match; later ones only narrow it.
    found = found === null ? byCode : new Map([...found].filter(([id]) => byCode.has(id)));
  }
  const all = [...(found?.values() ?? [])].sort(compareMatches);
  return { matches: all.slice(0, limit), total: all.length };
}

/**
 * The same answer by brute force: normalise every name for every query. Kept
 * as the reference for tests and as the baseline of `npm run bench`.
 */
export function searchCommunesLinear(communes: readonly Commune[], query: string, limit = 10): CommuneSearchResult {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const codeWords = words.filter((w) => CODE_QUERY.test(w.toLowerCase())).map((w) => w.toLowerCase());
  const textWords = words.filter((w) => !CODE_QUERY.test(w.toLowerCase()));
  const variants = textWords.length > 0 ? queryVariants(textWords.join(' ')) : [];
  const all: CommuneMatch[] = [];
  for (const c of communes) {
    let best: CommuneMatch | null = null;
    const consider = (m: CommuneMatch) => {
      if (!best || m.tier < best.tier) best = m;
    };
    if (variants.length > 0) {
      const name = normalizeName(c.name);
      const joined = compact(name);
      for (const v of variants) {
        if (name === v || joined === v) consider({ commune: c, by: 'name', tier: 0 });
        else if (name.startsWith(v) || joined.startsWith(v)) consider({ commune: c, by: 'name', tier: 1 });
        else if (name.includes(` ${v}`)) consider({ commune: c, by: 'word', tier: 2 });
      }
      if (!best) continue;
    }
    let codeOk = true;
    for (const code of codeWords) {
      let m: CommuneMatch | null = null;
      const code5 = c.code.toLowerCase();
      if (code5.startsWith(code)) m = { commune: c, by: 'code', tier: code5 === code ? 0 : 1 };
      for (const pc of [...c.postcodes].sort()) {
        if (!pc.startsWith(code)) continue;
        const tier = pc === code ? 0 : 1;
        if (!m || tier < m.tier || (tier === m.tier && m.by === 'code')) m = { commune: c, by: 'postcode', postcode: pc, tier };
      }
      if (!m) codeOk = false;
      else if (variants.length === 0 && code === codeWords[0]) consider(m);
    }
    if (codeOk && best) all.push(best);
  }
  all.sort(compareMatches);
  return { matches: all.slice(0, limit), total: all.length };
}
