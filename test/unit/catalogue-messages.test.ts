import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogueCsv, validateStructures, type CatalogueContext } from '../../src/domain/catalogue/index.ts';
import { CATALOGUE_MESSAGES, issueMessage, joinList, type CatalogueCode } from '../../src/domain/catalogue/messages.ts';
import { readPartnerStructures } from '../../src/domain/partner-structures.ts';
import { translate } from '../../src/i18n/translate.ts';
import { issueText } from '../../src/ui/issue-text.ts';
import type { Commune, Issue, RegionConfig } from '../../src/domain/types.ts';
import { HEADER, row } from '../fixtures/catalogue/rows';

const root = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const config = JSON.parse(read('data/regions/occitanie.json')) as RegionConfig;
const communes = JSON.parse(read('test/fixtures/catalogue/communes.json')) as Commune[];
const ctx: CatalogueContext = { config, communes: new Map(communes.map((c) => [c.code, c])) };

/** Codes passed to err/warn/catalogueIssue in a source file, read from its text. */
function codesUsedIn(path: string): string[] {
  const text = read(path);
  return [...new Set([...text.matchAll(/'((?:catalogue|partner)\.\w+)'/g)].map((m) => m[1]!))];
}
const SOURCES = ['src/domain/catalogue/validate.ts', 'src/domain/catalogue/parse.ts', 'src/domain/catalogue/correction.ts'];

function issuesOf(...rows: string[]): Issue[] {
  return validateStructures(parseCatalogueCsv(`${HEADER}\n${rows.join('\n')}\n`).rows, ctx).issues;
}
const french = (issues: Issue[], field: string) => issues.filter((i) => i.field === field).map((i) => issueMessage(i, 'fr'));

describe('catalogue issue messages', () => {
  it('every code the validator, the parser and the correction form emit has a French and an English text', () => {
    const used = SOURCES.flatMap(codesUsedIn);
    expect(codesUsedIn('src/domain/catalogue/validate.ts').length).toBeGreaterThanOrEqual(30);
    for (const code of used) {
      const entry = (CATALOGUE_MESSAGES as Record<string, { fr: unknown; en: unknown } | undefined>)[code];
      expect(entry, code).toBeDefined();
      expect(typeof entry?.fr, code).toBe('function');
      expect(typeof entry?.en, code).toBe('function');
    }
    // And no entry is left over without a user.
    expect(Object.keys(CATALOGUE_MESSAGES).sort()).toEqual([...used].sort());
  });

  it('the French text differs from the English one for every code', () => {
    const params = { value: 'v', first: 2, expected: joinList(['a', 'b']), line: 3, n: 4, m: 5, columns: joinList(['c']), detail: 'd' };
    for (const code of Object.keys(CATALOGUE_MESSAGES) as CatalogueCode[]) {
      const { fr, en } = CATALOGUE_MESSAGES[code];
      expect(fr(params), code).not.toBe(en(params));
      expect(fr(params), code).not.toMatch(/undefined/);
    }
  });

  it('issueMessage gives the French text of a coded issue, the English message otherwise', () => {
    const [issue] = issuesOf(row({ type: 'Zzz' }));
    expect(issue?.code).toBe('catalogue.unknownType');
    expect(issueMessage(issue!, 'en')).toBe(issue!.message);
    expect(issueMessage({ severity: 'error', message: 'Plain text.' }, 'fr')).toBe('Plain text.');
    expect(issueMessage({ severity: 'error', message: 'Plain text.', code: 'import.somethingElse' }, 'fr')).toBe('Plain text.');
  });

  it('keeps the English message the command-line build prints', () => {
    const issues = issuesOf(row({ commune: '9122' }));
    expect(issues.map((i) => i.message)).toEqual(['Commune "9122" has 4 digits: INSEE codes have 5 (leading zero lost by a spreadsheet? "09122").']);
  });

  it('an unknown type, in French, names the value and the region’s types', () => {
    const types = config.offerTypes.map((t) => t.id).join(', ');
    expect(french(issuesOf(row({ type: 'Pépinière' })), 'type')).toEqual([`Type « Pépinière » inconnu ; valeurs possibles : ${types}.`]);
  });

  it('a duplicate id, in French, names the line where the id first appears', () => {
    const issues = issuesOf(row({ id: 'a' }), row({ id: 'b' }), row({ id: 'a' }));
    expect(issues.filter((i) => i.field === 'id').map((i) => [i.line, issueMessage(i, 'fr')])).toEqual([
      [4, 'Identifiant « a » en double (déjà utilisé ligne 2).'],
    ]);
  });

  it('a 4-digit commune, in French, suggests the code with its leading zero', () => {
    expect(french(issuesOf(row({ commune: '9122' })), 'commune')).toEqual([
      'Commune « 9122 » : 4 chiffres, un code INSEE en a 5 (zéro initial perdu par un tableur ? « 09122 »).',
    ]);
  });

  it('lists in params are joined in each language (a commune typed by name)', () => {
    const [issue] = issuesOf(row({ commune: 'Toulouse' }));
    expect(issue && issueMessage(issue, 'en')).toBe('Commune must be a 5-character INSEE code, got "Toulouse". "Toulouse" is 31555 (31).');
    expect(issue && issueMessage(issue, 'fr')).toBe(
      'Commune « Toulouse » : un code INSEE à 5 caractères est attendu, pas un nom. Code de « Toulouse » : 31555 (31).',
    );
  });

  it('a partner’s JSON that is not GeoJSON is reported in French, in the Import tab’s words', () => {
    const { issues } = readPartnerStructures('{"type": "Polygon"}', 'https://a.example/s.json', ctx);
    const t = (key: string, params?: Record<string, string | number>) => translate('fr', key, params);
    expect(issues.map((i) => issueText(t, 'fr', i))).toEqual(['c’est du JSON mais pas du GeoJSON (FeatureCollection attendue).']);
  });

  it('header problems of a CSV are reported in French', () => {
    const { issues } = parseCatalogueCsv('id,name,nom_inconnu\n');
    expect(issues.map((i) => issueMessage(i, 'fr'))).toEqual([
      'Colonne(s) obligatoire(s) absente(s) : type, source, updated, status. En-tête attendu : ' + HEADER + '.',
      expect.stringMatching(/^Colonne\(s\) absente\(s\), lue\(s\) comme vide\(s\) : stages, /),
      'Colonne(s) inconnue(s) ignorée(s) : nom_inconnu.',
    ]);
  });
});
