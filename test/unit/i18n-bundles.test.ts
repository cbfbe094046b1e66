import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { messages } from '../../src/i18n/messages';
import { formatDate, formatKm, formatNumber, pickLanguage, translate } from '../../src/i18n/translate';

type Bundle = { fr: Record<string, string>; en: Record<string, string> };
const DIR = resolve(import.meta.dirname, '../../src/i18n/messages');
const files = readdirSync(DIR)
  .filter((f) => /\.ts$/.test(f) && f !== 'index.ts')
  .sort();

/** Every exported {fr, en} object of every message file. */
async function loadBundles(): Promise<Array<{ name: string; bundle: Bundle }>> {
  const out: Array<{ name: string; bundle: Bundle }> = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(resolve(DIR, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (value && typeof value === 'object' && 'fr' in value && 'en' in value) out.push({ name: `${file}:${name}`, bundle: value as Bundle });
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message bundles', async () => {
  const bundles = await loadBundles();

  it('every message file exports a bundle', () => {
    const withBundle = new Set(bundles.map((b) => b.name.split(':')[0]));
    expect(files.filter((f) => !withBundle.has(f))).toEqual([]);
  });

  for (const { name, bundle } of bundles) {
    it(`${name}: same keys in French and English, none empty, same placeholders`, () => {
      const fr = Object.keys(bundle.fr).sort();
      const en = Object.keys(bundle.en).sort();
      expect(
        fr.filter((k) => !(k in bundle.en)),
        'missing in English',
      ).toEqual([]);
      expect(
        en.filter((k) => !(k in bundle.fr)),
        'missing in French',
      ).toEqual([]);
      const empty = [...fr.filter((k) => !bundle.fr[k]!.trim()), ...en.filter((k) => !bundle.en[k]!.trim())];
      expect(empty, 'empty messages').toEqual([]);
      const mismatched = fr.filter((k) => k in bundle.en && placeholders(bundle.fr[k]!).join() !== placeholders(bundle.en[k]!).join());
      expect(mismatched, 'placeholders differ').toEqual([]);
    });

    it(`${name}: registered in src/i18n/messages/index.ts`, () => {
      const missing = Object.keys(bundle.fr).filter((k) => messages.fr[k] !== bundle.fr[k] || messages.en[k] !== bundle.en[k]);
      expect(missing).toEqual([]);
    });
  }

  it('no key is defined by two bundles (the later one would silently win)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const { name, bundle } of bundles) {
      for (const key of Object.keys(bundle.fr)) {
        const first = owner.get(key);
        if (first && first !== name) clashes.push(`${key} (${first}, ${name})`);
        else owner.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('formatting follows the language (Intl)', () => {
  it('numbers, distances and dates', () => {
    // fr-FR groups with a narrow no-break space and uses a decimal comma.
    expect(formatNumber('fr', 1234567)).toBe('1\u202f234\u202f567');
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    expect(formatKm('fr', 2.35)).toBe('2,4 km');
    expect(formatKm('en', 2.35)).toBe('2.4 km');
    expect(formatDate('fr', '2025-03-01')).toBe('1 mars 2025');
    expect(formatDate('en', '2025-03-01')).toBe('1 March 2025');
    expect(translate('fr', 'legend.count', { n: 1500 })).toBe('1\u202f500 sites');
  });

  it('language: URL parameter, then browser languages, then French', () => {
    expect(pickLanguage('en', ['fr-FR'])).toBe('en');
    expect(pickLanguage(null, ['de-DE', 'en-US', 'fr'])).toBe('en');
    expect(pickLanguage('xx', ['de-DE'])).toBe('fr');
    expect(pickLanguage(null, [])).toBe('fr');
  });
});
