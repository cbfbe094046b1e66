// Spreadsheet formula injection: neutralised on export, restored on import, losslessly.
//
// Rule (see docs/data-pipeline.md, "Importer et exporter des structures"):
// - export: a cell that starts with =, +, -, @, tab or carriage return — possibly after
//   quotes (') — gets one more leading quote, unless it is a plain number ("-0.25", "+33…"
//   digits only), which a spreadsheet reads as a number, never as a formula. The same holds
//   inside a cell after each common separator (",", ";", tab) or line end, spaces allowed
//   ("x,=cmd" → "x,'=cmd"): a spreadsheet that splits the file on another separator than
//   ours would otherwise start a cell there;
// - import: a cell made of one or more quotes followed by one of those characters loses
//   one leading quote, and so does each such piece after a separator or line end.
// Import(export(v)) === v for every string v, so a round trip changes nothing.
// https://owasp.org/www-community/attacks/CSV_Injection

const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:e[+-]?\d+)?$/i;
const SEPARATOR = /[,;\t\r\n]/;
/** A piece after a separator: the separator, spaces, then the piece up to the next separator. */
const INNER = /([,;\t\r\n])( *)('*[=+\-@][^,;\t\r\n]*)/g;
const INNER_NEUTRALISED = /([,;\t\r\n])( *)'('*[=+\-@])/g;
/** Whether a cell holds a formula-like piece after a separator (such a cell is always quoted). */
export const FORMULA_AFTER_SEPARATOR = /[,;\t\r\n] *'*[=+\-@]/;

/**
 * @example neutraliseCell('=HYPERLINK("x")') === `'=HYPERLINK("x")'`; neutraliseCell('-1.5') === '-1.5';
 * neutraliseCell('x,=cmd,fin') === "x,'=cmd,fin"
 */
export function neutraliseCell(value: string): string {
  const inner = SEPARATOR.test(value)
    ? value.replace(INNER, (piece, sep: string, spaces: string, rest: string) => (PLAIN_NUMBER.test(rest) ? piece : `${sep}${spaces}'${rest}`))
    : value;
  return NEEDS_QUOTE.test(value) && !PLAIN_NUMBER.test(value) ? `'${inner}` : inner;
}

/** The inverse of neutraliseCell. @example restoreCell(`'=1+2`) === '=1+2' */
export function restoreCell(value: string): string {
  const out = NEUTRALISED.test(value) ? value.slice(1) : value;
  return out.includes("'") && SEPARATOR.test(out) ? out.replace(INNER_NEUTRALISED, '$1$2$3') : out;
}
