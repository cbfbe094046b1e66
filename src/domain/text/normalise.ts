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
export function foldText(text: string): string {
  return fold(text, ' ');
}

/** The definition of foldText, before trimming: each step on the whole text. */
function foldSteps(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
}

/**
 * Code units below this one fold one at a time exactly as in a text: lower-casing is
 * context-free there (Greek final sigma lies above), and decomposing a letter and dropping
 * its accents never looks at its neighbours.
 */
const TABLE_END = 0x370;
/** foldSteps of each code unit below TABLE_END: letters and digits, with spaces where a separator falls. */
const FOLDED: readonly string[] = Array.from({ length: TABLE_END }, (_, c) => foldSteps(String.fromCharCode(c)));

/**
 * foldText with `sep` between words, in one pass over the text through FOLDED (a text with a
 * code unit beyond it takes the steps on the whole text): a file names thousands of
 * structures, and this is most of what reading their ids costs.
 */
function fold(text: string, sep: string): string {
  let out = '';
  let gap = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      // A run of lower-case letters and digits stays as written.
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (!((d >= 97 && d <= 122) || (d >= 48 && d <= 57))) break;
      }
      if (i === 0 && j === n) return text;
      if (gap && out !== '') out += sep;
      gap = false;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (c >= TABLE_END) {
      const folded = foldSteps(text).trim();
      return sep === ' ' ? folded : folded.replace(/ /g, sep);
    }
    const piece = FOLDED[c]!;
    for (let k = 0; k < piece.length; k++) {
      const ch = piece[k]!;
      if (ch === ' ') gap = true;
      else {
        if (gap && out !== '') out += sep;
        gap = false;
        out += ch;
      }
    }
    i++;
  }
  return out;
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
  return fold(text, '-');
}
