// Table rows → structures: repairs, positions and communes here, then the catalogue's own
// validation (src/domain/catalogue/validate.ts) as the last gate, so an imported row obeys
// exactly the rules of data/structures.csv.
import { structureValidator, type CatalogueContext, type ValidationPolicy } from '../catalogue/validate';
import type { CatalogueColumn, RawRow } from '../catalogue/columns';
import { restoreCell } from '../export/formula';
import type { Commune, Structure } from '../types';
import { repairInsee, repairPostcode } from './codes';
import { CommuneIndex } from './communes';
import { readPosition } from './coords';
import { issue, type IssueCode } from './issues';
import { mappedFields } from './mapping';
import { slugify, textKey } from './text';
import {
  DEFAULT_OPTIONS,
  type ImportContext,
  type ImportCounts,
  type ImportIssue,
  type ImportOptions,
  type ImportResult,
  type Mapping,
  type RowOutcome,
  type Table,
  type TableRow,
  type TargetField,
} from './types';
import { readDate, readPrecision, readStatus, repairEmail, repairPhone, repairWebsite, splitLoose, stageIndex, typeIndex } from './values';

const BATCH = 2000;
// eslint-disable-next-line no-control-regex -- control characters (except tab, LF, CR) are what this finds
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;
/** A point this close (degrees) to its commune's centre is the commune's position written out by an export. */
const SAME_POINT = 1e-6;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIVE_DIGITS = /^\d{5}$/;
const FORMULA = /^="(.*)"$/;

/**
 * Called every BATCH rows and at the end: the share of rows checked, and the structures
 * accepted so far with their lines (the lists being filled: read them, do not keep them), so
 * that a worker can send them on while it checks the rest.
 */
export type ImportProgress = (fraction: number, accepted: Pick<ImportResult, 'structures' | 'structureLines'>) => void;

/**
 * Imports the rows of a table. Every row ends up in `outcomes` as valid, warning (kept) or
 * rejected (with at least one error issue on its line); nothing is dropped silently.
 *
 * @example importTable(table, guessMapping(table.header, table.rows), ctx).counts.valid
 */
export function importTable(
  table: Table,
  mapping: Mapping,
  ctx: ImportContext,
  options: ImportOptions = DEFAULT_OPTIONS,
  onProgress?: ImportProgress,
): ImportResult {
  const index = new CommuneIndex(ctx.communes, ctx.departementNames);
  const inRegion = ctx.inRegion ?? bboxTest(ctx.config.bounds);
  const types = typeIndex(ctx.config);
  const stages = stageIndex(ctx.config);
  const depts = new Set(ctx.config.departements);
  const fields = mappedFields(mapping);
  const hasStages = mapping.stages !== undefined;
  const hasSource = mapping.source !== undefined;
  const csv = table.kind === 'csv';
  const regionKey = textKey(ctx.config.name.fr);
  const typeLabels = ctx.config.offerTypes.map((t) => t.label.fr).join(', ');
  const stageLabels = ctx.config.stages.map((st) => st.label.fr).join(', ');
  // Types, stages, codes, precisions, statuses and dates take a few thousand values at most
  // in a file of any length: each is read once per value, not once per row.
  const cachedKey = remembered(textKey);
  const postcodeOf = remembered(repairPostcode);
  const inseeOf = remembered(repairInsee);
  const deptOf = remembered((text: string) => index.deptCode(text));
  const precisionOf = remembered(readPrecision);
  const statusOf = remembered(readStatus);
  const dateOf = remembered(readDate);

  const validationCtx: CatalogueContext = { config: ctx.config, communes: index.byCode, inRegion };
  // Sources and dates an import lacks are warned about here (fileNotes, noSource); without a
  // stages column, one file-level note says it instead of a warning per row.
  const policy: ValidationPolicy = { requireSourceAndDate: false, warnNoStage: hasStages };

  const counts: ImportCounts = {
    rows: table.rows.length,
    valid: 0,
    warning: 0,
    rejected: 0,
    blankLines: table.blankLines,
    preambleLines: table.preambleLines,
    lambert93: 0,
    swapped: 0,
    repairedCodes: 0,
    communeFromName: 0,
    communeFromPoint: 0,
    placedAtCommune: 0,
    unlocated: 0,
    rowLines: 0,
  };
  const issues: ImportIssue[] = [...table.issues, ...fileNotes(table, mapping, options)];
  const outcomes: RowOutcome[] = [];
  const structures: Structure[] = [];
  const structureLines: number[] = [];
  const firstLineOfId = new Map<string, number>();
  const usedIds = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const headerWidth = table.header.length;
  const lastMapped = Math.max(-1, ...Object.values(mapping).filter((c): c is number => c !== undefined));
  const explicitIds = presetIds(table, mapping);
  const sink = new RowIssues();
  const accepted = { structures, structureLines };

  const finish = (row: TableRow, rowIssues: readonly ImportIssue[], structure: Structure | null) => {
    if (rowIssues.length > 0) issues.push(...rowIssues);
    counts.rowLines += row.endLine - row.line + 1;
    if (!structure) {
      counts.rejected++;
      outcomes.push({ line: row.line, endLine: row.endLine, status: 'rejected' });
      return;
    }
    let status: 'warning' | 'valid' = 'valid';
    for (const i of rowIssues) if (i.severity === 'warning') status = 'warning';
    counts[status]++;
    if (structure.precision === 'commune') counts.placedAtCommune++;
    else if (structure.precision === 'none') counts.unlocated++;
    outcomes.push({ line: row.line, endLine: row.endLine, status, id: structure.id });
    structures.push(structure);
    structureLines.push(row.line);
  };

  // Each row goes through the catalogue's validation as soon as it is built. A fresh validator
  // every BATCH rows, as when rows went to it in batches: it finds duplicate ids among the rows
  // it was given, and ids are unique by now but for a nameless row's placeholder (line-N).
  let validate = structureValidator(validationCtx, policy);
  let validated = 0;
  const own: ImportIssue[] = [];
  const validateRow = (row: TableRow, raw: RawRow, rowIssues: ImportIssue[]) => {
    if (validated++ === BATCH) {
      validate = structureValidator(validationCtx, policy);
      validated = 1;
    }
    own.length = 0;
    const structure = validate(raw, own);
    if (own.length === 0) finish(row, rowIssues, structure);
    else finish(row, [...rowIssues, ...own], structure);
  };

  const repaired = (field: TargetField, from: string, to: string) => {
    counts.repairedCodes++;
    sink.warning('repairedCode', { field, from, to }, field);
  };

  let done = 0;
  for (const row of table.rows) {
    if (++done % BATCH === 0) onProgress?.(done / table.rows.length, accepted);
    const line = row.line;
    sink.start(line, row.notes);

    if (row.broken) {
      finish(row, [row.broken, ...sink.list], null);
      continue;
    }
    if (csv) {
      if (row.fields.length > headerWidth && row.fields.slice(headerWidth).some((f) => f.trim() !== '')) {
        sink.error('extraFields', { n: row.fields.length, m: headerWidth });
        finish(row, sink.list, null);
        continue;
      }
      if (row.fields.length <= lastMapped) sink.warning('shortRow', { n: row.fields.length, m: headerWidth });
    }
    // A text without any of these characters needs no look at each row.
    if (!table.plainText) {
      if (row.fields.some((f) => f.includes('\uFFFD'))) sink.warning('replacedBytes');
      if (row.fields.some((f) => CONTROL.test(f))) sink.warning('controlChars');
    }

    const c = readCells(row, mapping, csv, sink);

    // Codes.
    const postcodeCell = postcodeOf(c.postcode);
    if (postcodeCell.repaired) repaired('postcode', c.postcode, postcodeCell.value);
    const postcode = postcodeCell.value;
    const codeCell = inseeOf(c.commune);
    if (codeCell.repaired) repaired('commune', c.commune, codeCell.value);
    const dept = deptOf(c.dept);
    const communeName = c.communeName;

    // Position: x/y when given, else lon/lat.
    const useXY = c.x !== '' || c.y !== '';
    const reading = useXY ? readPosition(c.x, c.y, options.crs, inRegion) : readPosition(c.lon, c.lat, options.crs, inRegion);
    let hasPoint = false;
    let lon = 0;
    let lat = 0;
    if (reading.kind === 'error') {
      const field = useXY ? (reading.field === 'lon' ? 'x' : 'y') : reading.field;
      sink.error(reading.code, { field, value: reading.value }, field);
    } else if (reading.kind === 'point') {
      hasPoint = true;
      lon = reading.lon;
      lat = reading.lat;
      if (reading.from === 'lambert93') counts.lambert93++;
      if (reading.swapped) {
        counts.swapped++;
        sink.warning('swapped', {}, useXY ? 'x' : 'lon');
      }
    }

    const declared = precisionOf(c.precision);
    if (declared === null) sink.warning('unknownPrecision', { value: c.precision }, 'precision');

    // Commune.
    let commune: Commune | null = null;
    const match = index.find({ code: codeCell.value, name: communeName, postcode, dept });
    if (match.kind === 'found') {
      commune = match.commune;
      if (match.by !== 'code') counts.communeFromName++;
      if (match.by === 'postcode') sink.warning('communeFromPostcode', { commune: commune.name, postcode }, 'postcode');
      // Another département's postcode points to a wrong commune; a CEDEX variant does not.
      if (FIVE_DIGITS.test(postcode) && postcode.slice(0, 2) !== commune.dept.slice(0, 2) && !commune.postcodes.includes(postcode)) {
        sink.warning('postcodeMismatch', { postcode, commune: commune.name, postcodes: commune.postcodes.join(', ') }, 'postcode');
      }
    } else if (match.kind === 'unknownName' || match.kind === 'ambiguous') {
      const params: Record<string, string> =
        match.kind === 'ambiguous' ? { name: match.name, candidates: match.candidates.map((m) => `${m.code} ${m.dept}`).join(', ') } : { name: match.name };
      // With a point, the point gives the commune; without, the row cannot be placed.
      if (hasPoint) sink.warning(match.kind === 'ambiguous' ? 'ambiguousCommune' : 'unknownCommuneName', params, 'communeName');
      else sink.error(match.kind === 'ambiguous' ? 'ambiguousCommune' : 'unknownCommuneName', params, 'communeName');
    }
    let communeCode = commune ? commune.code : match.kind === 'unknownCode' ? match.code : '';

    if (hasPoint && commune && declared === 'commune' && near(lon, lat, commune)) hasPoint = false;
    if (hasPoint && ctx.communeAt) {
      const at = ctx.communeAt(lon, lat);
      if (communeCode === '' || match.kind === 'unknownName' || match.kind === 'ambiguous') {
        if (at) {
          communeCode = at;
          counts.communeFromPoint++;
        } else if (inRegion(lon, lat)) sink.warning('pointInNoCommune', {}, 'lon');
      } else if (commune && at && at !== commune.code) {
        const found = index.byCode.get(at);
        sink.warning('pointInOtherCommune', { found: found?.name ?? at, foundCode: at, given: commune.name, givenCode: commune.code }, 'commune');
      }
    }
    // Type and lists.
    let type = c.type;
    if (type === '' && options.defaultType) type = options.defaultType;
    const typeId = types.get(cachedKey(type));
    if (type === '') sink.error('missingType', {}, 'type');
    else if (!typeId) sink.error('unknownType', { value: type, expected: typeLabels }, 'type');

    const rowStages: string[] = [];
    if (c.stages !== '') {
      for (const s of splitLoose(c.stages)) {
        const id = stages.get(cachedKey(s));
        if (id) {
          if (!rowStages.includes(id)) rowStages.push(id);
        } else sink.warning('unknownStage', { value: s, expected: stageLabels }, 'stages');
      }
    }
    const zone: string[] = [];
    if (c.zone !== '') {
      for (const z of splitLoose(c.zone)) {
        const key = textKey(z);
        const code = key === 'region' || key === 'toute la region' || key === 'regional' || key === regionKey ? 'region' : index.deptCode(z);
        if (code !== '' && (code === 'region' || depts.has(code))) {
          if (!zone.includes(code)) zone.push(code);
        } else sink.warning('unknownZone', { value: z }, 'zone');
      }
    }

    if (!hasPoint && communeCode === '' && match.kind === 'none' && reading.kind !== 'error') {
      // A network declaring its service zone is not expected to have a site on the map.
      if (declared !== 'none' && zone.length === 0) sink.warning('unlocated');
    }

    // Contacts.
    const website = repairWebsite(c.website);
    if (website.repaired) sink.warning('repairedWebsite', { from: c.website, to: website.value }, 'website');
    const email = repairEmail(c.email);
    if (email.repaired) sink.warning('repairedEmail', { from: c.email, to: email.value }, 'email');
    const phone = repairPhone(c.phone);
    if (phone.repaired) sink.warning('repairedPhone', { from: c.phone, to: phone.value }, 'phone');

    // Freshness.
    const source = c.source;
    if (source === '' && hasSource) sink.warning('noSource', {}, 'source');
    let updated = '';
    const date = dateOf(c.updated);
    if (date.kind === 'ok') {
      updated = date.iso;
      if (date.from === 'excel') sink.warning('excelDate', { value: c.updated, to: date.iso }, 'updated');
    } else if (date.kind === 'bad') sink.warning('badDate', { value: c.updated }, 'updated');
    else if (options.defaultUpdated) updated = options.defaultUpdated;
    let status = statusOf(c.status);
    if (status === null) {
      if (c.status !== '') sink.warning('unknownStatus', { value: c.status }, 'status');
      status = 'to_check';
    }

    // Id: given (made a slug if needed), else from name and commune.
    const name = c.name;
    let id = c.id;
    if (id !== '') {
      if (!SLUG.test(id)) {
        const slug = slugify(id);
        sink.warning('repairedId', { from: id, to: slug || '?' }, 'id');
        id = slug;
      }
      const first = firstLineOfId.get(id);
      if (first !== undefined) sink.error('duplicateId', { value: id, first }, 'id');
      else if (id !== '') firstLineOfId.set(id, line);
    }
    // Without a name the row is rejected for that reason alone, not for a missing id too.
    if (id === '' && name === '') {
      id = `line-${line}`;
      usedIds.add(id);
    } else if (id === '') {
      const place = commune?.name ?? (communeCode ? (index.byCode.get(communeCode)?.name ?? '') : '');
      id = claimId(slugify(place ? `${name} ${place}` : name) || 'structure', usedIds, explicitIds, nextSuffix);
    } else usedIds.add(id);

    if (sink.errors > 0) {
      finish(row, sink.list, null);
      continue;
    }

    // Without a point the validator places the row at its commune (or nowhere): the declared precision only matters for "none".
    const precision = hasPoint ? 'address' : declared === 'none' ? 'none' : '';
    const values: Record<CatalogueColumn, string> = {
      id,
      name,
      type: typeId ?? type,
      stages: rowStages.join('|'),
      address: c.address,
      postcode,
      commune: communeCode,
      departement: '',
      // A point goes to the validation as numbers (RawRow.point), not written out and read back.
      lon: '',
      lat: '',
      precision,
      website: website.value,
      email: email.value,
      phone: phone.value,
      hours: '',
      description: c.description,
      source,
      quote: '',
      source_date: '',
      updated,
      status,
      zone: zone.join('|'),
    };
    validateRow(row, hasPoint ? { line, values, point: { lon, lat } } : { line, values }, sink.list);
  }
  onProgress?.(1, accepted);

  outcomes.sort((a, b) => a.line - b.line);
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { structures, structureLines, outcomes, issues, counts, mappedFields: fields };
}

/** `read` remembering its answers, up to 10,000 texts (a column of free text does not grow it further). */
function remembered<T>(read: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = read(text);
      if (answers.size < 10_000) answers.set(text, answer);
    }
    return answer;
  };
}

const NO_ISSUES: readonly ImportIssue[] = Object.freeze([]);

/** The issues of the row being read; the list is made on its first issue (most rows have none). */
class RowIssues {
  private line = 0;
  list: ImportIssue[] = NO_ISSUES as ImportIssue[];
  errors = 0;

  start(line: number, notes: readonly ImportIssue[] | undefined): void {
    this.line = line;
    this.list = notes && notes.length > 0 ? [...notes] : (NO_ISSUES as ImportIssue[]);
    this.errors = notes ? notes.filter((i) => i.severity === 'error').length : 0;
  }

  error(code: IssueCode, params: Record<string, string | number> = {}, field?: string): void {
    this.add(issue('error', code, params, { line: this.line, field }));
    this.errors++;
  }

  warning(code: IssueCode, params: Record<string, string | number> = {}, field?: string): void {
    this.add(issue('warning', code, params, { line: this.line, field }));
  }

  private add(i: ImportIssue): void {
    if (this.list === NO_ISSUES) this.list = [i];
    else this.list.push(i);
  }
}

type Cells = Record<TargetField, string>;

/** A row's cells by field, read in the order of TARGET_FIELDS (so are their notes). */
function readCells(row: TableRow, m: Mapping, csv: boolean, sink: RowIssues): Cells {
  return {
    id: readCell(row, m.id, 'id', csv, sink),
    name: readCell(row, m.name, 'name', csv, sink),
    type: readCell(row, m.type, 'type', csv, sink),
    stages: readCell(row, m.stages, 'stages', csv, sink),
    address: readCell(row, m.address, 'address', csv, sink),
    postcode: readCell(row, m.postcode, 'postcode', csv, sink),
    commune: readCell(row, m.commune, 'commune', csv, sink),
    communeName: readCell(row, m.communeName, 'communeName', csv, sink),
    dept: readCell(row, m.dept, 'dept', csv, sink),
    lon: readCell(row, m.lon, 'lon', csv, sink),
    lat: readCell(row, m.lat, 'lat', csv, sink),
    x: readCell(row, m.x, 'x', csv, sink),
    y: readCell(row, m.y, 'y', csv, sink),
    precision: readCell(row, m.precision, 'precision', csv, sink),
    website: readCell(row, m.website, 'website', csv, sink),
    email: readCell(row, m.email, 'email', csv, sink),
    phone: readCell(row, m.phone, 'phone', csv, sink),
    description: readCell(row, m.description, 'description', csv, sink),
    source: readCell(row, m.source, 'source', csv, sink),
    updated: readCell(row, m.updated, 'updated', csv, sink),
    status: readCell(row, m.status, 'status', csv, sink),
    zone: readCell(row, m.zone, 'zone', csv, sink),
  };
}

/** Notes about the file as a whole: missing columns, unused columns. */
function fileNotes(table: Table, mapping: Mapping, options: ImportOptions): ImportIssue[] {
  const notes: ImportIssue[] = [];
  const has = (f: TargetField) => mapping[f] !== undefined;
  if (!has('name')) notes.push(issue('error', 'noNameColumn'));
  if (!has('type') && !options.defaultType) notes.push(issue('error', 'noTypeColumn'));
  if (!['commune', 'communeName', 'postcode', 'lon', 'lat', 'x', 'y'].some((f) => has(f as TargetField))) {
    notes.push(issue('warning', 'noPositionColumn'));
  }
  if (!has('stages')) notes.push(issue('warning', 'noStagesColumn'));
  if (!has('source')) notes.push(issue('warning', 'noSourceColumn'));
  if (!has('updated') && !options.defaultUpdated) notes.push(issue('warning', 'noUpdatedColumn'));
  const used = new Set(Object.values(mapping));
  const unused = table.header.filter((h, i) => h.trim() !== '' && !used.has(i));
  if (unused.length > 0) notes.push(issue('warning', 'unusedColumns', { columns: unused.join(', ') }));
  return notes;
}

/** A cell as text: trimmed, with CSV export neutralisation undone, ="09122" formulas unwrapped. */
function readCell(row: TableRow, column: number | undefined, field: TargetField, csv: boolean, sink: RowIssues): string {
  if (column === undefined) return '';
  const raw = (row.fields[column] ?? '').trim();
  // Only CSV exports neutralise formulas (GeoJSON values are read as they are), and only a cell with a quote (') changes.
  const value = csv && raw.includes("'") ? restoreCell(raw) : raw;
  // ="09122": the trick spreadsheets use to keep leading zeros.
  const formula = value === raw && value.charCodeAt(0) === 61 /* = */ ? FORMULA.exec(value) : null;
  if (formula) {
    sink.warning('excelFormula', { to: formula[1]! }, field);
    return formula[1]!;
  }
  return value;
}

/** Ids given in the file (made slugs), so that generated ids never take one of them. */
function presetIds(table: Table, mapping: Mapping): Set<string> {
  const ids = new Set<string>();
  const c = mapping.id;
  if (c === undefined) return ids;
  for (const row of table.rows) {
    const raw = (row.fields[c] ?? '').trim();
    const v = table.kind === 'csv' && raw.includes("'") ? restoreCell(raw) : raw;
    if (v !== '') ids.add(SLUG.test(v) ? v : slugify(v));
  }
  return ids;
}

/**
 * `base`, or `base-2`, `base-3`…, whichever is free first, now taken (added to `used`);
 * `next` remembers where each base got to, so many namesakes stay linear.
 */
function claimId(base: string, used: Set<string>, explicit: ReadonlySet<string>, next: Map<string, number>): string {
  if (!explicit.has(base)) {
    // One lookup in the (large) set of ids for a free base, the usual case: it grows when added.
    const size = used.size;
    used.add(base);
    if (used.size > size) return base;
  }
  for (let n = next.get(base) ?? 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate) && !explicit.has(candidate)) {
      next.set(base, n + 1);
      used.add(candidate);
      return candidate;
    }
  }
}

function near(lon: number, lat: number, c: Commune): boolean {
  return Math.abs(lon - c.lon) < SAME_POINT && Math.abs(lat - c.lat) < SAME_POINT;
}

function bboxTest(bounds: [[number, number], [number, number]]): (lon: number, lat: number) => boolean {
  const [[west, south], [east, north]] = bounds;
  return (lon, lat) => lon >= west && lon <= east && lat >= south && lat <= north;
}
