// The one text normaliser of Maillage: the place search, commune matching (catalogue,
// partner files, imports), duplicate detection, header mapping and slugs all compare
// text through these functions, so "Escornebœuf", "ESCORNEBOEUF" and "Escorneboeuf"
// meet everywhere the same way.

/** Letters that do not decompose under NFD, spelled out. */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Abbreviations of the French toponymy, expanded as whole words. */
export const SAINT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

/**
 * Lower case, no accents, ligatures spelled out (œ → oe, æ → ae, ß → ss), every run
 * of anything else than a letter or a digit (hyphens, apostrophes, dots, slashes,
 * spaces…) turned into one space, trimmed.
 * Example: foldText("L’Hospitalet-près-l'Andorre") === "l hospitalet pres l andorre".
 */
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;

export function foldText(text: string): string {
  // ASCII text (most cells and names typed): NFD, accents and ligatures cannot change it.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words of a folded text, with "st"/"ste"/"sts"/"stes" expanded to "saint"/"sainte"/… */
export function expandAbbreviations(words: readonly string[]): string[] {
  return words.map((w) => SAINT_ABBREVIATIONS[w] ?? w);
}

/**
 * Key of a place name, as typed or as written officially: foldText, then whole-word
 * abbreviations expanded.
 * Example: placeKey("Ste-Croix-Volvestre") === "sainte croix volvestre".
 */
export function placeKey(text: string): string {
  const folded = foldText(text);
  return folded ? expandAbbreviations(folded.split(' ')).join(' ') : '';
}

/**
 * foldText with hyphens for spaces: for ids, file and folder names.
 * Example: slug("Pyrénées-Orientales") === "pyrenees-orientales".
 */
export function slug(text: string): string {
  return foldText(text).replace(/ /g, '-');
}
