import type { InitialState } from '../store/app-store';
import { readUrlState } from '../store/url-state';
import { pickLanguage } from '../i18n/translate';
import { parseParts } from '../domain/embed-params';

/** The initial state of one embedded map from its parameters. */
export function embedInitialState(params: URLSearchParams, navigatorLanguages: readonly string[] = []): InitialState {
  const p = new URLSearchParams(params);
  const threshold = p.get('threshold');
  if (threshold && !p.has('covkm')) p.set('covkm', threshold);
  return {
    ...(readUrlState(`?${p.toString()}`) as InitialState),
    lang: pickLanguage(p.get('lang'), navigatorLanguages),
    parts: parseParts(p.get('parts')),
    embedded: true,
    startParams: params.toString(),
  };
}
