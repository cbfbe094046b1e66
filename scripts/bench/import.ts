// Import throughput: 100,000 generated rows through the app's pure pipeline (decode, parse,
// map, convert, resolve communes, validate), against bare PapaParse on the same text.
import Papa from 'papaparse';
import { buildImportContext } from '../../src/domain/import/context';
import { lonLatToLambert93 } from '../../src/domain/import/coords';
import { importTable } from '../../src/domain/import/import-table';
import { readImportFile } from '../../src/domain/import/pipeline';
import type { Commune } from '../../src/domain/types';
import { loadRegionInputs } from '../lib/import-report';
import { timeMedian, type BenchRow } from './types';

const ROWS = 100_000;

/** A referent-style file: ";" separator, decimal commas, a third each WGS84, Lambert-93 and commune name + postcode. */
export function generateRows(communes: readonly Commune[], n = ROWS): string {
  const lines = ['Nom;Type;Adresse;CP;Ville;Latitude;Longitude;X;Y;Site web;Courriel'];
  const comma = (x: number) => String(x).replace('.', ',');
  for (let i = 0; i < n; i++) {
    const c = communes[(i * 7919) % communes.length]!;
    const kind = i % 3;
    const [x, y] = kind === 1 ? lonLatToLambert93(c.lon, c.lat) : [0, 0];
    lines.push(
      [
        `Structure n°${i} « ${c.name} »`,
        i % 2 ? 'Réseau' : 'incubateur',
        `${i % 90} rue de la Paix`,
        c.postcodes[0] ?? '',
        c.name,
        kind === 0 ? comma(c.lat) : '',
        kind === 0 ? comma(c.lon) : '',
        kind === 1 ? comma(Math.round(x * 100) / 100) : '',
        kind === 1 ? comma(Math.round(y * 100) / 100) : '',
        i % 4 ? `https://example.org/${i}` : '',
        i % 5 ? `contact${i}@example.org` : '',
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function run(): Promise<BenchRow[]> {
  const { inputs } = loadRegionInputs('occitanie');
  const ctx = buildImportContext(inputs);
  const text = generateRows(inputs.communes);
  const bytes = new TextEncoder().encode(text);
  const mb = (bytes.length / 1024 / 1024).toFixed(1);

  let accepted = 0;
  const full = timeMedian(() => {
    const read = readImportFile(bytes, 'bench.csv');
    if (!read.ok) throw new Error(read.refusal.message);
    accepted = importTable(read.table, read.mapping, ctx).structures.length;
  }, 3);
  const readOnly = timeMedian(() => readImportFile(bytes, 'bench.csv'), 3);
  const naive = timeMedian(() => Papa.parse(new TextDecoder().decode(bytes), { delimiter: ';' }), 3);
  if (accepted !== ROWS) throw new Error(`only ${accepted} of ${ROWS} rows accepted`);

  const perSecond = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en-GB')} rows/s`;
  return [
    {
      group: 'import',
      name: `full pipeline, ${ROWS.toLocaleString('en-GB')} rows (${mb} MB)`,
      value: perSecond(full),
      ratio: `${(full / naive).toFixed(1)}× bare parse time`,
      note: `${Math.round(full)} ms: decode, parse, map, Lambert-93, communes (polygons), validation`,
    },
    { group: 'import', name: 'read only (decode + parse + mapping guess)', value: perSecond(readOnly), note: `${Math.round(readOnly)} ms` },
    { group: 'import', name: 'baseline: bare Papa.parse of the text', value: perSecond(naive), note: `${Math.round(naive)} ms, no checks` },
  ];
}

// `npx tsx scripts/bench/import.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(row);
}
