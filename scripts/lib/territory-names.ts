// The other names a commune is searched under: the names of the former
// communes merged into it, and its La Poste forms when they cannot be derived
// from its name. Pure: the build hands it the package data it already loaded.
import { normalizeName } from '../../src/domain/search/normalize.ts';
import type { EtalabCommune } from './territory-etalab.ts';

/** One row of the `codes-postaux` package (La Poste's delivery names per commune and postcode). */
export interface PostalRow {
  codePostal: string;
  codeCommune: string;
  nomCommune: string;
  libelleAcheminement: string;
}

export interface OtherNames {
  /** Names of former communes now part of this one ("Saint-Blancard" for Cap d'Astarac). */
  former: string[];
  /** La Poste forms that the search would not find from the name ("FLEURY D AUDE" for Fleury). */
  laPoste: string[];
}

export interface OtherNamesInput {
  /** Current communes of the region. */
  communes: readonly EtalabCommune[];
  /** Every entry of the etalab package: its communes déléguées and associées name former communes. */
  etalab: readonly EtalabCommune[];
  /** 2018 contours (code, name) and the current commune each was joined to: names of communes merged since. */
  contours: ReadonlyArray<{ code: string; nom: string }>;
  target: ReadonlyMap<string, string>;
  /** La Poste rows, or none when the package is not given (test fixtures). */
  postal: readonly PostalRow[];
}

/**
 * Former names and La Poste forms per current commune code, only for communes
 * that have some. A form is kept only when searching the name would miss it
 * (not equal to, nor a beginning of, the normalised name or another kept form,
 * with or without spaces),
 * and a La Poste form is left out when it is the name of another commune of
 * the region: it then names the delivery office, not this commune.
 * Example: otherNames(...).get("32365") → { former: ["Saint-Blancard", …], laPoste: [] }.
 */
export function otherNames(input: OtherNamesInput): Map<string, OtherNames> {
  const inRegion = new Map(input.communes.map((c) => [c.code, c]));
  const regionNames = new Set(input.communes.map((c) => normalizeName(c.nom)));
  const former = new Map<string, string[]>();
  const add = (code: string, name: string): void => {
    if (!inRegion.has(code)) return;
    const list = former.get(code) ?? [];
    list.push(name);
    former.set(code, list);
  };
  for (const e of input.etalab) {
    if ((e.type === 'commune-deleguee' || e.type === 'commune-associee') && e.chefLieu) add(e.chefLieu, e.nom);
  }
  for (const c of input.contours) {
    const to = input.target.get(c.code);
    if (to && to !== c.code) add(to, c.nom);
  }
  const laPoste = new Map<string, string[]>();
  for (const row of input.postal) {
    if (!inRegion.has(row.codeCommune)) continue;
    const list = laPoste.get(row.codeCommune) ?? [];
    list.push(row.libelleAcheminement, row.nomCommune);
    laPoste.set(row.codeCommune, list);
  }

  const out = new Map<string, OtherNames>();
  for (const c of input.communes) {
    const known = [normalizeName(c.nom)];
    // The search also finds a name without its spaces ("LAREDORTE" for La Redorte) and by its beginning.
    const missed = (name: string): boolean => {
      const form = normalizeName(name);
      const joined = form.replace(/ /g, '');
      if (!form || known.some((k) => k === form || k.startsWith(`${form} `) || k.replace(/ /g, '') === joined)) return false;
      known.push(form);
      return true;
    };
    const f = sortUnique(former.get(c.code) ?? []).filter(missed);
    const p = sortUnique(laPoste.get(c.code) ?? []).filter((name) => !regionNames.has(normalizeName(name)) && missed(name));
    if (f.length > 0 || p.length > 0) out.set(c.code, { former: f, laPoste: p });
  }
  return out;
}

function sortUnique(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}
