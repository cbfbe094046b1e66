// Applying checked rows (a referent's correction, a batch of new structures) to a catalogue file.
import Papa from 'papaparse';
import type { Issue, Structure } from '../types';
import { CATALOGUE_COLUMNS, type CatalogueColumn, type RawRow } from './columns';
import { canonicalCells } from './correction';

export interface FieldChange {
  field: CatalogueColumn;
  before: string;
  after: string;
}

export interface CatalogueDiff {
  /** Rows whose id the catalogue does not have, in id order (the order they are appended in). */
  added: Structure[];
  /** Rows whose id the catalogue has, with the cells that differ, in the catalogue's order. */
  changed: Array<{ id: string; changes: FieldChange[]; structure: Structure }>;
  /** Incoming rows identical to the catalogue's. */
  unchanged: number;
}

/**
 * What applying `incoming` to `current` changes, compared cell by cell as the catalogue writes
 * them (so "31" and "" in `departement` next to a commune of the 31 are the same).
 *
 * @example diffCatalogue(current, [{ ...current[0], phone: '05 00' }]).changed[0].changes // [{ field: 'phone', … }]
 */
export function diffCatalogue(current: readonly Structure[], incoming: readonly Structure[]): CatalogueDiff {
  const byId = new Map(incoming.map((s) => [s.id, s]));
  const known = new Set(current.map((s) => s.id));
  const changed: CatalogueDiff['changed'] = [];
  let unchanged = 0;
  for (const s of current) {
    const next = byId.get(s.id);
    if (!next) continue;
    const before = canonicalCells(s);
    const after = canonicalCells(next);
    const changes = CATALOGUE_COLUMNS.filter((c) => before[c] !== after[c]).map((field) => ({ field, before: before[field], after: after[field] }));
    if (changes.length > 0) changed.push({ id: s.id, changes, structure: next });
    else unchanged++;
  }
  const added = incoming.filter((s) => !known.has(s.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { added, changed, unchanged };
}

/**
 * Incoming rows that reuse an id the catalogue dropped (an alias `from`): they would be opened
 * as the row the id now leads to.
 */
export function aliasReuseIssues(rows: readonly RawRow[], aliases: ReadonlyArray<{ from: string; to: string }> = []): Issue[] {
  const to = new Map(aliases.map((a) => [a.from, a.to]));
  return rows
    .filter((r) => to.has(r.values.id))
    .map((r) => ({
      severity: 'error' as const,
      line: r.line,
      field: 'id',
      message: `Id "${r.values.id}" was dropped from the catalogue and now leads to "${to.get(r.values.id)}" (aliases of the region): correct that row, or choose a new id.`,
    }));
}

/**
 * The catalogue file with the diff applied: lines of rows that do not change are kept byte for
 * byte, a changed row is rewritten with its changed cells only (plus its département when the
 * commune changes, so the two agree), new rows are appended. No change gives the same text.
 *
 * @example applyToCatalogueText(text, parseCatalogueCsv(text).rows, diffCatalogue(current, incoming))
 */
export function applyToCatalogueText(text: string, rows: readonly RawRow[], diff: CatalogueDiff): string {
  if (diff.added.length === 0 && diff.changed.length === 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const finalEol = lines[lines.length - 1] === '';
  if (finalEol) lines.pop();
  const header = (Papa.parse<string[]>(lines[0] ?? '', { header: false }).data[0] ?? []).map((h) => h.trim().toLowerCase());
  const line = (cells: Partial<Record<string, string>>) => Papa.unparse([header.map((h) => cells[h] ?? '')], { header: false, newline: '\n', quotes: false });

  const changes = new Map(diff.changed.map((c) => [c.id, c]));
  const sorted = [...rows].sort((a, b) => a.line - b.line);
  const out: string[] = lines.slice(0, (sorted[0]?.line ?? lines.length + 1) - 1);
  sorted.forEach((row, k) => {
    const segment = lines.slice(row.line - 1, (sorted[k + 1]?.line ?? lines.length + 1) - 1);
    const change = changes.get(row.values.id);
    if (!change) {
      out.push(...segment);
      return;
    }
    const cells: Partial<Record<string, string>> = { ...row.values };
    const canonical = canonicalCells(change.structure);
    for (const c of change.changes) cells[c.field] = c.after;
    if (change.changes.some((c) => c.field === 'commune')) cells.departement = canonical.departement;
    // Blank lines that followed the row stay after it.
    let blanks = 0;
    while (blanks < segment.length - 1 && segment[segment.length - 1 - blanks]!.trim() === '') blanks++;
    out.push(line(cells), ...segment.slice(segment.length - blanks));
  });
  for (const s of diff.added) out.push(line(canonicalCells(s)));
  return out.join(eol) + eol;
}
