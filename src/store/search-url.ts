import { formatFromParam, parseFromParam } from '../domain/search/origin';
import type { AppState } from './app-store';
import type { UrlCodec } from './url-state';

// Keys: from=<INSEE code> or from=<lat>,<lon> (3 decimals), parcours=1 for the
// path by stage. The stage itself is the stage filter (stages=, or its synonym
// stage=, both read by the core codec).

export const searchCodec: UrlCodec = {
  read(params) {
    const origin = parseFromParam(params.get('from'));
    const out: Record<string, unknown> = { origin, nearView: params.get('parcours') === '1' ? 'parcours' : 'list' };
    const tab = params.get('tab');
    // A link with a place opens on its results, unless it names another tab.
    if (tab === 'search' || (origin && !tab)) out.tab = 'search';
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
