// Imported data in the store: versions (undo, restore, clear), what the map and list show, translations of issue codes.
import { describe, expect, it } from 'vitest';
import { ISSUE_TEXT } from '../../src/domain/import/issues';
import { messages } from '../../src/i18n/messages';
import { createAppStore } from '../../src/store/app-store';
import { selectAllStructures, selectCatalogue, type ImportEntry } from '../../src/store/import-slice';
import { importCodec } from '../../src/store/import-url';
import type { RegionData } from '../../src/data/load-region';
import type { Structure } from '../../src/domain/types';
import { generateCatalogue } from './import-helpers';

const [a, b, c] = generateCatalogue(5, 3) as [Structure, Structure, Structure];
const catalogue = [a, b];
const data = { config: { id: 'occitanie' } } as unknown as RegionData;
const entry = (id: string, kind: ImportEntry['kind'], structures: Structure[]): ImportEntry => ({
  id,
  kind,
  name: id,
  color: '#123456',
  createdAt: '2026-01-01T00:00:00Z',
  fileName: `${id}.csv`,
  structures,
});

describe('import slice', () => {
  it('shows layers after the catalogue, applies merges by id, and undo goes back one version', () => {
    const store = createAppStore({ data, catalogue, regionCatalogue: catalogue });
    const s = () => store.getState();
    s().commitImport(entry('layer1', 'layer', [c]), 'layer');
    expect(selectAllStructures(s()).map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    const renamed = { ...a, name: 'Nouveau nom' };
    s().commitImport(entry('merge1', 'merge', [renamed]), 'merge');
    expect(selectCatalogue(s()).map((x) => x.name)).toEqual(['Nouveau nom', b.name]);
    expect(selectAllStructures(s())).toHaveLength(3);

    s().undoImport();
    expect(selectCatalogue(s())[0]!.name).toBe(a.name);
    expect(Object.keys(s().importEntries)).toEqual(['layer1']);
    s().undoImport();
    expect(selectAllStructures(s())).toBe(catalogue);
  });

  it('restores an earlier version as a new one (which can be undone), removes an entry, clears all', () => {
    const store = createAppStore({ data, catalogue, regionCatalogue: catalogue });
    const s = () => store.getState();
    s().commitImport(entry('l1', 'layer', [c]), 'one');
    s().removeImportEntry('l1', 'remove');
    expect(selectAllStructures(s())).toHaveLength(2);
    s().restoreImportVersion(1, 'restore');
    expect(s().importVersions.map((v) => [v.n, v.entryIds])).toEqual([
      [1, ['l1']],
      [2, []],
      [3, ['l1']],
    ]);
    expect(selectAllStructures(s())).toHaveLength(3);
    s().toggleLayer('l1');
    expect(selectAllStructures(s())).toHaveLength(2);
    s().clearImports();
    expect([s().importVersions, s().importEntries, s().hiddenLayers]).toEqual([[], {}, []]);
  });

  it('selectors return the same array while nothing changed (no needless re-render)', () => {
    const store = createAppStore({ data, catalogue, regionCatalogue: catalogue });
    store.getState().commitImport(entry('l1', 'layer', [c]), 'one');
    const first = selectAllStructures(store.getState());
    store.getState().select('x');
    expect(selectAllStructures(store.getState())).toBe(first);
  });

  it('keeps the review département in the URL', () => {
    const params = new URLSearchParams();
    importCodec.write({ ...createAppStore().getState(), reviewDept: '31' }, params);
    expect(params.toString()).toBe('revoir=31');
    expect(importCodec.read(new URLSearchParams('revoir=31'))).toEqual({ reviewDept: '31' });
    expect(importCodec.read(new URLSearchParams('revoir=<b>'))).toEqual({});
  });
});

describe('issue codes', () => {
  it('each has a French and an English text', () => {
    for (const code of Object.keys(ISSUE_TEXT)) {
      expect(messages.fr[`import.issue.${code}`], code).toBeTruthy();
      expect(messages.en[`import.issue.${code}`], code).toBeTruthy();
    }
  });
});
