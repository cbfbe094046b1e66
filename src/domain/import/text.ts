// Text keys for matching what people type in spreadsheets against reference names.

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Key of a header or a place name: no accents, no case, punctuation as single spaces.
 * @example textKey("Code_Postal ") === "code postal"; textKey("Tél.") === "tel"
 */
export function textKey(text: string): string {
  if (text === '') return '';
  // ASCII text (most cells): NFD, accents and ligatures cannot change it, only case and punctuation do.
  if (ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
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
  return textKey(text)
    .replace(/\bcedex(?: \d+)?$/, '')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A slug usable as a catalogue id (lower-case letters, digits, single hyphens), at most
 * `max` characters, cut at a hyphen when possible.
 * @example slugify("Pôle ESS – Tarn (81)") === "pole-ess-tarn-81"
 */
export function slugify(text: string, max = 60): string {
  const slug = textKey(text).replace(/ /g, '-');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : cut).replace(/-+$/, '');
}
