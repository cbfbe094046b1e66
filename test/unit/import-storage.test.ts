// Imports kept in IndexedDB with their structures in parts: what is read back is what was
// written, no single write clones more than a part, and parts no history uses are deleted.
import { describe, expect, it } from 'vitest';
import { applyImportOps, EMPTY_HISTORY, MAX_IMPORT_VERSIONS, type ImportOp } from '../../src/store/import-history';
import { dropOrphanParts, historyKey, ORPHAN_AFTER_MS, PART_SIZE, readImportHistory, writeImportOps, type KeyValueStore } from '../../src/store/import-storage';
import { idTime, newId } from '../../src/store/import-slice';
import type { ImportEntry } from '../../src/store/import-slice';
import { makeStructure } from '../fixtures/structure';

/** IndexedDB as idb-keyval shows it: values cloned in and out, one key at a time. */
class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  /** Structures (or other array items) cloned by each `set`/`update`, in order. */
  readonly written: number[] = [];
  async get(key: string) {
    return structuredClone(this.values.get(key));
  }
  async set(key: string, value: unknown) {
    this.written.push(Array.isArray(value) ? value.length : 1);
    this.values.set(key, structuredClone(value));
  }
  async update(key: string, change: (stored: unknown) => unknown) {
    const value = change(structuredClone(this.values.get(key)));
    this.written.push(JSON.stringify(value).length);
    this.values.set(key, structuredClone(value));
  }
  async delMany(keys: string[]) {
    for (const k of keys) this.values.delete(k);
  }
  async keys() {
    return [...this.values.keys()];
  }
  partKeys(): string[] {
    return [...this.values.keys()].filter((k) => k !== historyKey('r'));
  }
}

const entry = (id: string, count: number): ImportEntry => ({
  id,
  kind: 'layer',
  name: `Import ${id}`,
  color: '#123456',
  createdAt: '2026-01-01T00:00:00Z',
  fileName: `${id}.csv`,
  structures: Array.from({ length: count }, (_, i) => makeStructure({ id: `${id}-${i}`, name: `Structure ${id} ${i}`, lon: 1 + i / 1e6, lat: 43 })),
});
let versionN = 0;
const commit = (e: ImportEntry): ImportOp => ({ kind: 'commit', entry: e, label: e.name, at: '2026-01-01T00:00:00Z', version: `v${++versionN}` });

describe('import storage in parts', () => {
  it('reads back, in another tab, exactly the entries written, and clones at most a part at a time', async () => {
    const store = new MemoryStore();
    const big = entry('big', 2 * PART_SIZE + 345);
    const small = entry('small', 3);
    const ops = [commit(big), commit(small)];
    const written = await writeImportOps(store, 'r', ops);
    // The history record names the entries without their structures.
    const stored = (await store.get(historyKey('r'))) as { entries: Record<string, ImportEntry & { parts?: number }> };
    expect([stored.entries.big!.structures.length, stored.entries.big!.parts, stored.entries.small!.parts]).toEqual([0, 3, 1]);
    expect(store.partKeys()).toHaveLength(4);
    // Every structure write is one part at most (the history record counts as one value).
    expect(Math.max(...store.written.slice(0, -1))).toBe(PART_SIZE);
    const expected = applyImportOps(EMPTY_HISTORY, ops);
    expect(written).toEqual(expected);
    // A tab that holds nothing reads every part back.
    expect(await readImportHistory(store, 'r')).toEqual(expected);
  });

  it('keeps both tabs’ imports, and deletes the parts of entries no kept version uses', async () => {
    const store = new MemoryStore();
    const first = entry('first', PART_SIZE + 1);
    // Tab A, then tab B which never saw A's import: both are kept.
    await writeImportOps(store, 'r', [commit(first)]);
    const afterB = await writeImportOps(store, 'r', [commit(entry('b', 2))]);
    expect(Object.keys(afterB.entries).sort()).toEqual(['b', 'first']);
    expect(afterB.entries.first!.structures).toHaveLength(PART_SIZE + 1);
    // Removed, then pushed out of the kept versions by later imports: the first import's parts go.
    const removeFirst: ImportOp = { kind: 'remove', id: 'first', label: '-first', at: 'x', version: 'rf' };
    const later = Array.from({ length: MAX_IMPORT_VERSIONS }, (_, i) => commit(entry(`c${i}`, 1)));
    const after = await writeImportOps(store, 'r', [removeFirst, ...later]);
    const kept = ['b', ...later.map((_, i) => `c${i}`)].sort();
    expect(Object.keys(after.entries).sort()).toEqual(kept);
    expect(store.partKeys().sort()).toEqual(kept.map((id) => `maillage-imports:r:${id}:0`).sort());
  });

  it('does not read again the entries a tab already holds', async () => {
    const store = new MemoryStore();
    const e = entry('held', 10);
    await writeImportOps(store, 'r', [commit(e)]);
    let reads = 0;
    const counting: KeyValueStore = {
      ...store,
      get: (key) => (reads++, store.get(key)),
      set: store.set.bind(store),
      update: store.update.bind(store),
      delMany: store.delMany.bind(store),
      keys: store.keys.bind(store),
    };
    const read = await readImportHistory(counting, 'r', { held: e });
    expect(read.entries.held).toBe(e);
    expect(reads).toBe(1);
  });

  it('reads imports stored before parts existed, and keeps them under a new import', async () => {
    const store = new MemoryStore();
    const legacy = entry('legacy', 7);
    await store.set(historyKey('r'), applyImportOps(EMPTY_HISTORY, [commit(legacy)]));
    expect((await readImportHistory(store, 'r')).entries.legacy).toEqual(legacy);
    const after = await writeImportOps(store, 'r', [commit(entry('new', 2))]);
    expect(after.entries.legacy).toEqual(legacy);
    expect(Object.keys((await readImportHistory(store, 'r')).entries).sort()).toEqual(['legacy', 'new']);
  });

  it('names the import whose part is missing instead of showing it short', async () => {
    const store = new MemoryStore();
    await writeImportOps(store, 'r', [commit(entry('lost', PART_SIZE + 2))]);
    store.values.delete('maillage-imports:r:lost:1');
    await expect(readImportHistory(store, 'r')).rejects.toThrow(/Import lost.*part 2 of 2 is missing/);
  });
});

describe('parts an interrupted write left behind', () => {
  it('are deleted once older than ORPHAN_AFTER_MS, and nothing a history names, nothing recent, nothing of another region', async () => {
    const store = new MemoryStore();
    const now = Date.UTC(2026, 11, 3, 12);
    const ago = (ms: number) => newId('imp', now - ms);
    // Stored: one import named by the history, whatever its age.
    const kept = entry(ago(3 * ORPHAN_AFTER_MS), PART_SIZE + 1);
    await writeImportOps(store, 'r', [commit(kept)]);
    // Left behind: an old write that never reached the history, and one that may still be on its way.
    const old = ago(ORPHAN_AFTER_MS + 1);
    const recent = ago(ORPHAN_AFTER_MS - 60_000);
    for (const id of [old, recent]) {
      await store.set(`maillage-imports:r:${id}:0`, [makeStructure({ id: `${id}-s` })]);
      await store.set(`maillage-imports:r:${id}:1`, [makeStructure({ id: `${id}-t` })]);
    }
    // Another region's old leftovers, and a part whose id says no time.
    await store.set(`maillage-imports:r2:${old}:0`, []);
    await store.set('maillage-imports:r:legacy:0', []);
    const before = [...store.values.keys()];

    const dropped = await dropOrphanParts(store, 'r', now);
    expect(dropped.sort()).toEqual([`maillage-imports:r:${old}:0`, `maillage-imports:r:${old}:1`]);
    expect([...store.values.keys()].sort()).toEqual(before.filter((k) => !dropped.includes(k)).sort());
    // What the history names reads back whole.
    expect((await readImportHistory(store, 'r')).entries[kept.id]!.structures).toHaveLength(PART_SIZE + 1);
    // Nothing more to drop.
    expect(await dropOrphanParts(store, 'r', now)).toEqual([]);
  });

  it("reads an id's time as newId wrote it", () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(idTime(newId('imp', at))).toBe(at);
    expect(idTime(newId('v', at))).toBe(at);
    expect([idTime('legacy'), idTime('imp-x'), idTime('line-12')]).toEqual([null, null, null]);
  });
});
