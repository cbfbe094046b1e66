import type { Structure } from '../domain/types';
import { nextTask } from '../domain/next-task';
import { applyImportOps, EMPTY_HISTORY, readStoredHistory, type ImportHistory, type ImportOp } from './import-history';
import { idTime, type ImportEntry } from './import-slice';

// How the imports are kept in IndexedDB. Storing a value clones it on the calling thread,
// in one go: a 150,000-structure import stored with its history held the page for 1.5 s.
// So an entry's structures go in parts of PART_SIZE, each under its own key and written in
// its own task, before the history that names the entry (one record, small: every change
// rewrites it in one transaction, see import-history.ts). Reading takes the parts the same
// way, one task each, and only for entries the page does not already hold (an entry never
// changes once made).

/** The few calls the storage makes: idb-keyval's (src/ui/import/ImportSync.tsx), or a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Reads and writes one key in one transaction. */
  update(key: string, change: (stored: unknown) => unknown): Promise<void>;
  delMany(keys: string[]): Promise<void>;
  keys(): Promise<IDBValidKey[]>;
}

/** Structures per stored part: about 30 ms of the page's thread to clone on this machine. */
export const PART_SIZE = 5_000;

export const historyKey = (region: string): string => `maillage-imports:${region}`;
const partPrefix = (region: string): string => `maillage-imports:${region}:`;
const partKey = (region: string, entryId: string, part: number): string => `${partPrefix(region)}${entryId}:${part}`;

/**
 * An entry as the history stores it: `parts` says how many part records hold its
 * structures (`structures` is then empty). Entries stored before parts existed have no
 * `parts` and carry their structures themselves; they are read as they are.
 */
type StoredEntry = ImportEntry & { parts?: number };

const partCount = (entry: ImportEntry): number => Math.ceil(entry.structures.length / PART_SIZE);

async function writeParts(store: KeyValueStore, region: string, entry: ImportEntry): Promise<StoredEntry> {
  const parts = partCount(entry);
  for (let part = 0; part < parts; part++) {
    await store.set(partKey(region, entry.id, part), entry.structures.slice(part * PART_SIZE, (part + 1) * PART_SIZE));
    await nextTask();
  }
  return { ...entry, structures: [], parts };
}

async function readParts(store: KeyValueStore, region: string, entry: StoredEntry): Promise<ImportEntry> {
  const structures: Structure[] = [];
  for (let part = 0; part < (entry.parts ?? 0); part++) {
    const stored = await store.get(partKey(region, entry.id, part));
    // A part another program deleted: say which import lost it rather than show it short.
    if (!Array.isArray(stored)) throw new Error(`import « ${entry.name} » (${entry.id}): part ${part + 1} of ${entry.parts} is missing`);
    for (const s of stored as Structure[]) structures.push(s);
    await nextTask();
  }
  const { parts, ...rest } = entry;
  return { ...rest, structures };
}

/**
 * A stored history with every entry's structures: from `known` (entries this page holds)
 * when it has the entry, else read from its parts.
 */
async function withStructures(
  store: KeyValueStore,
  region: string,
  history: ImportHistory,
  known: Readonly<Record<string, ImportEntry>>,
): Promise<ImportHistory> {
  const entries: Record<string, ImportEntry> = {};
  for (const [id, entry] of Object.entries(history.entries) as [string, StoredEntry][]) {
    entries[id] = entry.parts === undefined ? entry : (known[id] ?? (await readParts(store, region, entry)));
  }
  return { entries, versions: history.versions };
}

/** What is stored for a region, entries whole. `known`: entries the page already holds, not read again. */
export async function readImportHistory(store: KeyValueStore, region: string, known: Readonly<Record<string, ImportEntry>> = {}): Promise<ImportHistory> {
  return withStructures(store, region, readStoredHistory(await store.get(historyKey(region))), known);
}

/**
 * Writes operations: the structures of the entries they add first, part by part, then the
 * history in one transaction, applying the operations to whatever is stored by then (so
 * that two tabs keep each other's changes); last, the parts of the entries the history no
 * longer uses are deleted. Returns the history now stored, entries whole.
 *
 * Parts of an entry that was never named by a history (the page closed in between) stay
 * behind until `dropOrphanParts`: deleting at once parts no history names could take those
 * another tab is writing.
 */
export async function writeImportOps(
  store: KeyValueStore,
  region: string,
  ops: readonly ImportOp[],
  known: Readonly<Record<string, ImportEntry>> = {},
): Promise<ImportHistory> {
  const stored: ImportOp[] = [];
  for (const op of ops) stored.push(op.kind === 'commit' ? { ...op, entry: await writeParts(store, region, op.entry) } : op);
  let before = EMPTY_HISTORY;
  let after: ImportHistory = before;
  await store.update(historyKey(region), (value) => {
    before = readStoredHistory(value);
    after = applyImportOps(before, stored);
    return after;
  });
  const dropped = (Object.values(before.entries) as StoredEntry[]).filter((e) => !(e.id in after.entries));
  const keys = dropped.flatMap((e) => Array.from({ length: e.parts ?? 0 }, (_, part) => partKey(region, e.id, part)));
  // Space only: if this fails, nothing is lost.
  if (keys.length > 0) await store.delMany(keys).catch(() => undefined);
  const committed = Object.fromEntries(ops.flatMap((op) => (op.kind === 'commit' ? [[op.entry.id, op.entry] as const] : [])));
  return withStructures(store, region, after, { ...known, ...committed });
}

/**
 * How old parts no history names must be to be taken for an interrupted write's leftovers
 * rather than an import another tab is writing (which takes seconds).
 */
export const ORPHAN_AFTER_MS = 60 * 60 * 1000;

/**
 * Deletes the parts of imports that the region's stored history does not name and that were
 * made more than ORPHAN_AFTER_MS ago (the time is in the entry's id, `newId`): a tab closed
 * between writing an import's parts and its history leaves them behind. A part whose id
 * gives no time is kept. Returns the keys deleted.
 */
export async function dropOrphanParts(store: KeyValueStore, region: string, now = Date.now()): Promise<string[]> {
  const named = readStoredHistory(await store.get(historyKey(region))).entries;
  const prefix = partPrefix(region);
  const orphans = (await store.keys()).filter((key): key is string => {
    if (typeof key !== 'string' || !key.startsWith(prefix)) return false;
    const entryId = key.slice(prefix.length, key.lastIndexOf(':'));
    const made = idTime(entryId);
    return !(entryId in named) && made !== null && now - made > ORPHAN_AFTER_MS;
  });
  if (orphans.length > 0) await store.delMany(orphans);
  return orphans;
}
