// Imports kept in the browser as operations replayed on what is stored, so no tab overwrites another.
import { describe, expect, it } from 'vitest';
import { applyImportOp, applyImportOps, EMPTY_HISTORY, readStoredHistory, type ImportOp } from '../../src/store/import-history';
import { createAppStore } from '../../src/store/app-store';
import type { ImportEntry } from '../../src/store/import-slice';
import { saveFailure } from '../../src/ui/import/ImportSync';

const entry = (id: string): ImportEntry => ({
  id,
  kind: 'layer',
  name: id,
  color: '#123456',
  createdAt: '2026-01-01T00:00:00Z',
  fileName: `${id}.csv`,
  structures: [],
});
const commit = (id: string, version = `v-${id}`): ImportOp => ({ kind: 'commit', entry: entry(id), label: id, at: '2026-01-01T00:00:00Z', version });
const current = (h: { versions: Array<{ entryIds: string[] }> }) => h.versions[h.versions.length - 1]?.entryIds ?? [];

describe('import history operations', () => {
  it('two tabs that each import keep both imports, whichever writes last', () => {
    // Tab A and tab B both loaded an empty store; A writes first, then B writes its own change on top of what is stored.
    const afterA = applyImportOps(EMPTY_HISTORY, [commit('a')]);
    const afterB = applyImportOps(afterA, [commit('b')]);
    expect(current(afterB)).toEqual(['a', 'b']);
    expect(Object.keys(afterB.entries).sort()).toEqual(['a', 'b']);
    // The other order gives the same layers.
    expect(current(applyImportOps(applyImportOps(EMPTY_HISTORY, [commit('b')]), [commit('a')])).sort()).toEqual(['a', 'b']);
  });

  it('a retried write does not add an import twice', () => {
    const once = applyImportOp(EMPTY_HISTORY, commit('a'));
    expect(applyImportOp(once, commit('a'))).toBe(once);
  });

  it('undo takes back its own version only while it is the last one', () => {
    const h = applyImportOps(EMPTY_HISTORY, [commit('a'), commit('b')]);
    expect(current(applyImportOp(h, { kind: 'undo', version: 'v-b' }))).toEqual(['a']);
    // Another tab imported after 'a': undoing 'a' from a stale view changes nothing.
    expect(applyImportOp(h, { kind: 'undo', version: 'v-a' })).toBe(h);
  });

  it('remove and restore apply to what is stored', () => {
    const h = applyImportOps(EMPTY_HISTORY, [commit('a'), commit('b'), { kind: 'remove', id: 'a', label: '-a', at: 'x', version: 'r1' }]);
    expect(current(h)).toEqual(['b']);
    expect(current(applyImportOp(h, { kind: 'restore', from: 'v-b', label: 'r', at: 'x', version: 'r2' }))).toEqual(['a', 'b']);
    expect(applyImportOp(h, { kind: 'remove', id: 'zz', label: '', at: 'x', version: 'r3' })).toBe(h);
  });

  it('reads anything stored defensively, including versions stored before ids', () => {
    expect(readStoredHistory(undefined)).toEqual(EMPTY_HISTORY);
    expect(readStoredHistory('junk')).toEqual(EMPTY_HISTORY);
    const legacy = { entries: { a: entry('a') }, versions: [{ n: 1, at: 'x', label: 'a', entryIds: ['a'] }] };
    expect(current(applyImportOp(readStoredHistory(legacy), { kind: 'undo', version: 'n1' }))).toEqual([]);
  });
});

describe('import slice with storage', () => {
  it('keeps unsaved changes on top of what another tab stored, and drops them once written', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().hydrateImports('occitanie', EMPTY_HISTORY);
    s().commitImport(entry('mine'), 'mine');
    expect(s().importPending).toHaveLength(1);
    // Another tab wrote 'theirs' meanwhile: this page shows both, its own still pending.
    const theirs = applyImportOp(EMPTY_HISTORY, commit('theirs'));
    s().hydrateImports('occitanie', theirs, { external: true });
    expect(current({ versions: s().importVersions })).toEqual(['theirs', 'mine']);
    expect(s().importExternalChange).not.toBeNull();
    // Written: nothing pending, the stored history is what the page shows.
    const written = applyImportOps(theirs, s().importPending);
    s().importsSaved(1, written);
    expect(s().importPending).toEqual([]);
    expect(s().importSave.status).toBe('saved');
    expect(current({ versions: s().importVersions })).toEqual(['theirs', 'mine']);
  });

  it('keeps its own objects when what is read back says the same, so nothing is derived again', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().hydrateImports('occitanie', EMPTY_HISTORY);
    s().commitImport(entry('mine'), 'mine');
    const [entries, versions] = [s().importEntries, s().importVersions];
    // Read back from storage: new version objects, the same entry objects (import-storage.ts reuses the page's).
    const readBack = { entries: { ...entries }, versions: structuredClone(versions) };
    s().importsSaved(1, readBack);
    expect([s().importEntries, s().importVersions]).toEqual([entries, versions]);
    expect(s().importEntries).toBe(entries);
    expect(s().importVersions).toBe(versions);
    // Another tab's change does replace them.
    s().hydrateImports('occitanie', applyImportOps(readBack, [commit('theirs')]), { external: true });
    expect(s().importEntries).not.toBe(entries);
    expect(Object.keys(s().importEntries).sort()).toEqual(['mine', 'theirs']);
  });

  it('names a quota error apart from other refusals', () => {
    expect(saveFailure(new DOMException('full', 'QuotaExceededError'))).toMatchObject({ status: 'failed', reason: 'quota' });
    expect(saveFailure(new DOMException('no', 'InvalidStateError'))).toMatchObject({ status: 'failed', reason: 'unavailable' });
    expect(saveFailure('weird')).toMatchObject({ reason: 'unavailable' });
  });
});
