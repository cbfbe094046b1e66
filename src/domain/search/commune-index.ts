import type { Commune } from '../types';
import type { CommuneMatch } from '../commune-match';
import { compact, normalizeName, queryVariants } from './normalize';

// Search-as-you-type over the region's communes: names, postcodes and INSEE
// codes. Every searchable key is normalised once and kept in one sorted array,
// so a query is a binary search for its prefix and a short scan; nothing is
// normalised again while the user types.

/** How a commune matched in the search (CommuneMatch['by']): the tier orders results before population does. */
export type MatchKind = Extract<CommuneMatch['by'], 'name' | 'word' | 'code' | 'postcode'>;

export type { CommuneMatch } from '../commune-match';

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
  /** Rank of each commune among equals: larger population first, then name, then code. */
  rank: Uint32Array;
  /** The commune at each rank. */
  byRank: Uint32Array;
}

/** A postal or INSEE code, or its beginning ("3", "31", "2A0"…). */
const CODE_QUERY = /^[0-9]([0-9ab][0-9]{0,3})?$/;

/** One collator for every comparison: String#localeCompare builds one per call and is far slower. */
const collator = new Intl.Collator('fr');

/** Larger population first, then name and code: the order among equally good matches. */
export function compareCommunes(a: Commune, b: Commune): number {
  return b.population - a.population || collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Index communes for `searchCommunes`. Keys: the normalised name, the same
 * without spaces, each later word onwards ("gaudens" for Saint-Gaudens),
 * the INSEE code and the postcodes.
 */
export function buildCommuneIndex(communes: readonly Commune[]): CommuneSearchIndex {
  const entries: Array<[string, number, MatchKind]> = [];
  communes.forEach((c, i) => {
    const name = normalizeName(c.name);
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
  const byRank = Uint32Array.from(communes.keys()).sort((a, b) => compareCommunes(communes[a]!, communes[b]!));
  const rank = new Uint32Array(communes.length);
  byRank.forEach((id, r) => (rank[id] = r));
  return {
    communes,
    keys: entries.map((e) => e[0]),
    keyCommune: Uint32Array.from(entries, (e) => e[1]),
    keyKind: entries.map((e) => e[2]),
    rank,
    byRank,
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

/** Best match per commune: tier + 1 (0 = no match) and the key that gave it. */
interface Found {
  tier: Uint8Array;
  key: Int32Array;
}

const newFound = (n: number): Found => ({ tier: new Uint8Array(n), key: new Int32Array(n) });

/** Every key starting with q, folded into the best match per commune. Typed arrays: no allocation per key. */
function collect(index: CommuneSearchIndex, q: string, kinds: 'text' | 'code', into: Found): void {
  const { keys, keyCommune, keyKind } = index;
  for (let j = lowerBound(keys, q); j < keys.length && keys[j]!.startsWith(q); j++) {
    const kind = keyKind[j]!;
    const isCode = kind === 'code' || kind === 'postcode';
    if ((kinds === 'code') !== isCode) continue;
    const tier = kind === 'word' ? 2 : keys[j] === q ? 0 : 1;
    const id = keyCommune[j]!;
    const previous = into.tier[id]! - 1;
    // At equal tier a postcode reads better than an INSEE code ("31000", not "31555").
    if (previous >= 0 && (previous < tier || (previous === tier && !(keyKind[into.key[id]!] === 'code' && kind === 'postcode')))) continue;
    into.tier[id] = tier + 1;
    into.key[id] = j;
  }
}

/** Better tier first, then larger population, then name and code (stable across runs). */
export function compareMatches(a: CommuneMatch, b: CommuneMatch): number {
  return a.tier - b.tier || compareCommunes(a.commune, b.commune);
}

/**
 * Communes matching what the user typed: a name or its beginning ("carca" →
 * Carcassonne), a word of the name ("gaudens"), a postcode or INSEE code or
 * their beginning, or both ("31800 saint"). Case, accents, hyphens,
 * apostrophes and "St"/"Ste" do not matter.
 * Example: searchCommunes(index, "st gaudens").matches[0].commune.name === "Saint-Gaudens".
 */
export function searchCommunes(index: CommuneSearchIndex, query: string, limit = 10): CommuneSearchResult {
  const n = index.communes.length;
  const words = query.trim().split(/\s+/).filter(Boolean);
  // Digits mixed with words ("31800 saint gaudens") narrow the name search by code.
  const codeWords = words.filter((w) => CODE_QUERY.test(w.toLowerCase()));
  const textWords = words.filter((w) => !CODE_QUERY.test(w.toLowerCase()));
  let found: Found | null = null;
  if (textWords.length > 0) {
    found = newFound(n);
    for (const variant of queryVariants(textWords.join(' '))) collect(index, variant, 'text', found);
  }
  for (const code of codeWords) {
    const byCode = newFound(n);
    collect(index, code.toLowerCase(), 'code', byCode);
    if (found === null) found = byCode;
    // The first criterion describes the match; later ones only narrow it.
    else for (let id = 0; id < n; id++) if (byCode.tier[id] === 0) found.tier[id] = 0;
  }
  if (!found) return { matches: [], total: 0 };
  // One number per match, tier then rank: a numeric sort of a typed array.
  const order: number[] = [];
  for (let id = 0; id < n; id++) {
    const t = found.tier[id]!;
    if (t > 0) order.push((t - 1) * n + index.rank[id]!);
  }
  const sorted = Float64Array.from(order).sort();
  const matches: CommuneMatch[] = [];
  for (const v of sorted.subarray(0, limit)) {
    const tier = Math.floor(v / n);
    const id = index.byRank[v - tier * n]!;
    const j = found.key[id]!;
    const by = index.keyKind[j]!;
    const match: CommuneMatch = { commune: index.communes[id]!, by, tier };
    if (by === 'postcode') match.postcode = index.keys[j]!;
    matches.push(match);
  }
  return { matches, total: sorted.length };
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
