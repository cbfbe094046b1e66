// What an import will do before it does it: rows added, changed or left as they are.
import type { Structure } from '../types';
import { issue } from './issues';
import { textKey } from './text';
import type { ImportIssue, ImportResult, TargetField } from './types';

export type ImportTarget = 'layer' | 'catalogue';

export type StructureField = keyof Structure;

export interface PlannedRow {
  line: number;
  action: 'add' | 'change' | 'same';
  /** The structure as it will be stored. */
  structure: Structure;
  /** The record it replaces (change and same). */
  before?: Structure;
  changed: StructureField[];
  matchedBy?: 'id' | 'name+commune';
}

export interface ImportPlan {
  target: ImportTarget;
  rows: PlannedRow[];
  added: number;
  changed: number;
  unchanged: number;
  issues: ImportIssue[];
}

const FIELDS_OF: Record<TargetField, StructureField[]> = {
  id: [],
  name: ['name'],
  type: ['type'],
  stages: ['stages'],
  address: ['address'],
  postcode: ['postcode'],
  commune: ['commune', 'lon', 'lat', 'precision'],
  communeName: ['commune', 'lon', 'lat', 'precision'],
  dept: [],
  lon: ['commune', 'lon', 'lat', 'precision'],
  lat: ['commune', 'lon', 'lat', 'precision'],
  x: ['commune', 'lon', 'lat', 'precision'],
  y: ['commune', 'lon', 'lat', 'precision'],
  precision: ['precision'],
  website: ['website'],
  email: ['email'],
  phone: ['phone'],
  description: ['description'],
  source: ['source'],
  updated: ['updated'],
  status: ['status'],
  zone: ['zone'],
};

const COMPARED: StructureField[] = [
  'name',
  'type',
  'stages',
  'address',
  'postcode',
  'commune',
  'lon',
  'lat',
  'precision',
  'website',
  'email',
  'phone',
  'description',
  'source',
  'updated',
  'status',
  'zone',
];

/** Key for matching a record without id: name and commune code. */
export function matchKey(s: Pick<Structure, 'name' | 'commune'>): string {
  return `${textKey(s.name)}|${s.commune}`;
}

/**
 * Plans an import against what is shown now.
 * - 'catalogue': each row is matched with a record by id, else by name and commune; a
 *   matched record takes the file's values for the columns the file has, an empty cell
 *   never erases a value, and a commune-level position never replaces an address-level one
 *   in the same commune. Unmatched rows are added.
 * - 'layer': every row is added to a new layer; an id already shown elsewhere is suffixed.
 *
 * @example planImport(result, data.structures, 'catalogue', new Set()).changed
 */
export function planImport(
  result: Pick<ImportResult, 'structures' | 'structureLines' | 'mappedFields'>,
  existing: readonly Structure[],
  target: ImportTarget,
  takenIds: ReadonlySet<string> = new Set(existing.map((s) => s.id)),
): ImportPlan {
  const rows: PlannedRow[] = [];
  const issues: ImportIssue[] = [];
  const used = new Set(takenIds);

  if (target === 'layer') {
    result.structures.forEach((s, i) => {
      const line = result.structureLines[i]!;
      let structure = s;
      if (used.has(s.id)) {
        const id = freeId(s.id, used);
        issues.push(issue('warning', 'idRenamed', { from: s.id, to: id }, { line, field: 'id' }));
        structure = { ...s, id };
      }
      used.add(structure.id);
      rows.push({ line, action: 'add', structure, changed: [] });
    });
    return { target, rows, added: rows.length, changed: 0, unchanged: 0, issues };
  }

  const byId = new Map(existing.map((s) => [s.id, s]));
  const byKey = new Map<string, Structure>();
  for (const s of existing) if (!byKey.has(matchKey(s))) byKey.set(matchKey(s), s);
  const updatable = new Set<StructureField>(result.mappedFields.flatMap((f) => FIELDS_OF[f]));
  const matchedLine = new Map<string, number>();

  result.structures.forEach((s, i) => {
    const line = result.structureLines[i]!;
    const hitById = byId.get(s.id);
    const before = hitById ?? byKey.get(matchKey(s));
    if (!before) {
      let structure = s;
      if (used.has(s.id)) structure = { ...s, id: freeId(s.id, used) };
      used.add(structure.id);
      rows.push({ line, action: 'add', structure, changed: [] });
      return;
    }
    const first = matchedLine.get(before.id);
    if (first !== undefined) issues.push(issue('warning', 'sameRecordTwice', { first }, { line }));
    else matchedLine.set(before.id, line);
    const structure = mergeInto(before, s, updatable);
    const changed = COMPARED.filter((f) => !same(before[f], structure[f]));
    rows.push({
      line,
      action: changed.length > 0 ? 'change' : 'same',
      structure,
      before,
      changed,
      matchedBy: hitById ? 'id' : 'name+commune',
    });
  });
  let added = 0;
  let changed = 0;
  for (const r of rows) {
    if (r.action === 'add') added++;
    else if (r.action === 'change') changed++;
  }
  return { target, rows, added, changed, unchanged: rows.length - added - changed, issues };
}

/** The record after a merge: the file's non-empty values for the fields it has. */
export function mergeInto(before: Structure, imported: Structure, updatable: ReadonlySet<StructureField>): Structure {
  const out: Structure = { ...before, stages: [...before.stages], zone: [...before.zone] };
  const take = <K extends StructureField>(f: K) => {
    if (!updatable.has(f)) return;
    const v = imported[f];
    if (v === '' || v === null || (Array.isArray(v) && v.length === 0)) return;
    out[f] = Array.isArray(v) ? ([...v] as Structure[K]) : v;
  };
  for (const f of [
    'name',
    'type',
    'stages',
    'address',
    'postcode',
    'website',
    'email',
    'phone',
    'description',
    'source',
    'updated',
    'status',
    'zone',
  ] as const) {
    take(f);
  }
  if (updatable.has('commune') && imported.precision !== 'none') {
    const degrade = imported.precision === 'commune' && before.precision === 'address' && before.commune === imported.commune;
    if (!degrade) {
      out.commune = imported.commune;
      out.lon = imported.lon;
      out.lat = imported.lat;
      out.precision = imported.precision;
    }
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function freeId(base: string, used: ReadonlySet<string>): string {
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
