import { sortedByName } from '../domain/by-name';
import { filterStructures, type StructureFilter } from '../domain/filter';
import type { Structure } from '../domain/types';

const last = new WeakMap<readonly Structure[], { filter: StructureFilter; rows: readonly Structure[] }>();

/**
 * The list's rows: the structures matching the filter, in name order. The last answer per
 * catalogue is kept, so that coming back to the list tab (or opening it after the page
 * prepared it while idle, see SidePanel) does not walk 150,000 structures again.
 */
export function listRows(structures: readonly Structure[], filter: StructureFilter): readonly Structure[] {
  const kept = last.get(structures);
  if (kept && kept.filter === filter) return kept.rows;
  const rows = filterStructures(sortedByName(structures), filter);
  last.set(structures, { filter, rows });
  return rows;
}
