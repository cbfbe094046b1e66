// Table rows → structures: repairs, positions and communes here, then the catalogue's own
// validation (src/domain/catalogue/validate.ts) as the last gate, so an imported row obeys
// exactly the rules of data/structures.csv.
import { validateStructures, type CatalogueContext, type ValidationPolicy } from '../catalogue/validate';
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
  TARGET_FIELDS,
} from './types';
import { readDate, readPrecision, readStatus, repairEmail, repairPhone, repairWebsite, splitLoose, stageIndex, typeIndex } from './values';

const BATCH = 2000;
// eslint-disable-next-line no-control-regex -- control characters (except tab, LF, CR) are what this finds
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;
/** A point this close (degrees) to its commune's centre is the commune's position written out by an export. */
const SAME_POINT = 1e-6;

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
  onProgress?: (fraction: number) => void,
): ImportResult {
  const index = new CommuneIndex(ctx.communes, ctx.departementNames);
  const inRegion = ctx.inRegion ?? bboxTest(ctx.config.bounds);
  const types = typeIndex(ctx.config);
  const stages = stageIndex(ctx.config);
  const depts = new Set(ctx.config.departements);
  const fields = mappedFields(mapping);
  const has = (f: TargetField) => mapping[f] !== undefined;
  const hasStages = has('stages');
  // Types, stages and statuses take a handful of values: their keys are computed once.
  const keys = new Map<string, string>();
  const cachedKey = (text: string) => {
    let key = keys.get(text);
    if (key === undefined) {
      key = textKey(text);
      if (keys.size < 10_000) keys.set(text, key);
    }
    return key;
  };
  // The validator asks again about points this loop already placed (it runs per batch, after
  // them): their answers are kept, by point, until the batch is validated.
  const known = new Map<string, boolean>();
  const inRegionKnown = (lon: number, lat: number) => {
    const key = `${lon} ${lat}`;
    let inside = known.get(key);
    if (inside === undefined) {
      inside = inRegion(lon, lat);
      known.set(key, inside);
    }
    return inside;
  };
  const validationCtx: CatalogueContext = { config: ctx.config, communes: index.byCode, inRegion: inRegionKnown };
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

  let batch: Array<{ row: TableRow; raw: RawRow; rowIssues: ImportIssue[] }> = [];

  const finish = (row: TableRow, rowIssues: ImportIssue[], structure: Structure | null) => {
    issues.push(...rowIssues);
    if (!structure) {
      counts.rejected++;
      outcomes.push({ line: row.line, endLine: row.endLine, status: 'rejected' });
      return;
    }
    const status = rowIssues.some((i) => i.severity === 'warning') ? 'warning' : 'valid';
    counts[status]++;
    if (structure.precision === 'commune') counts.placedAtCommune++;
    else if (structure.precision === 'none') counts.unlocated++;
    outcomes.push({ line: row.line, endLine: row.endLine, status, id: structure.id });
    structures.push(structure);
    structureLines.push(row.line);
  };

  const flush = () => {
    if (batch.length === 0) return;
    const validated = validateStructures(
      batch.map((b) => b.raw),
      validationCtx,
      policy,
    );
    const byLine = new Map<number, ImportIssue[]>();
    for (const i of validated.issues) {
      const list = byLine.get(i.line ?? 0);
      if (list) list.push(i);
      else byLine.set(i.line ?? 0, [i]);
    }
    let next = 0;
    for (const b of batch) {
      const own = byLine.get(b.row.line) ?? [];
      const rowIssues = [...b.rowIssues, ...own];
      if (own.some((i) => i.severity === 'error')) {
        finish(b.row, rowIssues, null);
        continue;
      }
      finish(b.row, rowIssues, validated.structures[next++]!);
    }
    batch = [];
    known.clear();
  };

  let done = 0;
  for (const row of table.rows) {
    if (++done % BATCH === 0) onProgress?.(done / table.rows.length);
    const line = row.line;
    const rowIssues: ImportIssue[] = [...(row.notes ?? [])];
    const err = (code: IssueCode, params: Record<string, string | number> = {}, field?: string) =>
      rowIssues.push(issue('error', code, params, { line, field }));
    const warn = (code: IssueCode, params: Record<string, string | number> = {}, field?: string) =>
      rowIssues.push(issue('warning', code, params, { line, field }));

    if (row.broken) {
      finish(row, [row.broken, ...rowIssues], null);
      continue;
    }
    if (table.kind === 'csv') {
      if (row.fields.length > headerWidth && row.fields.slice(headerWidth).some((f) => f.trim() !== '')) {
        err('extraFields', { n: row.fields.length, m: headerWidth });
        finish(row, rowIssues, null);
        continue;
      }
      if (row.fields.length <= lastMapped) warn('shortRow', { n: row.fields.length, m: headerWidth });
    }
    if (row.fields.some((f) => f.includes('\uFFFD'))) warn('replacedBytes');
    if (row.fields.some((f) => CONTROL.test(f))) warn('controlChars');

    const cells = {} as Record<TargetField, string>;
    for (const f of TARGET_FIELDS) cells[f] = readCell(row, mapping[f], f, table.kind === 'csv', warn);
    const get = (f: TargetField): string => cells[f];
    const repaired = (field: TargetField, from: string, to: string) => {
      counts.repairedCodes++;
      warn('repairedCode', { field, from, to }, field);
    };

    // Codes.
    const postcodeCell = repairPostcode(get('postcode'));
    if (postcodeCell.repaired) repaired('postcode', get('postcode'), postcodeCell.value);
    const postcode = postcodeCell.value;
    const codeCell = repairInsee(get('commune'));
    if (codeCell.repaired) repaired('commune', get('commune'), codeCell.value);
    const dept = index.deptCode(get('dept'));
    const communeName = get('communeName');

    // Position: x/y when given, else lon/lat.
    const useXY = get('x') !== '' || get('y') !== '';
    const reading = useXY ? readPosition(get('x'), get('y'), options.crs, inRegionKnown) : readPosition(get('lon'), get('lat'), options.crs, inRegionKnown);
    let point: [number, number] | null = null;
    if (reading.kind === 'error') {
      const field = useXY ? (reading.field === 'lon' ? 'x' : 'y') : reading.field;
      err(reading.code, { field, value: reading.value }, field);
    } else if (reading.kind === 'point') {
      point = [reading.lon, reading.lat];
      if (reading.from === 'lambert93') counts.lambert93++;
      if (reading.swapped) {
        counts.swapped++;
        warn('swapped', {}, useXY ? 'x' : 'lon');
      }
    }

    const declared = readPrecision(get('precision'));
    if (declared === null) warn('unknownPrecision', { value: get('precision') }, 'precision');

    // Commune.
    let commune: Commune | null = null;
    const match = index.find({ code: codeCell.value, name: communeName, postcode, dept });
    if (match.kind === 'found') {
      commune = match.commune;
      if (match.by !== 'code') counts.communeFromName++;
      if (match.by === 'postcode') warn('communeFromPostcode', { commune: commune.name, postcode }, 'postcode');
      // Another département's postcode points to a wrong commune; a CEDEX variant does not.
      if (/^\d{5}$/.test(postcode) && postcode.slice(0, 2) !== commune.dept.slice(0, 2) && !commune.postcodes.includes(postcode)) {
        warn('postcodeMismatch', { postcode, commune: commune.name, postcodes: commune.postcodes.join(', ') }, 'postcode');
      }
    } else if (match.kind === 'unknownName' || match.kind === 'ambiguous') {
      const params: Record<string, string> =
        match.kind === 'ambiguous' ? { name: match.name, candidates: match.candidates.map((c) => `${c.code} ${c.dept}`).join(', ') } : { name: match.name };
      // With a point, the point gives the commune; without, the row cannot be placed.
      if (point) warn(match.kind === 'ambiguous' ? 'ambiguousCommune' : 'unknownCommuneName', params, 'communeName');
      else err(match.kind === 'ambiguous' ? 'ambiguousCommune' : 'unknownCommuneName', params, 'communeName');
    }
    let communeCode = commune ? commune.code : match.kind === 'unknownCode' ? match.code : '';

    if (point && commune && declared === 'commune' && near(point, commune)) point = null;
    if (point && ctx.communeAt) {
      const at = ctx.communeAt(point[0], point[1]);
      if (communeCode === '' || match.kind === 'unknownName' || match.kind === 'ambiguous') {
        if (at) {
          communeCode = at;
          counts.communeFromPoint++;
        } else if (inRegion(point[0], point[1])) warn('pointInNoCommune', {}, 'lon');
      } else if (commune && at && at !== commune.code) {
        const found = index.byCode.get(at);
        warn('pointInOtherCommune', { found: found?.name ?? at, foundCode: at, given: commune.name, givenCode: commune.code }, 'commune');
      }
    }
    // Type and lists.
    let type = get('type');
    if (type === '' && options.defaultType) type = options.defaultType;
    const typeId = types.get(cachedKey(type));
    if (type === '') err('missingType', {}, 'type');
    else if (!typeId) err('unknownType', { value: type, expected: ctx.config.offerTypes.map((t) => t.label.fr).join(', ') }, 'type');

    const rowStages: string[] = [];
    for (const s of splitLoose(get('stages'))) {
      const id = stages.get(cachedKey(s));
      if (id) {
        if (!rowStages.includes(id)) rowStages.push(id);
      } else warn('unknownStage', { value: s, expected: ctx.config.stages.map((st) => st.label.fr).join(', ') }, 'stages');
    }
    const zone: string[] = [];
    for (const z of splitLoose(get('zone'))) {
      const key = textKey(z);
      const code = key === 'region' || key === 'toute la region' || key === 'regional' || key === textKey(ctx.config.name.fr) ? 'region' : index.deptCode(z);
      if (code !== '' && (code === 'region' || depts.has(code))) {
        if (!zone.includes(code)) zone.push(code);
      } else warn('unknownZone', { value: z }, 'zone');
    }

    if (!point && communeCode === '' && match.kind === 'none' && reading.kind !== 'error') {
      // A network declaring its service zone is not expected to have a site on the map.
      if (declared !== 'none' && zone.length === 0) warn('unlocated');
    }

    // Contacts.
    const website = repairWebsite(get('website'));
    if (website.repaired) warn('repairedWebsite', { from: get('website'), to: website.value }, 'website');
    const email = repairEmail(get('email'));
    if (email.repaired) warn('repairedEmail', { from: get('email'), to: email.value }, 'email');
    const phone = repairPhone(get('phone'));
    if (phone.repaired) warn('repairedPhone', { from: get('phone'), to: phone.value }, 'phone');

    // Freshness.
    const source = get('source');
    if (source === '' && has('source')) warn('noSource', {}, 'source');
    let updated = '';
    const date = readDate(get('updated'));
    if (date.kind === 'ok') {
      updated = date.iso;
      if (date.from === 'excel') warn('excelDate', { value: get('updated'), to: date.iso }, 'updated');
    } else if (date.kind === 'bad') warn('badDate', { value: get('updated') }, 'updated');
    else if (options.defaultUpdated) updated = options.defaultUpdated;
    let status = readStatus(get('status'));
    if (status === null) {
      if (get('status') !== '') warn('unknownStatus', { value: get('status') }, 'status');
      status = 'to_check';
    }

    // Id: given (made a slug if needed), else from name and commune.
    const name = get('name');
    let id = get('id');
    if (id !== '') {
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
        const slug = slugify(id);
        warn('repairedId', { from: id, to: slug || '?' }, 'id');
        id = slug;
      }
      const first = firstLineOfId.get(id);
      if (first !== undefined) err('duplicateId', { value: id, first }, 'id');
      else if (id !== '') firstLineOfId.set(id, line);
    }
    // Without a name the row is rejected for that reason alone, not for a missing id too.
    if (id === '' && name === '') id = `line-${line}`;
    else if (id === '') {
      const place = commune?.name ?? (communeCode ? (index.byCode.get(communeCode)?.name ?? '') : '');
      id = uniqueId(slugify(place ? `${name} ${place}` : name) || 'structure', usedIds, explicitIds, nextSuffix);
    }
    if (id !== '') usedIds.add(id);

    if (rowIssues.some((i) => i.severity === 'error')) {
      finish(row, rowIssues, null);
      continue;
    }

    // Without a point the validator places the row at its commune (or nowhere): the declared precision only matters for "none".
    const precision = point ? 'address' : declared === 'none' ? 'none' : '';
    const values: Record<CatalogueColumn, string> = {
      id,
      name,
      type: typeId ?? type,
      stages: rowStages.join('|'),
      address: get('address'),
      postcode,
      commune: communeCode,
      departement: '',
      lon: point ? String(point[0]) : '',
      lat: point ? String(point[1]) : '',
      precision,
      website: website.value,
      email: email.value,
      phone: phone.value,
      hours: '',
      description: get('description'),
      source,
      quote: '',
      source_date: '',
      updated,
      status,
      zone: zone.join('|'),
    };
    batch.push({ row, raw: { line, values }, rowIssues });
    if (batch.length >= BATCH) flush();
  }
  flush();
  onProgress?.(1);

  outcomes.sort((a, b) => a.line - b.line);
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { structures, structureLines, outcomes, issues, counts, mappedFields: fields };
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
function readCell(
  row: TableRow,
  column: number | undefined,
  field: TargetField,
  csv: boolean,
  warn: (code: IssueCode, params: Record<string, string | number>, field?: string) => void,
): string {
  if (column === undefined) return '';
  const raw = (row.fields[column] ?? '').trim();
  // Only CSV exports neutralise formulas; GeoJSON values are read as they are.
  const value = csv ? restoreCell(raw) : raw;
  // ="09122": the trick spreadsheets use to keep leading zeros.
  const formula = value === raw && value.charCodeAt(0) === 61 /* = */ ? /^="(.*)"$/.exec(value) : null;
  if (formula) {
    warn('excelFormula', { to: formula[1]! }, field);
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
    const v = table.kind === 'csv' ? restoreCell(raw) : raw;
    if (v !== '') ids.add(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) ? v : slugify(v));
  }
  return ids;
}

/** `base`, or `base-2`, `base-3`…; `next` remembers where each base got to, so many namesakes stay linear. */
function uniqueId(base: string, used: ReadonlySet<string>, explicit: ReadonlySet<string>, next: Map<string, number>): string {
  if (!used.has(base) && !explicit.has(base)) return base;
  for (let n = next.get(base) ?? 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate) && !explicit.has(candidate)) {
      next.set(base, n + 1);
      return candidate;
    }
  }
}

function near(point: [number, number], c: Commune): boolean {
  return Math.abs(point[0] - c.lon) < SAME_POINT && Math.abs(point[1] - c.lat) < SAME_POINT;
}

function bboxTest(bounds: [[number, number], [number, number]]): (lon: number, lat: number) => boolean {
  const [[west, south], [east, north]] = bounds;
  return (lon, lat) => lon >= west && lon <= east && lat >= south && lat <= north;
}
