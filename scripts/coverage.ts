// `npm run coverage -- --region occitanie --threshold 30 --types incubateur,realis
//   [--stages …] [--zones] [--verified] [--format csv|json] [--sim lon,lat,type;…] [--suggest 3] [--bom]`
// Each commune is covered, beyond (a certain gap) or unknown (beyond, in a département where the
// catalogue misses offers the region is known to have: see `expectations` in data/regions/<id>.json).
// Per-commune distance to the nearest selected offer and the totals per
// département, from the same domain code as the app (src/domain/coverage).
// Reads the built data in public/data/<region>/ (run `npm run build:data` first).
// Data goes to stdout; a one-line summary and warnings go to stderr.
import { parseArgs } from 'node:util';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  communeAt,
  communeCsvRows,
  concatOffers,
  communeState,
  incompleteDepartements,
  STATE_CODES,
  locatedOffers,
  nearestOffers,
  parseSims,
  selectOffers,
  simOffer,
  suggestSites,
  summarise,
  territoryTable,
  toCsv,
  type Reading,
  type TerritoryRow,
} from '../src/domain/coverage/index';
import { catalogueCompleteness } from '../src/domain/catalogue/expectations';
import { EARTH_RADIUS_KM } from '../src/domain/geo/distance';
import { readTypeList } from '../src/domain/offer-types';
import { readRegionFiles, requireIds } from './lib/region-files';

const USAGE = `usage: npm run coverage -- [--region occitanie] [--threshold <km, 5–100>] [--types <id,id>] [--stages <id,id>]
                        [--zones] [--verified] [--format csv|json] [--sim "lon,lat,type;…"] [--suggest <n>] [--bom]`;

function fail(message: string, code = 2): never {
  console.error(`coverage: ${message}`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      region: { type: 'string', default: 'occitanie' },
      threshold: { type: 'string' },
      types: { type: 'string' },
      stages: { type: 'string' },
      zones: { type: 'boolean', default: false },
      verified: { type: 'boolean', default: false },
      format: { type: 'string', default: 'csv' },
      sim: { type: 'string' },
      suggest: { type: 'string', default: '0' },
      bom: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.format !== 'csv' && args.format !== 'json') fail(`--format must be csv or json, got "${args.format}"`);
const suggestCount = Number(args.suggest);
if (!Number.isInteger(suggestCount) || suggestCount < 0 || suggestCount > 20) fail(`--suggest must be a whole number from 0 to 20, got "${args.suggest}"`);

const files = readRegionFiles(args.region);
if ('error' in files) fail(files.error);
const { config, communes, epci, structures, readJson } = files;
const departements = readJson<FeatureCollection<Geometry, { code: string; nom: string }>>('departements.geojson');

const thresholdKm = args.threshold === undefined ? config.defaultThresholdKm : Number(args.threshold);
if (!Number.isFinite(thresholdKm) || thresholdKm < 5 || thresholdKm > 100) fail(`--threshold must be a number of km from 5 to 100, got "${args.threshold}"`);

const known = (text: string | undefined, allowed: string[], what: string): string[] | null =>
  text === undefined ? null : requireIds(text, allowed, what, fail);
const typeIds = config.offerTypes.map((t) => t.id);
// Legacy type names still work: `--types reseau` includes the DLA, split off `reseau` later (`reseau,-dla` leaves it out).
const types = args.types === undefined ? null : readTypeList(known(args.types, [...typeIds, ...typeIds.map((t) => `-${t}`)], 'type') ?? [], config);
const stages =
  known(
    args.stages,
    config.stages.map((s) => s.id),
    'stage',
  ) ?? [];
const reading: Reading = args.zones ? 'zones' : 'site';

const sims = parseSims(args.sim ?? null, typeIds);
for (const p of sims.problems) console.error(`coverage: --sim ${p} (ignored)`);
const communesGeo = sims.sites.length > 0 ? readJson<FeatureCollection<Geometry, { code: string }>>('communes.geojson') : null;
const offers = concatOffers(
  selectOffers(structures, { types, stages, verifiedOnly: args.verified }),
  sims.sites.map((s, i) => {
    const code = communesGeo ? communeAt(communesGeo, s.lon, s.lat) : '';
    return simOffer(s, i, code, communes.find((c) => c.code === code)?.dept ?? '');
  }),
);

const nearest = nearestOffers(communes, offers, reading);
const incomplete = incompleteDepartements(offers, config.expectations, types, config.departements);
const summary = summarise(communes, nearest, thresholdKm, incomplete);
const deptNames = new Map(departements.features.map((f) => [f.properties.code, f.properties.nom]));
const epciNames = new Map(epci.map((e) => [e.code, e.name]));
const rows = territoryTable(communes, nearest, offers, { groupBy: 'dept', thresholdKm, reading, names: deptNames, incomplete });
const suggestions = suggestCount > 0 ? suggestSites(communes, nearest, thresholdKm, suggestCount, incomplete) : [];
// Completeness of the catalogue as the analysis saw it (verified rows only with --verified).
const completeness = catalogueCompleteness(args.verified ? structures.filter((s) => s.status === 'verified') : structures, config);

const located = locatedOffers(offers);
const unlocated = offers.length - located;
if (offers.length === 0) console.error('coverage: no offer matches the selection: every commune is beyond the threshold.');
else if (reading === 'site' && unlocated > 0)
  console.error(`coverage: ${unlocated} selected offer(s) without a position are not counted in the site reading (try --zones).`);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.error(
  `coverage: ${config.name.fr}, ${thresholdKm} km, reading "${reading}", ${offers.length} offer(s) (${located} located) — ` +
    `${summary.beyondCommunes} of ${summary.communes} communes (${pct(summary.beyondCommuneShare)}) and ` +
    `${summary.beyondPopulation} of ${summary.population} inhabitants (${pct(summary.beyondPopulationShare)}) beyond the threshold for certain; ` +
    `${summary.unknownCommunes} communes, ${summary.unknownPopulation} inhabitants unknown (catalogue incomplete in ${[...incomplete].sort().join(', ') || 'no département'}).`,
);

const round = (x: number, d = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);
const regionRow: TerritoryRow = {
  code: config.regionCode,
  name: config.name.fr,
  communes: summary.communes,
  population: summary.population,
  beyondCommunes: summary.beyondCommunes,
  beyondPopulation: summary.beyondPopulation,
  beyondPopulationShare: summary.beyondPopulationShare,
  unknownCommunes: summary.unknownCommunes,
  unknownPopulation: summary.unknownPopulation,
  incomplete: incomplete.size > 0,
  ...(() => {
    let far = -1;
    for (let i = 0; i < communes.length; i++) if (far < 0 || nearest.distanceKm[i]! > nearest.distanceKm[far]!) far = i;
    const c = communes[far];
    return { farthestCode: c?.code ?? '', farthestName: c?.name ?? '', farthestKm: c ? nearest.distanceKm[far]! : -1 };
  })(),
  offers: offers.filter((o) => o.lon !== null || (reading === 'zones' && o.zone.length > 0)).length,
  offersPer10k: null,
};
regionRow.offersPer10k = summary.population > 0 ? (regionRow.offers / summary.population) * 10_000 : null;

if (args.format === 'json') {
  const out = {
    region: config.id,
    thresholdKm,
    reading,
    types: types ?? 'all',
    stages: stages.length ? stages : 'all',
    distance: `great-circle ("à vol d'oiseau") km from each commune's representative point, R = ${EARTH_RADIUS_KM} km`,
    verifiedOnly: args.verified,
    offers: { selected: offers.length, located, hypothetical: sims.sites.length },
    summary,
    incompleteDepartements: [...incomplete].sort(),
    completeness,
    departements: rows.map((r) => ({ ...r, farthestKm: round(r.farthestKm), offersPer10k: r.offersPer10k === null ? null : round(r.offersPer10k) })),
    suggestions,
    communes: communes.map((c, i) => {
      const o = offers[nearest.offer[i]!];
      return {
        code: c.code,
        name: c.name,
        dept: c.dept,
        epci: c.epci,
        epciName: c.epci ? (epciNames.get(c.epci) ?? null) : null,
        population: c.population,
        distanceKm: round(nearest.distanceKm[i]!),
        beyond: !(nearest.distanceKm[i]! <= thresholdKm),
        state: STATE_CODES[communeState(nearest.distanceKm[i]!, thresholdKm, incomplete.has(c.dept))],
        servedByZone: nearest.byZone[i] === 1,
        nearest: o ? { id: o.id, name: o.name, type: o.type, hypothetical: o.hypothetical } : null,
      };
    }),
  };
  console.log(JSON.stringify(out, null, 2));
} else {
  const communeRows = communeCsvRows(communes, nearest, offers, {
    thresholdKm,
    onlyBeyond: false,
    decimal: '.',
    noOfferText: '',
    deptNames,
    epciNames,
    incomplete,
  });
  const fmt = (x: number | null, d: number) => (x === null || !Number.isFinite(x) ? '' : x.toFixed(d));
  const totals = [
    [
      'departement',
      'nom',
      'communes',
      'population',
      'communes_au_dela',
      'habitants_au_dela',
      'part_habitants_au_dela',
      'communes_inconnues',
      'habitants_inconnus',
      'catalogue_incomplet',
      'commune_la_plus_eloignee',
      'distance_max_km',
      'offres',
      'offres_pour_10000_hab',
    ],
    ...[...rows, regionRow].map((r) => [
      r.code,
      r.name,
      String(r.communes),
      String(r.population),
      String(r.beyondCommunes),
      String(r.beyondPopulation),
      fmt(r.beyondPopulationShare, 4),
      String(r.unknownCommunes),
      String(r.unknownPopulation),
      r.incomplete ? '1' : '0',
      r.farthestName ? `${r.farthestName} (${r.farthestCode})` : '',
      fmt(r.farthestKm, 1),
      String(r.offers),
      fmt(r.offersPer10k, 3),
    ]),
  ];
  process.stdout.write(toCsv(communeRows, { bom: args.bom }));
  process.stdout.write('\r\n');
  process.stdout.write(toCsv(totals, { bom: false }));
  if (suggestions.length > 0) {
    process.stdout.write('\r\n');
    process.stdout.write(
      toCsv(
        [
          ['rang', 'code_insee', 'commune', 'lon', 'lat', 'habitants_gagnes', 'communes_gagnees'],
          ...suggestions.map((s) => [String(s.rank), s.code, s.name, String(s.lon), String(s.lat), String(s.gainPopulation), String(s.gainCommunes)]),
        ],
        { bom: false },
      ),
    );
  }
}
