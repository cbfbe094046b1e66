// Text normalisation for the place search: what a person types and what the
// official name says must meet half-way. "ST-GAUDENS", "saint gaudens" and
// "Saint-Gaudens" all become "saint gaudens".

/** Abbreviations of the French toponymy, expanded as whole words. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

/** La Poste's form of a leading article: "BASTIDE-PUYLAURENT (LA)", "AIGUILLON (L)". */
const TRAILING_ARTICLE = /^(.*\S)\s*\((l|la|le|les)\)\s*$/i;

/**
 * Lower case, no accents or ligatures, every run of punctuation (hyphens,
 * apostrophes, dots, slashes…) and whitespace turned into one space, trimmed;
 * an article in parentheses at the end, as La Poste writes it, goes back in front.
 * Example: normalizeBasic("L’Hospitalet-près-l'Andorre") === "l hospitalet pres l andorre".
 * Example: normalizeBasic("BASTIDE-PUYLAURENT (LA)") === "la bastide puylaurent".
 */
export function normalizeBasic(text: string): string {
  const article = TRAILING_ARTICLE.exec(text);
  if (article) text = `${article[2]} ${article[1]}`;
  return (
    text
      .toLowerCase()
      // œ and æ do not decompose under NFD: spell them out ("Escornebœuf").
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  );
}

/** Words of a normalised text, with "st"/"ste" expanded to "saint"/"sainte". */
export function expandWords(words: readonly string[]): string[] {
  return words.map((w) => ABBREVIATIONS[w] ?? w);
}

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
  if (ABBREVIATIONS[last]) variants.push([...expanded.slice(0, -1), last].join(' '));
  return variants;
}
