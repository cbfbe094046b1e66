import { formatFromParam, parseFromParam } from '../domain/search/origin';
import type { AppState } from './app-store';
import type { UrlCodec } from './url-state';

// Keys: from=<INSEE code> or from=<lat>,<lon> (3 decimals), parcours=1 for the
// path by stage. The stage itself is the stage filter (stages=, written by the
// core codec); stage=<id> is accepted as a synonym in links.

const STAGE_ID = /^[\w-]+$/;

export const searchCodec: UrlCodec = {
  read(params) {
    const origin = parseFromParam(params.get('from'));
    const out: Record<string, unknown> = { origin, nearView: params.get('parcours') === '1' ? 'parcours' : 'list' };
    const tab = params.get('tab');
    // A link with a place opens on its results, unless it names another tab.
    if (tab === 'search' || (origin && !tab)) out.tab = 'search';
    const stage = params.get('stage');
    if (stage && STAGE_ID.test(stage) && !params.has('stages')) {
      const types = params.has('types') ? (params.get('types') ?? '').split(',').filter((v) => STAGE_ID.test(v)) : null;
      const dept = params.get('dept');
      out.filter = { types, stages: [stage], dept: dept && /^[0-9][0-9AB]$/.test(dept) ? dept : null };
    }
    return out;
  },
  write(state: AppState, params) {
    if (state.origin) params.set('from', formatFromParam(state.origin));
    if (state.nearView === 'parcours') params.set('parcours', '1');
    if (state.tab === 'search' && !state.origin) params.set('tab', 'search');
    // With a place, the results tab is implied: say so only when another tab is shown.
    if (state.origin && state.tab === 'list') params.set('tab', 'list');
  },
};
