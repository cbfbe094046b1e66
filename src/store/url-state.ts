import type { AppState, InitialState, MapView } from './app-store';
import { searchCodec } from './search-url';
import { embedCodec } from './embed-url';
import { coverageCodec } from './coverage-url';
import { importCodec } from './import-url';
import { writeTypeList } from '../domain/offer-types';

/**
 * One codec per concern: how it reads its keys from the query string and
 * writes them back. Features register their own codec in `urlCodecs`, so the
 * whole view lives in the URL without one function knowing every key.
 */
export interface UrlCodec {
  read(params: URLSearchParams): Record<string, unknown>;
  write(state: AppState, params: URLSearchParams): void;
}

const list = (value: string | null): string[] =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => /^[\w-]+$/.test(v))
    : [];

export function parseView(value: string | null): MapView | null {
  if (!value) return null;
  const [zoom, lat, lon] = value.split('/').map(Number);
  if (![zoom, lat, lon].every((n) => Number.isFinite(n))) return null;
  if (Math.abs(lat!) > 90 || Math.abs(lon!) > 180 || zoom! < 0 || zoom! > 22) return null;
  return { zoom: zoom!, lat: lat!, lon: lon! };
}

export function formatView(view: MapView): string {
  return `${view.zoom.toFixed(2)}/${view.lat.toFixed(4)}/${view.lon.toFixed(4)}`;
}

const coreCodec: UrlCodec = {
  read(params) {
    const out: InitialState = {};
    const region = params.get('region');
    if (region && /^[a-z0-9-]+$/.test(region)) out.regionId = region;
    const lang = params.get('lang');
    if (lang === 'fr' || lang === 'en') out.lang = lang;
    const types = params.has('types') ? list(params.get('types')) : null;
    const dept = params.get('dept');
    out.filter = {
      types,
      // `stage=<id>` is accepted as a synonym in hand-written links ("?from=48095&stage=creation").
      stages: list(params.get('stages') ?? params.get('stage')),
      dept: dept && /^[0-9][0-9AB]$/.test(dept) ? dept : null,
      showClosed: params.get('closed') === '1',
      verifiedOnly: params.get('verified') === '1',
    };
    if (params.get('tab') === 'catalogue') out.tab = 'catalogue';
    const sel = params.get('sel');
    if (sel && /^[\w-]+$/.test(sel)) out.selectedId = sel;
    const view = parseView(params.get('map'));
    if (view) out.view = view;
    return out;
  },
  write(state, params) {
    if (state.regionId !== 'occitanie') params.set('region', state.regionId);
    if (state.lang !== 'fr') params.set('lang', state.lang);
    if (state.filter.types) params.set('types', writeTypeList(state.filter.types, state.data?.config ?? {}).join(','));
    if (state.filter.showClosed) params.set('closed', '1');
    if (state.filter.verifiedOnly) params.set('verified', '1');
    if (state.filter.stages.length) params.set('stages', state.filter.stages.join(','));
    if (state.filter.dept) params.set('dept', state.filter.dept);
    if (state.selectedId) params.set('sel', state.selectedId);
    if (state.tab === 'catalogue') params.set('tab', 'catalogue');
    if (state.view) params.set('map', formatView(state.view));
  },
};

export const urlCodecs: UrlCodec[] = [coreCodec, coverageCodec, searchCodec, importCodec, embedCodec];

export function readUrlState(search: string): Record<string, unknown> {
  const params = new URLSearchParams(search);
  return Object.assign({}, ...urlCodecs.map((c) => c.read(params)));
}

export function writeUrlState(state: AppState): string {
  const params = new URLSearchParams();
  for (const codec of urlCodecs) codec.write(state, params);
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3B/g, ';');
  return text ? `?${text}` : '';
}
