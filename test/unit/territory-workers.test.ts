// Workers keyed on the territory: a catalogue change keeps them, a region change disposes them.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/app-store';
import { territoryWorker } from '../../src/store/territory-workers';
import type { RegionData } from '../../src/data/load-region';
import type { Structure } from '../../src/domain/types';

const region = (id: string) => ({ config: { id, offerTypes: [] } }) as unknown as RegionData;
const structure = (id: string) => ({ id }) as Structure;

function fakeWorkers() {
  const made: Array<{ region: string; disposed: boolean; dispose(): void }> = [];
  const get = territoryWorker((data) => {
    const client = { region: data.config.id, disposed: false, dispose: () => (client.disposed = true) };
    made.push(client);
    return client;
  });
  return { made, get };
}

describe('territory workers', () => {
  it('keeps one client while only the catalogue changes (partner file, back to the region’s own)', () => {
    const { made, get } = fakeWorkers();
    const store = createAppStore();
    const occitanie = region('occitanie');
    store.getState().setData(occitanie, [structure('a')]);
    const first = get(store, occitanie);
    store.getState().setCatalogue([structure('partner')]);
    expect(store.getState().data).toBe(occitanie);
    expect(get(store, store.getState().data!)).toBe(first);
    store.getState().setCatalogue(null);
    expect(store.getState().catalogue.map((s) => s.id)).toEqual(['a']);
    expect(get(store, store.getState().data!)).toBe(first);
    expect(made).toHaveLength(1);
    expect(first.disposed).toBe(false);
  });

  it('disposes the client as soon as the region changes, and makes one for the new region on demand', () => {
    const { made, get } = fakeWorkers();
    const store = createAppStore();
    const occitanie = region('occitanie');
    store.getState().setData(occitanie, []);
    const first = get(store, occitanie);
    store.getState().setData(region('pays-de-la-loire'), []);
    expect(first.disposed).toBe(true);
    const second = get(store, store.getState().data!);
    expect(second.region).toBe('pays-de-la-loire');
    expect(made.map((c) => [c.region, c.disposed])).toEqual([
      ['occitanie', true],
      ['pays-de-la-loire', false],
    ]);
  });

  it('gives each store its own client: two maps on a page never dispose each other’s', () => {
    const { made, get } = fakeWorkers();
    const one = createAppStore();
    const two = createAppStore();
    const occitanie = region('occitanie');
    const loire = region('pays-de-la-loire');
    one.getState().setData(occitanie, []);
    two.getState().setData(loire, []);
    const a = get(one, occitanie);
    const b = get(two, loire);
    expect(get(one, occitanie)).toBe(a);
    expect(made.map((c) => c.disposed)).toEqual([false, false]);
    expect(b).not.toBe(a);
  });
});
