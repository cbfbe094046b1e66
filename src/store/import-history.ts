import type { ImportEntry, ImportVersion } from './import-slice';

// The imports kept in a browser, as operations rather than snapshots: every change is
// an operation applied to whatever is stored at the time of writing (in one IndexedDB
// transaction, src/ui/import/ImportSync.tsx), so a tab that was opened before another
// tab imported adds to that import instead of overwriting it with its stale copy.

/** What is stored for a region: the entries and the versions that use them. */
export interface ImportHistory {
  entries: Record<string, ImportEntry>;
  versions: ImportVersion[];
}

/** One change to the imports. `version` is the id the new version gets (the same in every tab). */
export type ImportOp =
  | { kind: 'commit'; entry: ImportEntry; label: string; at: string; version: string }
  /** Takes back version `version`, if it is still the last one (otherwise another tab came after: nothing changes). */
  | { kind: 'undo'; version: string }
  | { kind: 'restore'; from: string; label: string; at: string; version: string }
  | { kind: 'remove'; id: string; label: string; at: string; version: string }
  | { kind: 'clear' };

/** Versions kept; older ones (and entries no version uses) are dropped. */
export const MAX_IMPORT_VERSIONS = 20;

export const EMPTY_HISTORY: ImportHistory = { entries: {}, versions: [] };

/** A version's identity: its id, or its number for versions stored before ids existed. */
export const versionKey = (v: ImportVersion): string => v.id ?? `n${v.n}`;

/** What the store holds, read defensively (anything else counts as nothing stored). */
export function readStoredHistory(value: unknown): ImportHistory {
  const v = value as Partial<ImportHistory> | null | undefined;
  if (!v || typeof v !== 'object' || !Array.isArray(v.versions) || typeof v.entries !== 'object' || v.entries === null) return EMPTY_HISTORY;
  return { entries: v.entries, versions: v.versions };
}

const currentIds = (h: ImportHistory): string[] => h.versions[h.versions.length - 1]?.entryIds ?? [];

function push(h: ImportHistory, entryIds: string[], label: string, at: string, id: string, extra: Record<string, ImportEntry> = {}): ImportHistory {
  const n = (h.versions[h.versions.length - 1]?.n ?? 0) + 1;
  const versions = [...h.versions, { n, id, at, label, entryIds }].slice(-MAX_IMPORT_VERSIONS);
  return { versions, entries: prune({ ...h.entries, ...extra }, versions) };
}

/**
 * The history after one operation; the input is never changed.
 *
 * @example applyImportOp(EMPTY_HISTORY, { kind: 'commit', entry, label: 'x', at, version: 'v1' }).versions[0].entryIds // [entry.id]
 */
export function applyImportOp(h: ImportHistory, op: ImportOp): ImportHistory {
  switch (op.kind) {
    case 'commit':
      // Applied twice (a retried write), it must not add the entry twice.
      if (h.versions.some((v) => versionKey(v) === op.version)) return h;
      return push(h, [...currentIds(h).filter((id) => id !== op.entry.id), op.entry.id], op.label, op.at, op.version, { [op.entry.id]: op.entry });
    case 'undo': {
      const last = h.versions[h.versions.length - 1];
      if (!last || versionKey(last) !== op.version) return h;
      const versions = h.versions.slice(0, -1);
      return { versions, entries: prune(h.entries, versions) };
    }
    case 'restore': {
      if (h.versions.some((v) => versionKey(v) === op.version)) return h;
      const from = h.versions.find((v) => versionKey(v) === op.from);
      return from ? push(h, [...from.entryIds], op.label, op.at, op.version) : h;
    }
    case 'remove': {
      if (h.versions.some((v) => versionKey(v) === op.version)) return h;
      const ids = currentIds(h);
      return ids.includes(op.id)
        ? push(
            h,
            ids.filter((x) => x !== op.id),
            op.label,
            op.at,
            op.version,
          )
        : h;
    }
    case 'clear':
      return EMPTY_HISTORY;
  }
}

export function applyImportOps(h: ImportHistory, ops: readonly ImportOp[]): ImportHistory {
  return ops.reduce(applyImportOp, h);
}

function prune(entries: Record<string, ImportEntry>, versions: ImportVersion[]): Record<string, ImportEntry> {
  const used = new Set(versions.flatMap((v) => v.entryIds));
  const out: Record<string, ImportEntry> = {};
  for (const [id, e] of Object.entries(entries)) if (used.has(id)) out[id] = e;
  return out;
}
