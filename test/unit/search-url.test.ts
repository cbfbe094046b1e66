import { describe, expect, it } from 'vitest';
import { banSearchUrl, isAddressQuery, parseBanResponse } from '../../src/domain/ban';
import type { AppState } from '../../src/store/app-store';
import { searchCodec } from '../../src/store/search-url';
import { readUrlState } from '../../src/store/url-state';

const read = (query: string) => searchCodec.read(new URLSearchParams(query));
const write = (state: Partial<AppState>) => {
  const params = new URLSearchParams();
  searchCodec.write({ origin: null, nearView: 'list', tab: 'list', ...state } as AppState, params);
  return params.toString().replace(/%2C/g, ',');
};

describe('search URL keys', () => {
  it('?from=<INSEE code> opens the results of that commune', () => {
    expect(read('from=48095')).toEqual({ origin: { kind: 'commune', code: '48095' }, nearView: 'list', tab: 'search' });
  });

  it('keeps another tab named in the link, and reads the parcours', () => {
    expect(read('from=48095&tab=list&parcours=1')).toEqual({ origin: { kind: 'commune', code: '48095' }, nearView: 'parcours' });
  });

  it('reads stage= as the stage filter, unless stages= is there', () => {
    // The core codec owns the filter; stage= is its synonym for stages=.
    const filterOf = (query: string) => (readUrlState(`?${query}`) as { filter: unknown }).filter;
    expect(filterOf('from=48095&stage=creation&dept=48')).toMatchObject({ types: null, stages: ['creation'], dept: '48' });
    expect(filterOf('from=48095&stage=creation&stages=emergence')).toMatchObject({ stages: ['emergence'] });
    expect(filterOf('stage=<b>')).toMatchObject({ stages: [] });
  });

  it('ignores a bad from, and resets the origin when the key is absent (Back button)', () => {
    expect(read('from=javascript:alert(1)').origin).toBeNull();
    expect(read('').origin).toBeNull();
  });

  it('writes what it reads', () => {
    expect(write({ origin: { kind: 'commune', code: '48095' }, tab: 'search' })).toBe('from=48095');
    expect(write({ origin: { kind: 'point', lon: 1.444, lat: 43.605, source: 'geolocation' }, tab: 'search', nearView: 'parcours' })).toBe(
      'from=43.605,1.444&parcours=1',
    );
    expect(write({ origin: { kind: 'commune', code: '48095' }, tab: 'list' })).toBe('from=48095&tab=list');
    expect(write({ tab: 'search' })).toBe('tab=search');
    expect(write({})).toBe('');
    for (const q of ['from=48095', 'from=43.605,1.444&parcours=1', 'from=48095&tab=list']) {
      const state = read(q) as Partial<AppState>;
      expect(write({ tab: 'list', ...state })).toBe(q);
    }
  });
});

describe('address service (BAN) helpers', () => {
  it('builds the documented request', () => {
    expect(banSearchUrl(' 8 bd du Port ')).toBe('https://api-adresse.data.gouv.fr/search/?q=8+bd+du+Port&limit=5');
  });

  it('asks only for text worth sending', () => {
    expect(isAddressQuery('me')).toBe(false);
    expect(isAddressQuery('31000')).toBe(false);
    expect(isAddressQuery('2 rue de la Paix')).toBe(true);
  });

  it('keeps well-formed hits and drops the rest', () => {
    const hits = parseBanResponse({
      type: 'FeatureCollection',
      features: [
        {
          geometry: { coordinates: [3.4989, 44.5176] },
          properties: { label: '2 Rue de l’Ange 48000 Mende', type: 'housenumber', citycode: '48095', postcode: '48000' },
        },
        { geometry: { coordinates: [3.5, 44.5] }, properties: { label: 'Mende', type: 'municipality' } },
        { geometry: { coordinates: ['x', 44.5] }, properties: { label: 'bad', type: 'street' } },
        { geometry: { coordinates: [500, 44.5] }, properties: { label: 'far', type: 'street' } },
        { geometry: null, properties: { label: 'none' } },
        { geometry: { coordinates: [3.5, 44.5] }, properties: { type: 'street' } },
        null,
      ],
    });
    expect(hits).toEqual([
      { label: '2 Rue de l’Ange 48000 Mende', type: 'housenumber', citycode: '48095', postcode: '48000', score: 0, lon: 3.4989, lat: 44.5176 },
    ]);
    expect(parseBanResponse(null)).toEqual([]);
    expect(parseBanResponse({ features: 'no' })).toEqual([]);
    expect(
      parseBanResponse({ features: [{ geometry: { coordinates: [3.5, 44.5] }, properties: { label: 'Mende', type: 'municipality' } }] }, true),
    ).toHaveLength(1);
  });
});
