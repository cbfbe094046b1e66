// Text normalisation for the place search: what a person types and what the
// official name says must meet half-way. "ST-GAUDENS", "saint gaudens" and
// "Saint-Gaudens" all become "saint gaudens". The folding itself is the app's one
// normaliser (src/domain/text/normalise.ts); this adds the search's own forms.
import { expandAbbreviations, foldText, SAINT_ABBREVIATIONS } from '../text/normalise';

/** La Poste's form of a leading article: "BASTIDE-PUYLAURENT (LA)", "AIGUILLON (L)". */
const TRAILING_ARTICLE = /^(.*\S)\s*\((l|la|le|les)\)\s*$/i;

/**
 * The app's one folding (src/domain/text/normalise.ts: lower case, no accents or ligatures,
 * punctuation as single spaces), after putting back in front an article that La Poste
 * writes in parentheses at the end.
 * Example: normalizeBasic("BASTIDE-PUYLAURENT (LA)") === "la bastide puylaurent".
 */
export function normalizeBasic(text: string): string {
  const article = TRAILING_ARTICLE.exec(text);
  return foldText(article ? `${article[2]} ${article[1]}` : text);
}

/** Words of a normalised text, with "st"/"ste" expanded to "saint"/"sainte". */
export const expandWords = expandAbbreviations;

/**
 * The searchable form of a name or a query: normalizeBasic, then whole-word
 * abbreviations expanded.
 * Example: normalizeName("Ste-Croix-Volvestre") === "sainte croix volvestre".
 */
export function normalizeName(text: string): string {
  const basic = normalizeBasic(text);
  return basic ? expandWords(basic.split(' ')).join(' ') : '';
}

/** The name without spaces, so "lherm" finds "L'Herm" and "saintgaudens" finds "Saint-Gaudens". */
export function compact(normalized: string): string {
  return normalized.replace(/ /g, '');
}

/**
 * The forms under which a query is looked up. The last word may still be
 * being typed: "st" is both the start of "Stade…" and the abbreviation of
 * "saint", so both spellings are tried.
 * Example: queryVariants("St") → ["saint", "st"].
 */
export function queryVariants(query: string): string[] {
  const basic = normalizeBasic(query);
  if (!basic) return [];
  const words = basic.split(' ');
  const expanded = expandWords(words);
  const variants = [expanded.join(' ')];
  const last = words[words.length - 1]!;
  if (SAINT_ABBREVIATIONS[last]) variants.push([...expanded.slice(0, -1), last].join(' '));
  return variants;
}
