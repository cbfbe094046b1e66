// Codes that spreadsheets turn into numbers: INSEE codes, postcodes, département codes.

export type CodeRepair = { value: string; repaired: boolean };

// Compiled once: these run on every row.
const INSEE_NUMBER = /^(\d{4,5})(?:[.,]0+)?$/;
const CORSICA = /^2[ab]\d{3}$/i;
const SPACES = /[\s\u00a0]/g;
const ZERO_DECIMALS = /[.,]0+$/;
const FOUR_DIGITS = /^\d{4}$/;
const FIVE_DIGITS = /^\d{5}$/;
const ONE_DIGIT = /^\d$/;
const DEPT_CODE = /^(?:\d{2,3}|2[AB])$/i;

/**
 * An INSEE commune code, repaired when a spreadsheet read it as a number:
 * "9122" → "09122", "9122.0" → "09122", "2a004" → "2A004".
 */
export function repairInsee(text: string): CodeRepair {
  const t = text.trim();
  if (t === '') return { value: t, repaired: false };
  const m = INSEE_NUMBER.exec(t);
  if (m) return m[1]!.length === 4 ? { value: `0${m[1]}`, repaired: true } : { value: m[1]!, repaired: m[1] !== t };
  if (CORSICA.test(t)) return { value: t.toUpperCase(), repaired: t !== t.toUpperCase() };
  return { value: t, repaired: false };
}

/** A postcode: "9000" → "09000", "31 000" → "31000". */
export function repairPostcode(text: string): CodeRepair {
  const t = text.trim();
  if (t === '') return { value: t, repaired: false };
  const compact = t.replace(SPACES, '').replace(ZERO_DECIMALS, '');
  if (FOUR_DIGITS.test(compact)) return { value: `0${compact}`, repaired: true };
  if (FIVE_DIGITS.test(compact)) return { value: compact, repaired: compact !== t };
  return { value: t, repaired: false };
}

/** A département code: "9" → "09", "2a" → "2A"; other text is returned as is. */
export function repairDept(text: string): CodeRepair {
  const t = text.trim();
  if (ONE_DIGIT.test(t)) return { value: `0${t}`, repaired: true };
  if (DEPT_CODE.test(t)) return { value: t.toUpperCase(), repaired: false };
  return { value: t, repaired: false };
}
