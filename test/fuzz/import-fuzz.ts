// Seeded fuzzing of the import: generated inputs across categories, each run through the
// whole pipeline (bytes → table → checks). Used by test/unit/import-fuzz.test.ts (a fixed
// run in CI) and scripts/fuzz.ts (`npm run fuzz`, larger runs).
//
// Every structured input knows how many rows it wrote below its header (data records, a
// record spanning several lines counting once, blank lines, title lines above the header);
// the import must account for exactly that many: valid + warned + rejected + blank + above
// the header. Every CSV input must also account for each of its lines.
import { importTable } from '../../src/domain/import/import-table';
import { readImportFile } from '../../src/domain/import/pipeline';
import type { DelimiterChoice, ImportContext } from '../../src/domain/import/types';
import { mulberry32 } from '../../src/domain/random';

export const CATEGORIES = [
  'randomBytes',
  'printable',
  'encodings',
  'quotes',
  'separators',
  'hugeCells',
  'headers',
  'coordinates',
  'formulas',
  'lineEnds',
  'titles',
  'json',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface FuzzCase {
  seed: number;
  category: Category;
  bytes: Uint8Array;
  name: string;
  delimiter?: DelimiterChoice;
  /** Rows written below the header (records + blank lines + title lines), when known. */
  written?: number;
}

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Rand, n: number) => Math.floor(r() * n);

const HEADERS: Record<string, readonly string[]> = {
  name: ['Nom', 'Structure', 'name', 'NOM DE LA STRUCTURE', 'Raison sociale'],
  type: ['Type', 'type', 'Catégorie'],
  commune: ['Code INSEE', 'commune', 'INSEE'],
  communeName: ['Ville', 'Commune'],
  postcode: ['CP', 'Code postal'],
  lat: ['Latitude', 'lat', 'Y'],
  lon: ['Longitude', 'lon', 'X'],
  description: ['Description', 'Commentaire'],
  email: ['Courriel', 'Email'],
  website: ['Site web', 'URL'],
};
const TYPES = ['incubateur', 'Pôle ESS', 'reseau', 'realis', 'financeur', 'inconnu', ''];
const COMMUNES: ReadonlyArray<[string, string, string, number, number]> = [
  ['31555', 'Toulouse', '31000', 1.44, 43.6],
  ['34172', 'Montpellier', '34000', 3.87, 43.61],
  ['81004', 'Albi', '81000', 2.15, 43.93],
  ['09122', 'Foix', '09000', 1.6, 42.96],
  ['99999', 'Nulle-Part', '99999', 9, 50],
];
const FORMULAS = [
  '=1+2',
  "'=1+2",
  '+33 5 61 00 00 00',
  '-1.5',
  '@SUM(A1)',
  '="09122"',
  "x,=cmd|' /C calc'!A0,fin",
  'a;+b\t-c',
  '=HYPERLINK("http://x","y")',
  "''=déjà",
  '\t=x',
];
const TITLES = [
  '[Export du 12/03/2025]',
  '{Liste}',
  'Liste des structures — mars 2025',
  '# export',
  '"Titre entre guillemets"',
  '(brouillon)',
  '<liste>',
  "'apostrophe",
  '=titre',
];
const NAMES = ['Café "Le Lien"', 'Alpha; Bêta, Gamma', 'Œuvre d’Économie', 'Deux\nlignes', 'CR\r\nLF', 'Tab\tdedans', 'Pousse 🌱', 'Simple', 'Éluard', ''];

interface Knobs {
  delimiter: ';' | ',' | '\t';
  breaks: readonly string[];
  quotes: boolean;
  huge: boolean;
  headerVariants: boolean;
  coordinates: boolean;
  formulas: boolean;
  titles: boolean;
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';
}

/** A cell as CSV text: quoted when it must be (or at random when `loose`). */
function quoteCell(value: string, delimiter: string, r: Rand): string {
  if (/["\r\n]/.test(value) || value.includes(delimiter) || r() < 0.05) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

function coordinate(r: Rand, lon: number, lat: number): [string, string] {
  const k = r();
  const fmt = (v: number, comma: boolean) => (comma ? String(v).replace('.', ',') : String(v));
  const comma = r() < 0.3;
  if (k < 0.5) return [fmt(lon + (r() - 0.5) * 0.01, comma), fmt(lat + (r() - 0.5) * 0.01, comma)];
  if (k < 0.6) return [fmt(lat, comma), fmt(lon, comma)]; // swapped
  if (k < 0.75) return [String(Math.round(574000 + r() * 1000)), String(Math.round(6280000 + r() * 1000))]; // Lambert-93
  if (k < 0.85) return ['', ''];
  return [pick(r, ['abc', '1e999', '-', 'NaN', '43°36′', '200']), pick(r, ['', '95', '-91', '1,2,3'])];
}

/** A CSV/TSV file of known shape: header, records, blank and title lines, with the chosen damage. */
function structured(r: Rand, knobs: Knobs): { text: string; written: number } {
  const d = knobs.delimiter;
  const fields = ['name', 'type', 'commune', 'communeName', 'postcode', 'lat', 'lon', 'description', 'email', 'website'].filter((f, i) => i < 2 || r() < 0.6);
  const header = fields.map((f) => (knobs.headerVariants ? pick(r, HEADERS[f]!) : HEADERS[f]![0]!));
  if (knobs.headerVariants && r() < 0.3) header.push(''); // an unnamed column
  if (knobs.headerVariants && r() < 0.2) header.push(header[0]!); // a duplicate
  const lines: string[] = []; // each entry: one record's text (possibly several lines), or a blank/title line
  let written = 0;
  if (knobs.titles) {
    const n = 1 + int(r, 3);
    for (let i = 0; i < n; i++) {
      lines.push(r() < 0.2 ? '' : pick(r, TITLES));
      written++;
    }
  } else if (r() < 0.1) {
    lines.push('');
    written++;
  }
  lines.push(header.map((h) => quoteCell(h, d, r)).join(d));
  const records = int(r, 25);
  for (let i = 0; i < records; i++) {
    const roll = r();
    if (roll < 0.08) {
      lines.push(pick(r, ['', '   ', d.repeat(header.length - 1)]));
      written++;
      continue;
    }
    const commune = pick(r, COMMUNES);
    const [lon, lat] = knobs.coordinates ? coordinate(r, commune[3], commune[4]) : ['', ''];
    const cells = header.map((_, c) => {
      const f = fields[c];
      switch (f) {
        case 'name':
          return `${pick(r, NAMES)}${i}`;
        case 'type':
          return pick(r, TYPES);
        case 'commune':
          return r() < 0.8 ? commune[0] : commune[0].replace(/^0/, '');
        case 'communeName':
          return commune[1];
        case 'postcode':
          return commune[2];
        case 'lat':
          return lat;
        case 'lon':
          return lon;
        case 'description':
          return knobs.formulas ? pick(r, FORMULAS) : pick(r, NAMES);
        case 'email':
          return r() < 0.5 ? `a${i}@example.org` : 'pas un courriel';
        case 'website':
          return r() < 0.5 ? 'example.org' : 'https://example.org/x';
        default:
          return r() < 0.5 ? '' : 'extra';
      }
    });
    if (knobs.formulas && r() < 0.3) cells[int(r, cells.length)] = pick(r, FORMULAS);
    if (knobs.huge && r() < 0.15) cells[int(r, cells.length)] = 'x'.repeat(1000 + int(r, 200_000)) + (r() < 0.5 ? '\n' : '');
    let text = cells.map((c) => quoteCell(c, d, r)).join(d);
    if (knobs.quotes) {
      const q = r();
      if (q < 0.15)
        text = `"${text.replace(/"/g, '')}`.replace(/[\r\n]+/g, ' '); // unbalanced, on one line
      else if (q < 0.25)
        text = text.replace(/[\r\n]+/g, ' ') + d + 'ab"c'; // a stray quote inside a cell
      else if (q < 0.32 && !/[\r\n]/.test(text))
        text = `"abc"def${d}${text.replace(/"/g, '')}`; // text after a closing quote
      else if (q < 0.4) text += `${d}"multi${pick(r, ['\n', '\r\n', '\r'])}ligne ""cité"""`;
      else if (q < 0.45 && !/[\r\n]/.test(text)) text = text.replace(/"/g, ''); // quotes dropped
    }
    if (r() < 0.1) text += d.repeat(1 + int(r, 3)); // trailing empty columns
    lines.push(text);
    written++;
  }
  // Line ends between entries; a lone CR is never followed by a line feed starting an empty line.
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    let br = pick(r, knobs.breaks);
    const next = lines[i + 1];
    if (br === '\r' && (next === undefined || next === '' || next.startsWith('\n'))) br = '\r\n';
    const last = i === lines.length - 1;
    // The last entry may end without a line break, unless it is blank (it would not be a line).
    out += lines[i] + (last && lines[i] !== '' && /\S/.test(lines[i]!) && r() < 0.3 ? '' : br);
  }
  return { text: out, written };
}

function encode(text: string, encoding: Knobs['encoding']): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`);
    case 'windows-1252': {
      // Characters outside Latin-1 become "?", as a spreadsheet saving in that encoding does.
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[i] = c < 256 ? c : c === 0x152 ? 0x8c : c === 0x153 ? 0x9c : c === 0x2019 ? 0x92 : 0x3f;
      }
      return out;
    }
    case 'utf-16le':
    case 'utf-16be': {
      const out = new Uint8Array(2 + text.length * 2);
      const le = encoding === 'utf-16le';
      out[0] = le ? 0xff : 0xfe;
      out[1] = le ? 0xfe : 0xff;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
        out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
      }
      return out;
    }
  }
}

function geojsonCase(r: Rand): { text: string; written?: number } {
  const n = int(r, 20);
  const features = Array.from({ length: n }, (_, i) => {
    const c = pick(r, COMMUNES);
    const geometry =
      r() < 0.7
        ? { type: 'Point', coordinates: [c[3], c[4]] }
        : r() < 0.5
          ? null
          : {
              type: 'LineString',
              coordinates: [
                [c[3], c[4]],
                [c[3] + 0.1, c[4]],
              ],
            };
    return r() < 0.1
      ? pick(r, [null, 1, 'x', { type: 'Nope' }])
      : { type: 'Feature', geometry, properties: { name: `${pick(r, NAMES)}${i}`, type: pick(r, TYPES), commune: c[0] } };
  });
  const text = JSON.stringify({ type: 'FeatureCollection', features }, null, r() < 0.5 ? 2 : undefined);
  if (r() < 0.25) return { text: text.slice(0, int(r, text.length)) }; // truncated
  return { text, written: n };
}

/** The input of one seed (its category is seed modulo the number of categories). */
export function makeCase(seed: number): FuzzCase {
  const r = mulberry32(seed * 7919 + 17);
  const category = CATEGORIES[seed % CATEGORIES.length]!;
  const base: Knobs = {
    delimiter: pick(r, [';', ',', '\t'] as const),
    breaks: pick(r, [['\r\n'], ['\n']]),
    quotes: false,
    huge: false,
    headerVariants: false,
    coordinates: r() < 0.5,
    formulas: false,
    titles: false,
    encoding: 'utf-8',
  };
  const csv = (knobs: Partial<Knobs>, name = 'fuzz.csv'): FuzzCase => {
    const k = { ...base, ...knobs };
    const { text, written } = structured(r, k);
    return { seed, category, bytes: encode(text, k.encoding), name, written };
  };
  switch (category) {
    case 'randomBytes': {
      const bytes = Uint8Array.from({ length: int(r, 4000) }, () => int(r, 256));
      return { seed, category, bytes, name: pick(r, ['x.csv', 'x.geojson', 'x.txt']) };
    }
    case 'printable': {
      const alphabet = ';,\t"\n\r=a1é \'{}[]';
      const text = Array.from({ length: int(r, 4000) }, () => alphabet[int(r, alphabet.length)]).join('');
      return { seed, category, bytes: new TextEncoder().encode(text), name: pick(r, ['x.csv', 'x.json']) };
    }
    case 'encodings':
      return csv({ encoding: pick(r, ['utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le', 'utf-16be'] as const) });
    case 'quotes':
      return csv({ quotes: true, breaks: pick(r, [['\r\n'], ['\n'], ['\r\n', '\n']]) });
    case 'separators': {
      const c = csv({});
      return r() < 0.3 ? { ...c, delimiter: base.delimiter } : c;
    }
    case 'hugeCells':
      return csv({ huge: true });
    case 'headers':
      return csv({ headerVariants: true, titles: r() < 0.2 });
    case 'coordinates':
      return csv({ coordinates: true });
    case 'formulas':
      return csv({ formulas: true });
    case 'lineEnds':
      return csv({ breaks: pick(r, [['\r\n', '\n'], ['\r\n', '\r'], ['\n', '\r'], ['\r\n', '\n', '\r'], ['\r']]), quotes: r() < 0.3 });
    case 'titles':
      return csv({ titles: true, breaks: pick(r, [['\r\n'], ['\n'], ['\r\n', '\n']]) });
    case 'json': {
      const { text, written } = geojsonCase(r);
      return { seed, category, bytes: new TextEncoder().encode(text), name: pick(r, ['x.geojson', 'x.json', 'x.csv']), written };
    }
  }
}

export interface CaseOutcome {
  seed: number;
  category: Category;
  refused: boolean;
  uncaught?: string;
  ms: number;
  /** Written rows minus the rows accounted for (0 when exact or unknown). */
  rowGap: number;
  /** A line-accounting or outcome-count failure, described. */
  lineMismatch?: string;
}

/** Runs one input through the pipeline and checks its accounting. Never throws. */
export function runCase(c: FuzzCase, ctx: ImportContext): CaseOutcome {
  const t0 = performance.now();
  const out: CaseOutcome = { seed: c.seed, category: c.category, refused: false, ms: 0, rowGap: 0 };
  try {
    const read = readImportFile(c.bytes, c.name, c.delimiter ? { delimiter: c.delimiter } : {});
    if (!read.ok) {
      out.refused = true;
      // A file of known shape has a name column: refusing it loses every row.
      if (c.written !== undefined && c.written > 0) out.rowGap = c.written;
    } else {
      const result = importTable(read.table, read.mapping, ctx);
      const n = result.counts;
      if (n.valid + n.warning + n.rejected !== n.rows || result.outcomes.length !== n.rows) {
        out.lineMismatch = `outcomes ${n.valid}+${n.warning}+${n.rejected} vs ${n.rows} rows`;
      }
      if (read.table.kind === 'csv') {
        const rowLines = read.table.rows.reduce((sum, row) => sum + (row.endLine - row.line + 1), 0);
        const header = read.table.headerLine > 0 ? 1 : 0;
        const sum = header + rowLines + n.blankLines + n.preambleLines;
        if (sum !== read.table.totalLines) out.lineMismatch = `lines ${sum} vs ${read.table.totalLines}`;
      }
      if (c.written !== undefined) {
        out.rowGap = c.written - (n.valid + n.warning + n.rejected + n.blankLines + n.preambleLines);
      }
    }
  } catch (error) {
    out.uncaught = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  out.ms = performance.now() - t0;
  return out;
}

export interface FuzzSummary {
  inputs: number;
  refused: number;
  uncaught: number;
  hangs: number;
  /** Inputs whose written rows and accounted rows differ, and by how many rows in all. */
  rowMismatches: number;
  rowsOff: number;
  lineMismatches: number;
  slowestMs: number;
  failures: CaseOutcome[];
}

/** Runs seeds [from, from + count). An input taking longer than `hangMs` counts as a hang. */
export function runFuzz(from: number, count: number, ctx: ImportContext, hangMs = 5000): FuzzSummary {
  const s: FuzzSummary = { inputs: 0, refused: 0, uncaught: 0, hangs: 0, rowMismatches: 0, rowsOff: 0, lineMismatches: 0, slowestMs: 0, failures: [] };
  for (let seed = from; seed < from + count; seed++) {
    const o = runCase(makeCase(seed), ctx);
    s.inputs++;
    if (o.refused) s.refused++;
    s.slowestMs = Math.max(s.slowestMs, o.ms);
    const hang = o.ms > hangMs;
    if (o.uncaught) s.uncaught++;
    if (hang) s.hangs++;
    if (o.rowGap !== 0) {
      s.rowMismatches++;
      s.rowsOff += Math.abs(o.rowGap);
    }
    if (o.lineMismatch) s.lineMismatches++;
    if (o.uncaught || hang || o.rowGap !== 0 || o.lineMismatch) s.failures.push(o);
  }
  return s;
}
