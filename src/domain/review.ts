// The "à revoir" list: records a referent should check again.
import type { Structure } from './types';

export type ReviewReason = 'to_check' | 'stale' | 'no_date';

export interface ReviewItem {
  structure: Structure;
  reasons: ReviewReason[];
  /** Département the record belongs to ('' when unknown). */
  dept: string;
}

/** The date `months` months before `today` (YYYY-MM-DD), day clamped to the month's end. */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Records marked to_check, or last checked more than `months` months before `today` (or
 * never), each with its département: that of its commune, else of its postcode.
 *
 * @example reviewList(structures, '2026-11-26', (code) => code.slice(0, 2)).length
 */
export function reviewList(structures: readonly Structure[], today: string, deptOfCommune: (code: string) => string, months = 12): ReviewItem[] {
  const cutoff = monthsBefore(today, months);
  const items: ReviewItem[] = [];
  for (const s of structures) {
    const reasons: ReviewReason[] = [];
    if (s.status === 'to_check') reasons.push('to_check');
    if (s.updated === '') reasons.push('no_date');
    else if (s.updated < cutoff) reasons.push('stale');
    if (reasons.length === 0) continue;
    const dept = s.commune ? deptOfCommune(s.commune) : /^\d{5}$/.test(s.postcode) ? s.postcode.slice(0, 2) : '';
    items.push({ structure: s, reasons, dept });
  }
  // Per département (unknown last), oldest first: never checked, then by date.
  const last = (d: string) => (d === '' ? 1 : 0);
  return items.sort(
    (a, b) =>
      last(a.dept) - last(b.dept) ||
      a.dept.localeCompare(b.dept) ||
      a.structure.updated.localeCompare(b.structure.updated) ||
      a.structure.name.localeCompare(b.structure.name, 'fr'),
  );
}

/** Items per département, in code order ('' — unknown — last). */
export function groupByDept(items: readonly ReviewItem[]): Array<{ dept: string; items: ReviewItem[] }> {
  const groups = new Map<string, ReviewItem[]>();
  for (const item of items) {
    const list = groups.get(item.dept);
    if (list) list.push(item);
    else groups.set(item.dept, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))).map(([dept, list]) => ({ dept, items: list }));
}
