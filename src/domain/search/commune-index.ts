import type { Commune } from '../types';
import type { CommuneMatch } from '../commune-match';
import { compact, normalizeName, queryVariants } from './normalize';

// Search-as-you-type over the region's communes: names, postcodes and INSEE
// codes. Every searchable key is normalised once and kept in one sorted array,
// so a query is a binary search for its prefix and a short scan; nothing is
// normalised again while the user types.

/** How a commune matched in the search (CommuneMatch['by']): the tier orders results before population does. */
export type MatchKind = Extract<CommuneMatch['by'], 'name' | 'word' | 'former' | 'laposte' | 'code' | 'postcode'>;

export type { CommuneMatch } from '../commune-match';

/** Tier of a match one typo away: tried only when the query matches nothing as typed. */
export const TYPO_TIER = 3;
/** Shorter queries are still being typed: no typo guess under this many letters. */
const TYPO_MIN_LENGTH = 4;

/** Which key describes a match best when two give the same tier. */
// Lookups of imported rows ('name+postcode', 'name+dept') never come out of the search; ranked as names.
const KIND_ORDER: Readonly<Record<CommuneMatch['by'], number>> = {
  name: 0,
  postcode: 0,
  word: 1,
  code: 1,
  laposte: 2,
  former: 3,
  'name+postcode': 0,
  'name+dept': 0,
};

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
  /** The former name or La Poste form a key was made from, '' for other keys. */
  keyAlias: string[];
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

/** The other names of a commune as [original text, kind]: former communes, then La Poste forms. */
function aliasesOf(c: Commune): Array<[string, MatchKind]> {
  return [...(c.former ?? []).map((a): [string, MatchKind] => [a, 'former']), ...(c.laPoste ?? []).map((a): [string, MatchKind] => [a, 'laposte'])];
}

/**
 * Index communes for `searchCommunes`. Keys: the normalised name, the same
 * without spaces, each later word onwards ("gaudens" for Saint-Gaudens), the
 * former communes' names and La Poste forms (with and without spaces), the
 * INSEE code and the postcodes.
 */
export function buildCommuneIndex(communes: readonly Commune[]): CommuneSearchIndex {
  const entries: Array<[string, number, MatchKind, string]> = [];
  communes.forEach((c, i) => {
    const name = normalizeName(c.name);
    if (name) {
      entries.push([name, i, 'name', '']);
      const joined = compact(name);
      if (joined !== name) entries.push([joined, i, 'name', '']);
      for (let p = name.indexOf(' '); p !== -1; p = name.indexOf(' ', p + 1)) entries.push([name.slice(p + 1), i, 'word', '']);
    }
    for (const [alias, kind] of aliasesOf(c)) {
      const form = normalizeName(alias);
      if (!form) continue;
      entries.push([form, i, kind, alias]);
      if (compact(form) !== form) entries.push([compact(form), i, kind, alias]);
    }
    entries.push([c.code.toLowerCase(), i, 'code', '']);
    for (const pc of c.postcodes) entries.push([pc, i, 'postcode', '']);
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
    keyAlias: entries.map((e) => e[3]),
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

/** Keep key j of tier `tier` for its commune if it describes the match better than the one kept so far. */
function fold(index: CommuneSearchIndex, j: number, tier: number, into: Found): void {
  const id = index.keyCommune[j]!;
  const previous = into.tier[id]! - 1;
  // At equal tier the name reads better than another name, and a postcode better than an INSEE code ("31000", not "31555").
  if (previous >= 0 && (previous < tier || (previous === tier && KIND_ORDER[index.keyKind[into.key[id]!]!] <= KIND_ORDER[index.keyKind[j]!]))) return;
  into.tier[id] = tier + 1;
  into.key[id] = j;
}

const isCodeKind = (kind: MatchKind): boolean => kind === 'code' || kind === 'postcode';

/** Every key starting with q, folded into the best match per commune. Typed arrays: no allocation per key. */
function collect(index: CommuneSearchIndex, q: string, kinds: 'text' | 'code', into: Found): void {
  const { keys, keyKind } = index;
  for (let j = lowerBound(keys, q); j < keys.length && keys[j]!.startsWith(q); j++) {
    const kind = keyKind[j]!;
    if ((kinds === 'code') !== isCodeKind(kind)) continue;
    fold(index, j, kind === 'word' ? 2 : keys[j] === q ? 0 : 1, into);
  }
}

/** Whole names, former names and La Poste forms one typo (see withinOneEdit) away from q. */
function collectTypos(index: CommuneSearchIndex, q: string, into: Found): void {
  if (q.length < TYPO_MIN_LENGTH) return;
  const { keys, keyKind } = index;
  for (let j = 0; j < keys.length; j++) {
    const kind = keyKind[j]!;
    if (kind === 'word' || isCodeKind(kind)) continue;
    if (withinOneEdit(q, keys[j]!)) fold(index, j, TYPO_TIER, into);
  }
}

/**
 * True when b is a, or a with one letter inserted, deleted, replaced, or two
 * neighbouring letters swapped (an optimal string alignment distance of 1).
 * Example: withinOneEdit("narbone", "narbonne") === true.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (i === la && i === lb) return true;
  if (la === lb) {
    // One replacement, or one swap of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One insertion or deletion at i.
  return la < lb ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/** 1 for a match by another name (former, La Poste): after the current names of the same tier. */
const byOtherName = (kind: CommuneMatch['by']): number => (kind === 'former' || kind === 'laposte' ? 1 : 0);

/** Better tier first, current names before other names, then larger population, then name and code (stable across runs). */
export function compareMatches(a: CommuneMatch, b: CommuneMatch): number {
  return a.tier - b.tier || byOtherName(a.by) - byOtherName(b.by) || compareCommunes(a.commune, b.commune);
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
    const variants = queryVariants(textWords.join(' '));
    for (const variant of variants) collect(index, variant, 'text', found);
    // Only when nothing matches as typed: a typo guess must never push aside a real match.
    if (!found.tier.some((t) => t > 0)) for (const variant of variants) collectTypos(index, variant, found);
  }
  for (const code of codeWords) {
    const byCode = newFound(n);
    collect(index, code.toLowerCase(), 'code', byCode);
    if (found === null) found = byCode;
    // The first criterion describes the match; later ones only narrow it.
    else for (let id = 0; id < n; id++) if (byCode.tier[id] === 0) found.tier[id] = 0;
  }
  if (!found) return { matches: [], total: 0 };
  // One number per match, tier, current or other name, then rank: a numeric sort of a typed array.
  const order: number[] = [];
  for (let id = 0; id < n; id++) {
    const t = found.tier[id]!;
    if (t > 0) order.push((2 * (t - 1) + byOtherName(index.keyKind[found.key[id]!]!)) * n + index.rank[id]!);
  }
  const sorted = Float64Array.from(order).sort();
  const matches: CommuneMatch[] = [];
  for (const v of sorted.subarray(0, limit)) {
    const group = Math.floor(v / n);
    const tier = group >> 1;
    const id = index.byRank[v - group * n]!;
    const j = found.key[id]!;
    const by = index.keyKind[j]!;
    const match: CommuneMatch = { commune: index.communes[id]!, by, tier };
    if (by === 'postcode') match.postcode = index.keys[j]!;
    if (by === 'former' || by === 'laposte') match.alias = index.keyAlias[j]!;
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
  const textMatch = (c: Commune, typos: boolean): CommuneMatch | null => {
    let best: CommuneMatch | null = null;
    const consider = (m: CommuneMatch) => {
      if (!best || m.tier < best.tier || (m.tier === best.tier && KIND_ORDER[m.by] < KIND_ORDER[best.by])) best = m;
    };
    const name = normalizeName(c.name);
    const forms: Array<[string, MatchKind, string | undefined]> = [
      [name, 'name', undefined],
      ...aliasesOf(c).map(([alias, kind]): [string, MatchKind, string] => [normalizeName(alias), kind, alias]),
    ];
    for (const v of variants) {
      for (const [form, by, alias] of forms) {
        if (!form) continue;
        const joined = compact(form);
        const withAlias = (m: CommuneMatch): CommuneMatch => (alias === undefined ? m : { ...m, alias });
        if (typos) {
          if (v.length >= TYPO_MIN_LENGTH && (withinOneEdit(v, form) || withinOneEdit(v, joined))) consider(withAlias({ commune: c, by, tier: TYPO_TIER }));
        } else if (form === v || joined === v) consider(withAlias({ commune: c, by, tier: 0 }));
        else if (form.startsWith(v) || joined.startsWith(v)) consider(withAlias({ commune: c, by, tier: 1 }));
        else if (by === 'name' && form.includes(` ${v}`)) consider({ commune: c, by: 'word', tier: 2 });
      }
    }
    return best;
  };
  const typos = variants.length > 0 && !communes.some((c) => textMatch(c, false));
  const all: CommuneMatch[] = [];
  for (const c of communes) {
    let best: CommuneMatch | null = null;
    const consider = (m: CommuneMatch) => {
      if (!best || m.tier < best.tier) best = m;
    };
    if (variants.length > 0) {
      best = textMatch(c, typos);
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
