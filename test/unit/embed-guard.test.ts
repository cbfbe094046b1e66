// Fail closed and say why: announcements without a visitor's position, ignored parameters named, partner downloads capped.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/app-store';
import { announceChanges, applyHostMessage } from '../../src/embed/host-api';
import { connectIframe } from '../../src/embed/iframe-bridge';
import { parseOrigins, type MapMessage } from '../../src/embed/messages';
import { checkParams } from '../../src/store/param-check';
import { readLimited } from '../../src/store/partner-data';
import { pointOrigin } from '../../src/domain/search/origin';
import type { RegionConfig } from '../../src/domain/types';
import type { RegionData } from '../../src/data/load-region';

/** A window embedded in a parent that records what is posted to it. */
function fakeWindows() {
  const posted: Array<{ message: unknown; target: string }> = [];
  const parent = { postMessage: (message: unknown, target: string) => posted.push({ message, target }) };
  const win = { location: { origin: 'https://maillage.example' }, parent, addEventListener() {}, removeEventListener() {} };
  return { win: win as unknown as Window, posted };
}

describe('announcements', () => {
  it('an unusable origins= sends nothing at all, never to "*"', () => {
    const store = createAppStore({ embedded: true });
    const { win, posted } = fakeWindows();
    const bridge = connectIframe(store, () => null, parseOrigins('127.0.0.1:4303'), win);
    bridge.announceReady();
    store.getState().select('x');
    store.getState().setView({ lon: 1, lat: 43, zoom: 9 });
    expect(posted).toEqual([]);
    bridge.close();
  });

  it('after "Me localiser", no view goes out unless the host is named in origins=', () => {
    for (const [origins, expectViews] of [
      [null, false],
      ['*', false],
      ['https://host.example', true],
    ] as const) {
      const store = createAppStore({ embedded: true });
      const { win, posted } = fakeWindows();
      const bridge = connectIframe(store, () => null, parseOrigins(origins), win);
      store.getState().setView({ lon: 2, lat: 44, zoom: 6 });
      store.getState().setOrigin(pointOrigin(1.444, 43.604, 'geolocation'));
      store.getState().setView({ lon: 1.444, lat: 43.604, zoom: 12 });
      // Even after the search is cleared, the map still shows where the visitor was.
      store.getState().setOrigin(null);
      store.getState().setView({ lon: 1.45, lat: 43.61, zoom: 12 });
      const views = posted.filter((p) => (p.message as MapMessage).type === 'view');
      expect(views.length, String(origins)).toBe(expectViews ? 3 : 1);
      bridge.close();
    }
  });

  it('getState leaves the view out while it may show the visitor’s position', () => {
    const store = createAppStore({ embedded: true, view: { lon: 1.4, lat: 43.6, zoom: 12 } });
    const reply = applyHostMessage(store, null, { target: 'maillage', type: 'getState' }, true);
    expect(reply).toMatchObject({ type: 'state', state: { view: null } });
    const open = applyHostMessage(store, null, { target: 'maillage', type: 'getState' });
    expect(open).toMatchObject({ type: 'state', state: { view: { lon: 1.4 } } });
  });

  it('the web component (same page as its host) announces views as before', () => {
    const store = createAppStore({ embedded: true });
    const seen: MapMessage[] = [];
    const stop = announceChanges(
      store,
      () => null,
      (m) => seen.push(m),
    );
    store.getState().setView({ lon: 1, lat: 43, zoom: 9 });
    expect(seen.map((m) => m.type)).toEqual(['view']);
    stop();
  });
});

const config = {
  offerTypes: [{ id: 'incubateur' }, { id: 'dla' }],
  stages: [{ id: 'creation' }],
  legacyTypes: { reseau: ['dla'] },
} as unknown as RegionConfig;

describe('checkParams', () => {
  it('names every ignored parameter with its reason', () => {
    const params = new URLSearchParams(
      'lang=de&types=incubateur,zzz,reseau&stages=creation,<b>&dept=3&closed=yes&tab=foo&map=99/1&covkm=500&covby=x&from=nowhere&revoir=x&foo=1&epci=12',
    );
    const problems = checkParams(params, { embedded: false, config }).map((p) => [p.param, p.value, p.reason]);
    expect(problems).toEqual([
      ['lang', 'de', 'format'],
      ['types', 'zzz', 'unknownType'],
      ['stages', '<b>', 'format'],
      ['dept', '3', 'format'],
      ['closed', 'yes', 'format'],
      ['tab', 'foo', 'format'],
      ['map', '99/1', 'format'],
      ['covkm', '500', 'range'],
      ['covby', 'x', 'format'],
      ['from', 'nowhere', 'format'],
      ['revoir', 'x', 'format'],
      ['foo', '1', 'unknownParam'],
    ]);
  });

  it('embed-only keys are ignored by the app, checked by the embed', () => {
    expect(checkParams(new URLSearchParams('parts=list&origins=*'), { embedded: false }).map((p) => p.reason)).toEqual(['embedOnly', 'embedOnly']);
    expect(checkParams(new URLSearchParams('parts=list,maps&threshold=2'), { embedded: true }).map((p) => [p.value, p.reason])).toEqual([
      ['maps', 'unknownPart'],
      ['2', 'range'],
    ]);
    expect(checkParams(new URLSearchParams('origins=null'), { embedded: true, unusableOrigins: ['null'] })).toEqual([
      { param: 'origins', value: 'null', reason: 'origins' },
    ]);
  });

  it('an unknown region is named with the one shown instead; good links give nothing', () => {
    expect(checkParams(new URLSearchParams('region=zzz'), { embedded: false, regionFallback: { asked: 'zzz', shown: 'occitanie' } })).toEqual([
      { param: 'region', value: 'zzz', reason: 'unknownRegion', detail: 'occitanie' },
    ]);
    expect(
      checkParams(new URLSearchParams('region=occitanie&lang=en&types=incubateur&map=9/43.6/1.44&covkm=30&tab=coverage&from=31555&sel=a-b&closed=1'), {
        embedded: false,
        config,
      }),
    ).toEqual([]);
  });
});

describe('readLimited', () => {
  const streamOf = (chunks: number, size: number, pulled: { n: number }) =>
    new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled.n >= chunks) return controller.close();
          pulled.n++;
          controller.enqueue(new Uint8Array(size).fill(97));
        },
      }),
    );

  it('stops reading as soon as the limit is passed', async () => {
    const pulled = { n: 0 };
    expect(await readLimited(streamOf(1000, 1024, pulled), 10 * 1024)).toBeNull();
    // 11 chunks of 1 KB pass a 10 KB limit; the other 989 are never pulled.
    expect(pulled.n).toBeLessThanOrEqual(12);
  });

  it('returns the text when it fits', async () => {
    expect(await readLimited(streamOf(3, 2, { n: 0 }), 10)).toBe('aaaaaa');
  });
});

describe('host messages while the communes are on their way', () => {
  const config = { id: 'r1', offerTypes: [], stages: [] } as unknown as RegionConfig;
  const commune = { code: '31555', name: 'Toulouse', dept: '31', population: 1, postcodes: [], epci: '', lon: 1.44, lat: 43.6 };
  const firstView = () =>
    ({
      config,
      communes: [],
      communeByCode: new Map(),
      communesReady: false,
      contours: null,
      contoursUrl: 'data/r/communes.geojson',
    }) as unknown as RegionData;

  it('answers a search once the commune list has arrived, and sends a late error for an unknown commune', () => {
    const store = createAppStore({ embedded: true });
    store.getState().setData(firstView(), []);
    const late: MapMessage[] = [];
    expect(applyHostMessage(store, null, { target: 'maillage', type: 'search', commune: '31555' }, false, (r) => late.push(r))).toBeNull();
    expect(applyHostMessage(store, null, { target: 'maillage', type: 'search', commune: '99999' }, false, (r) => late.push(r))).toBeNull();
    expect(store.getState().origin).toBeNull();
    const data = store.getState().data!;
    store.getState().completeData({ ...data, communes: [commune], communeByCode: new Map([[commune.code, commune]]), communesReady: true });
    expect(store.getState().origin).toEqual({ kind: 'commune', code: '31555' });
    expect(late).toEqual([{ source: 'maillage', type: 'error', reason: 'commune 99999 is not in this region' }]);
  });
});
