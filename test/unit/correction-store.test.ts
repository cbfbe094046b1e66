import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/app-store';

describe('the correction slice', () => {
  it('opens the form for a structure or a missing one, and closes it', () => {
    const store = createAppStore();
    expect(store.getState().correction).toBeNull();
    store.getState().openCorrection({ structureId: 'catalis-toulouse' });
    expect(store.getState().correction).toEqual({ structureId: 'catalis-toulouse' });
    store.getState().openCorrection({ departement: '11', type: 'maison_region' });
    expect(store.getState().correction).toEqual({ departement: '11', type: 'maison_region' });
    store.getState().closeCorrection();
    expect(store.getState().correction).toBeNull();
    store.getState().openCorrection();
    expect(store.getState().correction).toEqual({});
  });
});
