import { formatSims, parseSims } from '../domain/coverage/sim';
import type { AppState } from './app-store';
import { DEFAULT_COVERAGE, THRESHOLD_MAX_KM, THRESHOLD_MIN_KM, type CoverageSettings } from './coverage-slice';
import type { UrlCodec } from './url-state';
import { writeTypeList } from '../domain/offer-types';

// Keys: tab=coverage, covkm=30, covtypes=a,b, covstages=a,b, covzones=1,
// covclasses=1, covby=epci, sim=lon,lat,type;… (4 decimals).

const ids = (value: string | null): string[] =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => /^[\w-]+$/.test(v))
    : [];

export const coverageCodec: UrlCodec = {
  read(params) {
    const km = Number(params.get('covkm'));
    const coverage: CoverageSettings = {
      ...DEFAULT_COVERAGE,
      thresholdKm: params.has('covkm') && Number.isFinite(km) && km >= THRESHOLD_MIN_KM && km <= THRESHOLD_MAX_KM ? Math.round(km) : null,
      types: params.has('covtypes') ? ids(params.get('covtypes')) : null,
      stages: ids(params.get('covstages')),
      reading: params.get('covzones') === '1' ? 'zones' : 'site',
      classes: params.get('covclasses') === '1',
      groupBy: params.get('covby') === 'epci' ? 'epci' : 'dept',
      // Unknown types are checked against the region once it is loaded (the panel says so).
      sims: parseSims(params.get('sim')).sites,
    };
    return params.get('tab') === 'coverage' ? { coverage, tab: 'coverage' } : { coverage };
  },
  write(state: AppState, params) {
    if (state.tab === 'coverage') params.set('tab', 'coverage');
    const c = state.coverage;
    if (c.thresholdKm !== null) params.set('covkm', String(c.thresholdKm));
    if (c.types) params.set('covtypes', writeTypeList(c.types, state.data?.config ?? {}).join(','));
    if (c.stages.length) params.set('covstages', c.stages.join(','));
    if (c.reading === 'zones') params.set('covzones', '1');
    if (c.classes) params.set('covclasses', '1');
    if (c.groupBy === 'epci') params.set('covby', 'epci');
    if (c.sims.length) params.set('sim', formatSims(c.sims));
  },
};
