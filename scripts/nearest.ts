// `npm run nearest -- --region occitanie --from <INSEE code | postcode | name> --k 5 [--json]`
// The k structures nearest to a commune, with great-circle distances, from the
// same domain code as the app (src/domain/search). Reads the built data in
// public/data/<region>/ (run `npm run build:data` first).
import { parseArgs } from 'node:util';
import { NO_FILTER, type StructureFilter } from '../src/domain/filter';
import { EARTH_RADIUS_KM } from '../src/domain/geo/distance';
import { buildCommuneIndex } from '../src/domain/search/commune-index';
import { nearStructures, parcours } from '../src/domain/search/near';
import { buildNearestIndex } from '../src/domain/search/nearest';
import { resolveCommune } from '../src/domain/search/resolve';
import { readRegionFiles, requireIds } from './lib/region-files';
import type { Structure } from '../src/domain/types';

const USAGE = `usage: npm run nearest -- --from <INSEE code | postcode | commune name> [--region occitanie] [--k 5]
                       [--stage <id>] [--type <id,id>] [--dept <code>] [--parcours] [--json]`;

function fail(message: string, code = 2): never {
  console.error(`nearest: ${message}`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      region: { type: 'string', default: 'occitanie' },
      from: { type: 'string' },
      k: { type: 'string', default: '5' },
      stage: { type: 'string' },
      type: { type: 'string' },
      dept: { type: 'string' },
      parcours: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
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
if (!args.from) fail(`--from is required\n${USAGE}`);
const k = Number(args.k);
if (!Number.isInteger(k) || k < 1) fail(`--k must be a whole number ≥ 1, got "${args.k}"`);

const files = readRegionFiles(args.region);
if ('error' in files) fail(files.error);
const { config, communes, structures } = files;

const filter: StructureFilter = {
  ...NO_FILTER,
  types: args.type
    ? requireIds(
        args.type,
        config.offerTypes.map((t) => t.id),
        'type',
        fail,
      )
    : null,
  stages: args.stage
    ? requireIds(
        args.stage,
        config.stages.map((s) => s.id),
        'stage',
        fail,
      )
    : [],
  dept: args.dept ? requireIds(args.dept, config.departements, 'département', fail)[0]! : null,
};

const resolution = resolveCommune(buildCommuneIndex(communes), args.from);
if (!resolution.ok) {
  if (resolution.reason === 'ambiguous') {
    const list = resolution.candidates.map((c) => `  ${c.code}  ${c.name}${c.code === args.from ? ' (INSEE code)' : ''}`).join('\n');
    fail(`"${args.from}" names ${resolution.candidates.length} communes; pass one INSEE code:\n${list}`, 1);
  }
  fail(`no commune of ${config.name.en} matches "${args.from}"`, 1);
}
if (resolution.note) console.error(`nearest: ${resolution.note}`);
const origin = resolution.commune;

const index = buildNearestIndex(structures);
const answer = nearStructures(index, structures, origin.lon, origin.lat, filter, k);
const communeName = (code: string) => communes.find((c) => c.code === code)?.name ?? '';
const row = (s: Structure, distanceKm: number) => ({
  id: s.id,
  name: s.name,
  type: s.type,
  stages: s.stages,
  commune: s.commune,
  communeName: communeName(s.commune),
  distanceKm: Math.round(distanceKm * 1000) / 1000,
});
const steps = args.parcours ? parcours(index, config.stages, origin.lon, origin.lat, filter) : null;

if (args.json) {
  const out = {
    region: config.id,
    from: { code: origin.code, name: origin.name, dept: origin.dept, lon: origin.lon, lat: origin.lat },
    k,
    filter,
    distance: `great-circle ("à vol d'oiseau") km from the commune's representative point, haversine with R = ${EARTH_RADIUS_KM} km`,
    results: answer.results.map((n, i) => ({ rank: i + 1, ...row(n.item, n.distanceKm) })),
    unlocated: answer.unlocated,
    ...(steps ? { parcours: steps.map((st) => ({ stage: st.stage.id, nearest: st.nearest ? row(st.nearest.item, st.nearest.distanceKm) : null })) } : {}),
  };
  console.log(JSON.stringify(out, null, 2));
} else {
  const typeLabel = (id: string) => config.offerTypes.find((t) => t.id === id)?.label.fr ?? id;
  console.log(`${k} structures les plus proches de ${origin.name} (${origin.code}), distances à vol d'oiseau :`);
  const parts = [
    filter.types ? `types ${filter.types.join(', ')}` : '',
    filter.stages.length ? `étape ${filter.stages.join(', ')}` : '',
    filter.dept ? `département ${filter.dept}` : '',
  ].filter(Boolean);
  if (parts.length) console.log(`(filtres : ${parts.join(' ; ')})`);
  answer.results.forEach((n, i) => {
    const s = n.item;
    console.log(`${String(i + 1).padStart(3)}. ${n.distanceKm.toFixed(1).padStart(6)} km  ${s.name} — ${typeLabel(s.type)}, ${communeName(s.commune)}`);
  });
  if (answer.results.length === 0) console.log('  (aucune structure localisée ne correspond aux filtres)');
  if (answer.unlocated > 0) console.log(`${answer.unlocated} structure(s) sans localisation non prise(s) en compte.`);
  if (steps) {
    console.log('Parcours :');
    for (const st of steps) {
      const n = st.nearest;
      console.log(
        `  ${st.stage.label.fr.padEnd(22)} ${n ? `${n.distanceKm.toFixed(1).padStart(6)} km  ${n.item.name} (${communeName(n.item.commune)})` : '—'}`,
      );
    }
  }
}
