import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/domain/random';
import { isHttpUrl } from '../../src/domain/safe-url';

// isHttpUrl answers most texts with a pattern instead of the URL parser: it must give the
// parser's answer for every text, the catalogue's own addresses and generated ones alike.

/** The rule as the catalogue states it, through the URL parser only. */
function byParser(text: string): boolean {
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return false;
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

const PIECES = [
  'a',
  'Z',
  'é',
  '0',
  '9',
  '-',
  '.',
  '..',
  '/',
  ':',
  ':80',
  ':99999',
  '?',
  '#',
  '@',
  '%',
  '%zz',
  'xn--',
  'xn--zz',
  '[',
  ']',
  '\\',
  '_',
  '0x1f',
  '255',
  '999',
  ' ',
  'www',
  'fr',
  '*',
];

describe('isHttpUrl', () => {
  it("gives the URL parser's answer for the catalogue's addresses", () => {
    const csv = readFileSync(resolve(import.meta.dirname, '../../data/structures.csv'), 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const texts = rows.flatMap((r) => [r.website ?? '', ...(r.source ?? '').split(/\s+\|\s+/)]).filter(Boolean);
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect([text, isHttpUrl(text)]).toEqual([text, byParser(text)]);
  });

  it("gives the URL parser's answer for 50,000 generated texts, edge cases included", () => {
    const random = mulberry32(15);
    const pick = () => PIECES[Math.floor(random() * PIECES.length)]!;
    const texts = [
      'https://a.fr:99999/',
      'http://1.2.3.999',
      'http://1.2.3.4',
      'http://xn--zz.fr',
      'http://a-.fr',
      'http://a.fr\\x',
      'http://user@a.fr',
      'https://a.fr.',
      'HTTPS://WWW.A.FR/?q=1#x',
      'https://localhost',
    ];
    for (let i = 0; i < 50_000; i++) {
      let host = '';
      const parts = 1 + Math.floor(random() * 6);
      for (let p = 0; p < parts; p++) host += pick();
      texts.push(`${random() < 0.5 ? 'http' : 'https'}://${host}`);
    }
    let mismatches = 0;
    let accepted = 0;
    for (const text of texts) {
      if (isHttpUrl(text) !== byParser(text)) mismatches++;
      if (byParser(text)) accepted++;
    }
    expect(mismatches).toBe(0);
    // Both answers are exercised.
    expect(accepted).toBeGreaterThan(1_000);
    expect(texts.length - accepted).toBeGreaterThan(1_000);
  });
});
