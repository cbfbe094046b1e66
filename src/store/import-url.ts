import type { UrlCodec } from './url-state';

/** The "à revoir" list's département filter: `?revoir=31`. */
export const importCodec: UrlCodec = {
  read(params) {
    const d = params.get('revoir');
    return d && /^(?:\d{2,3}|2[AB])$/.test(d) ? { reviewDept: d } : {};
  },
  write(state, params) {
    if (state.reviewDept) params.set('revoir', state.reviewDept);
  },
};
