// Spreadsheet formula injection: neutralised on export, restored on import, losslessly.
//
// Rule (see README "Importer et exporter des structures"):
// - export: a cell that starts with =, +, -, @, tab or carriage return — possibly after
//   quotes (') — gets one more leading quote, unless it is a plain number ("-0.25", "+33…"
//   digits only), which a spreadsheet reads as a number, never as a formula;
// - import: a cell made of one or more quotes followed by one of those characters loses
//   one leading quote.
// Import(export(v)) === v for every string v, so a round trip changes nothing.
// https://owasp.org/www-community/attacks/CSV_Injection

const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:e[+-]?\d+)?$/i;

/** @example neutraliseCell('=HYPERLINK("x")') === `'=HYPERLINK("x")'`; neutraliseCell('-1.5') === '-1.5' */
export function neutraliseCell(value: string): string {
  return NEEDS_QUOTE.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The inverse of neutraliseCell. @example restoreCell(`'=1+2`) === '=1+2' */
export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
