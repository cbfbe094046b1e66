import type { Lang } from '../domain/types';
import { messages } from './messages';

export type Params = Record<string, string | number>;

/**
 * Translate a message key, e.g. translate('fr', 'commune.inhabitants', { n: 1200 }).
 * Numbers in params are formatted for the language. A missing key falls back to
 * French, then to the key itself, so a gap shows up instead of crashing.
 */
export function translate(lang: Lang, key: string, params?: Params): string {
  const template = messages[lang][key] ?? messages.fr[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 0): string {
  const key = `${lang}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export function formatKm(lang: Lang, km: number): string {
  return `${formatNumber(lang, km, km < 10 ? 1 : 0)} km`;
}

/** Pick the initial language: URL parameter, then the browser's preference, then French. */
export function pickLanguage(urlLang: string | null, navigatorLanguages: readonly string[]): Lang {
  if (urlLang === 'fr' || urlLang === 'en') return urlLang;
  for (const tag of navigatorLanguages) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base === 'fr') return 'fr';
    if (base === 'en') return 'en';
  }
  return 'fr';
}

// One formatter per language: building one costs more than the formatting (it showed in the
// first view's profile, called once per structure with a date).
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A date (YYYY-MM-DD) in the language's long form, or the input when it is not a date. */
export function formatDate(lang: Lang, iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime())) return iso;
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(date);
}
