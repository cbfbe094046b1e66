// Search-as-you-type and nearest-structure timings, each against the naive
// linear scan measured in the same run (see docs/features.md, "Trouver
// l'accompagnement le plus proche").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import {
  buildCommuneIndex,
  compareMatches,
  searchCommunes,
  searchCommunesLinear,
  type CommuneMatch,
  type CommuneSearchResult,
} from '../../src/domain/search/commune-index';
import { compact, normalizeName, queryVariants } from '../../src/domain/search/normalize';
import { buildNearestIndex, nearest, nearestLinear } from '../../src/domain/search/nearest';
import type { Commune, Structure } from '../../src/domain/types';
import { ms, timeMedian, type BenchRow } from './types';
import { mulberry32 } from '../../src/domain/random';

const GROUP = 'search';
const DATA = resolve(import.meta.dirname, '../../public/data/occitanie');

/** What people type, one keystroke at a time. */
const QUERIES = [
  'mende',
  'carcassonne',
  'st gaudens',
  'saint-gaudens',
  'toulouse',
  'montpellier',
  'foix',
  'auch',
  'villefranche de rouergue',
  'bagneres de bigorre',
  '31000',
  '09240',
  '48095',
  "l'isle jourdain",
];
const keystrokes = QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));

/** Sub-millisecond figures in µs, so that fast paths do not all read "0.00 ms". */
const time = (value: number) => (value < 1 ? `${(value * 1000).toFixed(1)} µs` : ms(value));

/** Median and p95 over keystrokes of the time of one search, each timed over `reps` repetitions. */
function perKeystroke(search: (q: string) => unknown, reps: number, runs: number): { median: number; p95: number } {
  const times = keystrokes.map(
    (q) =>
      timeMedian(() => {
        for (let r = 0; r < reps; r++) search(q);
      }, runs) / reps,
  );
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

function france(): Commune[] {
  const require = createRequire(import.meta.url);
  const all = require('@etalab/decoupage-administratif/data/communes.json') as Array<{
    code: string;
    nom: string;
    type: string;
    departement?: string;
    codesPostaux?: string[];
    population?: number;
  }>;
  return all
    .filter((c) => c.type === 'commune-actuelle')
    .map((c) => ({
      code: c.code,
      name: c.nom,
      dept: c.departement ?? '',
      population: c.population ?? 0,
      postcodes: c.codesPostaux ?? [],
      epci: null,
      lon: 0,
      lat: 0,
    }));
}

const CODE_QUERY = /^[0-9]([0-9ab][0-9]{0,3})?$/;

/**
 * The baseline a careful user would write: names normalised once, then a
 * linear scan per keystroke with the same rules as searchCommunesLinear (the
 * tests' reference, which re-normalises every name on each call). Its whole
 * answers are checked equal to the reference's on every keystroke below.
 */
function carefulLinear(communes: readonly Commune[]): (query: string) => CommuneSearchResult {
  const names = communes.map((c) => normalizeName(c.name));
  const joined = names.map(compact);
  const codes = communes.map((c) => c.code.toLowerCase());
  const postcodes = communes.map((c) => [...c.postcodes].sort());
  return (query) => {
    const words = query.trim().split(/\s+/).filter(Boolean);
    const codeWords = words.filter((w) => CODE_QUERY.test(w.toLowerCase())).map((w) => w.toLowerCase());
    const textWords = words.filter((w) => !CODE_QUERY.test(w.toLowerCase()));
    const variants = textWords.length > 0 ? queryVariants(textWords.join(' ')) : [];
    const all: CommuneMatch[] = [];
    communes.forEach((c, i) => {
      let best: CommuneMatch | null = null;
      const consider = (m: CommuneMatch) => {
        if (!best || m.tier < best.tier) best = m;
      };
      if (variants.length > 0) {
        const name = names[i]!;
        const j = joined[i]!;
        for (const v of variants) {
          if (name === v || j === v) consider({ commune: c, by: 'name', tier: 0 });
          else if (name.startsWith(v) || j.startsWith(v)) consider({ commune: c, by: 'name', tier: 1 });
          else if (name.includes(` ${v}`)) consider({ commune: c, by: 'word', tier: 2 });
        }
        if (!best) return;
      }
      let codeOk = true;
      for (const code of codeWords) {
        let m: CommuneMatch | null = null;
        if (codes[i]!.startsWith(code)) m = { commune: c, by: 'code', tier: codes[i] === code ? 0 : 1 };
        for (const pc of postcodes[i]!) {
          if (!pc.startsWith(code)) continue;
          const tier = pc === code ? 0 : 1;
          if (!m || tier < m.tier || (tier === m.tier && m.by === 'code')) m = { commune: c, by: 'postcode', postcode: pc, tier };
        }
        if (!m) codeOk = false;
        else if (variants.length === 0 && code === codeWords[0]) consider(m);
      }
      if (codeOk && best) all.push(best);
    });
    all.sort(compareMatches);
    return { matches: all.slice(0, 10), total: all.length };
  };
}

const sameResult = (a: CommuneSearchResult, b: CommuneSearchResult) =>
  a.total === b.total &&
  a.matches.length === b.matches.length &&
  a.matches.every(
    (m, i) =>
      m.commune.code === b.matches[i]!.commune.code && m.by === b.matches[i]!.by && m.tier === b.matches[i]!.tier && m.postcode === b.matches[i]!.postcode,
  );

function searchRows(label: string, communes: Commune[]): BenchRow[] {
  const index = buildCommuneIndex(communes);
  const build = timeMedian(() => buildCommuneIndex(communes), 3);
  const fast = perKeystroke((q) => searchCommunes(index, q), 50, 5);
  // The baseline: a linear scan over names normalised once, checked equal (whole answers) first.
  const careful = carefulLinear(communes);
  for (const q of keystrokes) {
    const reference = searchCommunesLinear(communes, q);
    if (!sameResult(careful(q), reference) || !sameResult(searchCommunes(index, q), reference)) {
      throw new Error(`search (${label}): answers differ for "${q}"`);
    }
  }
  const slow = perKeystroke(careful, 3, 3);
  const note = `${communes.length} communes, ${keystrokes.length} keystrokes of ${QUERIES.length} queries`;
  return [
    { group: GROUP, name: `commune index build (${label})`, value: ms(build), note: `${communes.length} communes` },
    {
      group: GROUP,
      name: `search per keystroke, median (${label})`,
      value: time(fast.median),
      ratio: `${(slow.median / fast.median).toFixed(0)}× faster than a linear scan of names normalised once (${time(slow.median)})`,
      note: `${note}; the three sides give equal answers on every keystroke`,
    },
    {
      group: GROUP,
      name: `search per keystroke, p95 (${label})`,
      value: time(fast.p95),
      ratio: `${(slow.p95 / fast.p95).toFixed(0)}× (linear p95 ${time(slow.p95)})`,
    },
  ];
}

function nearestRows(label: string, structures: Structure[], communes: Commune[]): BenchRow[] {
  const index = buildNearestIndex(structures);
  const build = timeMedian(() => buildNearestIndex(structures), 3);
  // Every 4th commune as origin: a spread over the whole region.
  const origins = communes.filter((_, i) => i % 4 === 0);
  const perQuery = (fn: (o: Commune) => unknown) => timeMedian(() => origins.forEach(fn), 3) / origins.length;
  const fast = perQuery((o) => nearest(index, o.lon, o.lat, 5));
  const slow = perQuery((o) => nearestLinear(structures, o.lon, o.lat, 5));
  return [
    {
      group: GROUP,
      name: `nearest k=5 per query (${label})`,
      value: time(fast),
      // On a few dozen sites a plain scan wins: say so rather than print "0.5× faster".
      ratio:
        slow >= fast
          ? `${(slow / fast).toFixed(1)}× faster than linear scan + sort (${time(slow)})`
          : `${(fast / slow).toFixed(1)}× slower than linear scan + sort (${time(slow)})`,
      note: `${structures.length} structures, ${origins.length} origins over the region; index built in ${time(build)}`,
    },
  ];
}

export async function run(): Promise<BenchRow[]> {
  const communes = JSON.parse(readFileSync(resolve(DATA, 'communes.json'), 'utf8')) as Commune[];
  const geo = JSON.parse(readFileSync(resolve(DATA, 'structures.geojson'), 'utf8')) as { features: Array<{ properties: Structure }> };
  const structures = geo.features.map((f) => f.properties);
  const random = mulberry32(1);
  const synthetic: Structure[] = Array.from({ length: 10_000 }, (_, i) => ({
    ...structures[0]!,
    id: `synthetic-${i}`,
    lon: -0.3 + random() * 5.2,
    lat: 42.3 + random() * 2.7,
  }));
  return [
    ...searchRows('Occitanie', communes),
    ...searchRows('France', france()),
    ...nearestRows('catalogue', structures, communes),
    ...nearestRows('10,000 synthetic sites', synthetic, communes),
  ];
}
