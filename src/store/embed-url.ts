import { readScope, writeScope } from '../domain/embed-scope';
import type { AppState } from './app-store';
import type { UrlCodec } from './url-state';

// Keys: epci=<SIREN>, commune=<INSEE>, around=<INSEE or lat,lon>, radius=<km>,
// data=<URL of a partner's structures file>. Shared by the app and the embeds.

/** A partner file URL: absolute http(s) only (a relative one would be read against whichever page shows the map). */
export function partnerFileUrl(value: string): string | null {
  if (value.length > 2000) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export const embedCodec: UrlCodec = {
  read(params) {
    // Kept as written: the loader says why an unusable value is refused (src/store/partner-data.ts).
    const data = params.get('data')?.trim();
    return { scope: readScope(params), dataUrl: data ? data.slice(0, 2000) : null };
  },
  write(state: AppState, params) {
    writeScope(state.scope, params);
    if (state.dataUrl) params.set('data', state.dataUrl);
  },
};
