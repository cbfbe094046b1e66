import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findHardCodedStrings } from '../../scripts/lib/i18n-scan';

const ROOT = resolve(import.meta.dirname, '../..');
// The app's components, and the embed's (the same readers see them on partner sites).
const DIRS = [join(ROOT, 'src/ui'), join(ROOT, 'src/embed')];

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

describe('the hard-coded string scanner', () => {
  it('flags JSX text, literal children and readable attributes with letters', () => {
    const found = findHardCodedStrings(`
      export const A = () => (
        <section aria-label="Résultats" title={'Aide'} className="not read" data-x="ignored">
          Bonjour
          {'Salut'}
          {\`\${n} km\`}
          <img alt="" />
          <input placeholder={\`Rechercher\`} />
        </section>
      );`);
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['attribute', 'aria-label="Résultats"'],
      ['attribute', 'title="Aide"'],
      ['text', 'Bonjour'],
      ['expression', 'Salut'],
      ['expression', 'km'],
      ['attribute', 'placeholder="Rechercher"'],
    ]);
  });

  it('accepts translated text, punctuation, symbols, data values and marked exceptions', () => {
    const found = findHardCodedStrings(`
      export const B = ({ t, s }) => (
        <p aria-label={t('x')} title={s.name}>
          ← {t('card.back')} · {s.name} — {' · '} ◎ {s.count}
          <abbr>EPCI</abbr>
          <abbr>SIREN</abbr>{/* i18n-ignore: an acronym that reads the same in both languages */}
        </p>
      );`);
    expect(found).toEqual([{ line: 5, kind: 'text', text: 'EPCI' }]);
  });
});

describe('components of src/ui and src/embed', () => {
  const files = DIRS.flatMap(tsxFiles).sort();
  it('exist', () => expect(files.length).toBeGreaterThan(5));
  for (const file of files) {
    it(`${relative(ROOT, file)} has no hard-coded user-facing string`, () => {
      const found = findHardCodedStrings(readFileSync(file, 'utf8'), file).map((f) => `line ${f.line} (${f.kind}): ${f.text}`);
      expect(found).toEqual([]);
    });
  }
});
