import type { Structure } from './types';

const collator = new Intl.Collator('fr');
const sorted = new WeakMap<readonly Structure[], readonly Structure[]>();

/**
 * The structures in French alphabetical order of their names, sorted once per catalogue
 * (the array's identity): the list filters this order instead of sorting again on every
 * filter change or tab switch (150,000 names take a few hundred milliseconds to sort).
 * One collator, not localeCompare per comparison, which took seconds at that size.
 *
 * @example sortedByName([{ name: 'Étoile' }, { name: 'Abeille' }] as Structure[]).map((s) => s.name) // ['Abeille', 'Étoile']
 */
export function sortedByName(structures: readonly Structure[]): readonly Structure[] {
  let result = sorted.get(structures);
  if (!result) {
    result = [...structures].sort((a, b) => collator.compare(a.name, b.name));
    sorted.set(structures, result);
  }
  return result;
}
