// Cell values → catalogue values: types and stages by label, dates, statuses, contacts.
import type { RegionConfig } from '../types';
import { textKey } from './text';

type Config = Pick<RegionConfig, 'offerTypes' | 'stages'>;

// Compiled once: these run on every row.
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const SLASHED_ISO_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: .*)?$/;
const FIVE_DIGITS = /^\d{5}$/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_HOST = /^[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/;
const MAILTO = /^mailto:(.*)$/i;
const NINE_DIGITS = /^[1-9]\d{8}$/;

/** Maps ids and French/English labels ("Pôle ESS", "pole_ess") to ids, by text key. */
export function labelIndex(items: ReadonlyArray<{ id: string; label: { fr: string; en: string } }>): Map<string, string> {
  const index = new Map<string, string>();
  for (const item of items) {
    for (const name of [item.id, item.label.fr, item.label.en]) index.set(textKey(name), item.id);
  }
  return index;
}

export function typeIndex(config: Config): Map<string, string> {
  return labelIndex(config.offerTypes);
}
export function stageIndex(config: Config): Map<string, string> {
  return labelIndex(config.stages);
}

/** Splits a list cell written with "|", ",", ";", "/" or "+" between items. */
export function splitLoose(cell: string): string[] {
  return cell
    .split(/[|,;/+]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export type DateReading = { kind: 'ok'; iso: string; from: 'iso' | 'french' | 'excel' } | { kind: 'bad' } | { kind: 'empty' };

/**
 * A date as spreadsheets write it: "2025-03-14", "14/03/2025", "14-03-2025", "14.03.2025",
 * "14/03/25" (20xx), or an Excel serial day number ("45730", days since 1899-12-30).
 */
export function readDate(text: string): DateReading {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  let m = ISO_DATE.exec(t);
  if (m) return checked(+m[1]!, +m[2]!, +m[3]!, 'iso');
  m = SLASHED_ISO_DATE.exec(t);
  if (m) return checked(+m[1]!, +m[2]!, +m[3]!, 'iso');
  m = FRENCH_DATE.exec(t);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    return checked(y, +m[2]!, +m[1]!, 'french');
  }
  if (FIVE_DIGITS.test(t)) {
    const serial = +t;
    if (serial >= 20_000 && serial <= 80_000) {
      const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
      return { kind: 'ok', iso: d.toISOString().slice(0, 10), from: 'excel' };
    }
  }
  return { kind: 'bad' };
}

function checked(y: number, mo: number, d: number, from: 'iso' | 'french'): DateReading {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { kind: 'bad' };
  return { kind: 'ok', iso: `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, from };
}

const VERIFIED = new Set(['verified', 'verifie', 'verifiee', 'valide', 'validee', 'ok', 'oui', 'yes', 'a jour']);
const TO_CHECK = new Set(['to check', 'to_check', 'a verifier', 'a revoir', 'non verifie', 'non verifiee', 'non', 'no', 'en attente', 'a controler']);

/** "vérifié" → verified, "à vérifier" → to_check; null when not understood. */
export function readStatus(text: string): 'verified' | 'to_check' | null {
  const key = textKey(text);
  if (key === 'to check' || text.trim().toLowerCase() === 'to_check') return 'to_check';
  if (VERIFIED.has(key)) return 'verified';
  if (TO_CHECK.has(key)) return 'to_check';
  return null;
}

/** "adresse" → address, "commune" → commune, "aucune" → none; '' stays ''; null when not understood. */
export function readPrecision(text: string): 'address' | 'commune' | 'none' | '' | null {
  const key = textKey(text);
  if (key === '') return '';
  if (key === 'address' || key === 'adresse' || key === 'exacte' || key === 'rue') return 'address';
  if (key === 'commune' || key === 'ville' || key === 'approximative') return 'commune';
  if (key === 'none' || key === 'aucune' || key === 'sans localisation') return 'none';
  return null;
}

/** "www.example.fr/x" → "https://www.example.fr/x"; other text unchanged. */
export function repairWebsite(text: string): { value: string; repaired: boolean } {
  const t = text.trim();
  if (t !== '' && !URL_SCHEME.test(t) && BARE_HOST.test(t)) {
    return { value: `https://${t}`, repaired: true };
  }
  return { value: t, repaired: false };
}

/** "mailto:a@b.fr" → "a@b.fr". */
export function repairEmail(text: string): { value: string; repaired: boolean } {
  const t = text.trim();
  const m = t === '' ? null : MAILTO.exec(t);
  return m ? { value: m[1]!.trim(), repaired: true } : { value: t, repaired: false };
}

/** A French number read as a number by a spreadsheet: "561000000" (9 digits) → "0561000000". */
export function repairPhone(text: string): { value: string; repaired: boolean } {
  const t = text.trim();
  return t !== '' && NINE_DIGITS.test(t) ? { value: `0${t}`, repaired: true } : { value: t, repaired: false };
}
