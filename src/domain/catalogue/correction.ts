// A referent's correction (or a missing structure) as a catalogue row: form values in,
// the row, its CSV and every problem by field out, checked by the catalogue's own rules.
import Papa from 'papaparse';
import { CommuneIndex } from '../import/communes';
import { slugify, textKey } from '../import/text';
import type { Commune, Issue, RegionConfig, Structure } from '../types';
import { CATALOGUE_COLUMNS, SOURCE_SEPARATOR, type CatalogueColumn, type RawRow } from './columns';
import { catalogueIssue } from './messages';
import { parseCatalogueCsv } from './parse';
import { serializeCatalogueCsv, structureCells } from './serialize';
import { validateStructures, type CatalogueContext } from './validate';

/** The values of the form: every catalogue column as text, plus a free note for the maintainers. */
export type CorrectionValues = Record<CatalogueColumn, string> & { note: string };

/** Columns a referent edits in the form; the others (id, position, status, dates, zone) are carried over. */
export const CORRECTION_FIELDS = [
  'name',
  'type',
  'stages',
  'address',
  'postcode',
  'commune',
  'departement',
  'website',
  'email',
  'phone',
  'hours',
  'description',
  'source',
  'quote',
  'source_date',
] as const satisfies readonly CatalogueColumn[];
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

/**
 * Rows checked on or after this date need a verbatim quote (data/README.md, "quote");
 * a correction is dated today, so it needs one.
 */
export const QUOTE_REQUIRED_FROM = '2026-12-01';

/** Multi-valued text fields: one item per line in the form, " | " in the catalogue. */
const MULTI_LINE: ReadonlySet<CatalogueColumn> = new Set(['source', 'quote']);

export interface CorrectionContext {
  config: CatalogueContext['config'] & Partial<Pick<RegionConfig, 'aliases'>>;
  /** The region's current communes (public/data/<region>/communes.json). */
  communes: readonly Commune[];
  /** Ids already used by the catalogue: a new structure's id avoids them. */
  existingIds: Iterable<string>;
  /** The catalogue's row being corrected, when it is a correction. */
  original?: Structure | null;
  /** Today as YYYY-MM-DD: the row's `updated`. */
  today: string;
  inRegion?: CatalogueContext['inRegion'];
}

export interface CorrectionResult {
  /** The catalogue row (cells in column order) when it has no error, else null. */
  row: Record<CatalogueColumn, string> | null;
  structure: Structure | null;
  /** The row in the catalogue's CSV format (header + one line), '' when there are errors. */
  csv: string;
  /** Every problem, with `field` set to the catalogue column it concerns. */
  issues: Issue[];
  /** Whether the row can be sent: no error (warnings allowed). */
  ok: boolean;
}

/**
 * The form values of a catalogue structure: the cells of its row, sources and quotes one per line.
 * @example correctionFromStructure(s).commune === s.commune
 */
export function correctionFromStructure(s: Structure): CorrectionValues {
  const cells = structureCells(s);
  for (const col of MULTI_LINE) cells[col] = toLines(cells[col]);
  return { ...cells, note: '' };
}

/**
 * Empty form values for a structure the catalogue misses, optionally in a département and of a type.
 * @example blankCorrection({ departement: '11', type: 'maison_region' }).status === 'to_check'
 */
export function blankCorrection(prefill: { departement?: string; type?: string } = {}): CorrectionValues {
  const cells = Object.fromEntries(CATALOGUE_COLUMNS.map((c) => [c, ''])) as Record<CatalogueColumn, string>;
  cells.departement = prefill.departement ?? '';
  cells.type = prefill.type ?? '';
  cells.status = 'to_check';
  return { ...cells, note: '' };
}

/**
 * Checks form values with the catalogue's rules (parse + validate, as the build does) and
 * returns the row. A correction keeps its id; a new structure gets `name-commune` as id,
 * unique against the catalogue. `updated` becomes today. The commune may be typed as an
 * INSEE code or as a name of one of the region's communes.
 *
 * @example buildCorrection(correctionFromStructure(s), ctx).row?.id === s.id
 */
export function buildCorrection(values: CorrectionValues, ctx: CorrectionContext): CorrectionResult {
  const cells = {} as Record<CatalogueColumn, string>;
  for (const col of CATALOGUE_COLUMNS) {
    const v = (values[col] ?? '').trim();
    cells[col] = MULTI_LINE.has(col) ? fromLines(v) : v.replace(/\s*\r?\n\s*/g, ' ');
  }
  const extra: Issue[] = [];
  const formIssue = (field: CatalogueColumn, code: Parameters<typeof catalogueIssue>[1], params = {}) =>
    extra.push(catalogueIssue('error', code, params, { line: 2, field }));

  // Commune: a code is checked by the validator; a name is looked up among the region's communes.
  let commune: Commune | undefined;
  const index = communeIndex(ctx.communes);
  const inParens = /\((\d[\dAB]\d{3})\)\s*$/i.exec(cells.commune);
  if (inParens) cells.commune = inParens[1]!.toUpperCase();
  if (/^(?:\d{2}|2A|2B)\d{3}$/i.test(cells.commune)) {
    cells.commune = cells.commune.toUpperCase();
    commune = index.byCode.get(cells.commune);
  } else if (cells.commune !== '' && !/^\d{4}$/.test(cells.commune)) {
    const found = index.find({ code: '', name: cells.commune, postcode: cells.postcode, dept: cells.departement.toUpperCase() });
    if (found.kind === 'found') {
      commune = found.commune;
      cells.commune = found.commune.code;
    } else if (found.kind === 'ambiguous') {
      const matches = found.candidates.map((c) => `${c.code} (${c.dept})`).join(', ');
      formIssue('commune', 'catalogue.communeAmbiguousName', { value: cells.commune, matches });
    } else {
      formIssue('commune', 'catalogue.communeUnknownName', { value: cells.commune, regionFr: ctx.config.name.fr, region: ctx.config.name.en });
    }
  }
  // The catalogue names the département only for a row placed at no commune.
  if (commune && cells.departement.toUpperCase() === commune.dept) cells.departement = '';

  // Coordinates of the site belong to its commune: a new commune drops them (placed at the commune).
  const original = ctx.original ?? null;
  if (original && cells.commune !== original.commune && (cells.lon !== '' || cells.lat !== '')) {
    cells.lon = '';
    cells.lat = '';
    cells.precision = '';
  }
  if (cells.commune === '' && cells.precision === 'commune') cells.precision = '';

  // Id: kept for a correction, built from name and commune for a new structure.
  const generated = cells.id === '';
  if (generated) cells.id = newId(cells.name, commune?.name ?? '', ctx);

  cells.updated = ctx.today;
  if (cells.status === '') cells.status = 'to_check';

  // The catalogue's own reading: the row goes through the CSV parser and the validator.
  const text = Papa.unparse({ fields: [...CATALOGUE_COLUMNS], data: [CATALOGUE_COLUMNS.map((c) => cells[c])] }, { newline: '\n' });
  const parsed = parseCatalogueCsv(`${text}\n`);
  const communes = new Map(ctx.communes.map((c) => [c.code, c]));
  const validated = validateStructures(parsed.rows, { config: ctx.config, communes, inRegion: ctx.inRegion });
  const issues = [...parsed.issues, ...validated.issues, ...extra, ...quoteIssues(parsed.rows)]
    // A commune already reported as an unknown or ambiguous name is not reported again as "not a code".
    .filter((i) => !(i.field === 'commune' && !extra.includes(i) && extra.some((e) => e.field === 'commune')))
    // A generated id only fails because the name is missing, which is reported on the name.
    .filter((i) => !(generated && i.field === 'id' && cells.name === ''));
  const ok = !issues.some((i) => i.severity === 'error');
  const structure = ok ? (validated.structures[0] ?? null) : null;
  if (!structure) return { row: null, structure: null, csv: '', issues, ok: false };
  const csv = serializeCatalogueCsv([structure]);
  return { row: canonicalCells(structure), structure, csv, issues, ok };
}

/**
 * The catalogue's rule that the validator leaves to the data tests: a row checked on or after
 * QUOTE_REQUIRED_FROM quotes its source.
 * @example quoteIssues(parseCatalogueCsv(text).rows)
 */
export function quoteIssues(rows: readonly RawRow[]): Issue[] {
  return rows
    .filter((r) => r.values.quote === '' && r.values.updated >= QUOTE_REQUIRED_FROM)
    .map((r) => catalogueIssue('error', 'catalogue.missingQuote', {}, { line: r.line, field: 'quote' }));
}

/** The cells serializeCatalogueCsv writes for a structure. */
export function canonicalCells(s: Structure): Record<CatalogueColumn, string> {
  const cells = structureCells(s);
  if (s.precision === 'none' && s.commune === '') cells.precision = '';
  return cells;
}

const indexes = new WeakMap<readonly Commune[], CommuneIndex>();
/** One index per communes list: a form is checked at each submit. */
function communeIndex(communes: readonly Commune[]): CommuneIndex {
  let index = indexes.get(communes);
  if (!index) indexes.set(communes, (index = new CommuneIndex(communes)));
  return index;
}

/** A slug id from name and commune, unique against the catalogue's ids and aliases (`-2`, `-3`…). */
function newId(name: string, communeName: string, ctx: CorrectionContext): string {
  const withCommune = communeName !== '' && !textKey(name).includes(textKey(communeName)) ? `${name} ${communeName}` : name;
  const base = slugify(withCommune);
  if (base === '') return '';
  const taken = new Set(ctx.existingIds);
  for (const a of ctx.config.aliases ?? []) taken.add(a.from);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function toLines(cell: string): string {
  return cell === '' ? '' : cell.split(SOURCE_SEPARATOR).join('\n');
}

function fromLines(text: string): string {
  return text
    .split(/\r?\n|\s+\|\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(SOURCE_SEPARATOR);
}

/**
 * A `mailto:` link with subject and body, URL-encoded. A body that would make the link longer
 * than `maxLength` (mail clients cut long links) is cut at a line end, followed by `truncatedNote`.
 *
 * @example correctionMailto('a@b.fr', 'Correction', 'id,name…', 'Tronqué') // "mailto:a@b.fr?subject=Correction&body=id%2Cname…"
 */
export function correctionMailto(to: string, subject: string, body: string, truncatedNote: string, maxLength = 1800): { href: string; truncated: boolean } {
  const head = `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=`;
  const full = head + encodeURIComponent(body);
  if (full.length <= maxLength) return { href: full, truncated: false };
  const note = `\n…\n${truncatedNote}`;
  const room = maxLength - head.length - encodeURIComponent(note).length;
  // Longest prefix (by whole code points) whose encoding fits, then back to the last line end.
  const chars = Array.from(body);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encodeURIComponent(chars.slice(0, mid).join('')).length <= room) lo = mid;
    else hi = mid - 1;
  }
  let cut = chars.slice(0, lo).join('');
  const lineEnd = cut.lastIndexOf('\n');
  if (lineEnd > cut.length / 2) cut = cut.slice(0, lineEnd);
  return { href: head + encodeURIComponent(cut + note), truncated: true };
}
