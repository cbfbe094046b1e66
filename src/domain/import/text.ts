// Text keys for matching what people type in spreadsheets against reference names,
// on the app's one normaliser (src/domain/text/normalise.ts).
import { foldText, placeKey, slug } from '../text/normalise';

/**
 * Key of a header or a place name: no accents, no case, punctuation as single spaces.
 * @example textKey("Code_Postal ") === "code postal"; textKey("Tél.") === "tel"
 */
export function textKey(text: string): string {
  return foldText(text);
}

/**
 * Key of a commune name as written by hand: "St-Girons", "SAINT GIRONS", "Saint-Girons"
 * and "Toulouse Cedex 9" → "toulouse"; "Isle-Jourdain (L')" → "l isle jourdain".
 */
export function communeKey(name: string): string {
  let text = name.trim();
  // "Isle-Jourdain (L')", "Cabanial (Le)": article moved to the end by some registers.
  const article = /^(.*?)\s*\((l'|l’|le|la|les)\)$/i.exec(text);
  if (article) text = `${article[2]} ${article[1]}`;
  return placeKey(foldText(text).replace(/\bcedex(?: \d+)?$/, ''));
}

/**
 * A slug usable as a catalogue id (lower-case letters, digits, single hyphens), at most
 * `max` characters, cut at a hyphen when possible.
 * @example slugify("Pôle ESS – Tarn (81)") === "pole-ess-tarn-81"
 */
export function slugify(text: string, max = 60): string {
  const full = slug(text);
  if (full.length <= max) return full;
  const cut = full.slice(0, max);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : cut).replace(/-+$/, '');
}
