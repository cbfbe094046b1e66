import type { RegionConfig } from './types';

// Type lists in links: a type split off an older one (DLA rows were `reseau` before `dla`
// existed) must not vanish from links written before the split.

/** Token written for a split-off type deliberately left out (`-dla`), so the list reads back the same. */
const EXCLUDED = '-';

/**
 * Reads a type list from a link: a legacy type (`reseau`) brings the types split off it
 * (`dla`) unless the list excludes them (`reseau,-dla`, as written by `writeTypeList`).
 *
 * @example readTypeList(['reseau'], { legacyTypes: { reseau: ['dla'] } }) // ['reseau', 'dla']
 */
export function readTypeList(items: readonly string[], config: Pick<RegionConfig, 'legacyTypes'>): string[] {
  const excluded = new Set(items.filter((t) => t.startsWith(EXCLUDED)).map((t) => t.slice(EXCLUDED.length)));
  const out: string[] = [];
  const add = (t: string) => {
    if (!out.includes(t)) out.push(t);
  };
  for (const t of items) {
    if (t.startsWith(EXCLUDED)) continue;
    add(t);
    for (const split of config.legacyTypes?.[t] ?? []) if (!excluded.has(split)) add(split);
  }
  return out;
}

/**
 * Writes a type list for a link, so that `readTypeList` gives it back: a legacy type
 * without one of its split-off types carries an exclusion (`reseau,-dla`).
 *
 * @example writeTypeList(['reseau'], { legacyTypes: { reseau: ['dla'] } }) // ['reseau', '-dla']
 */
export function writeTypeList(types: readonly string[], config: Pick<RegionConfig, 'legacyTypes'>): string[] {
  const out = [...types];
  for (const t of types) {
    for (const split of config.legacyTypes?.[t] ?? []) if (!types.includes(split)) out.push(`${EXCLUDED}${split}`);
  }
  return out;
}

/**
 * The id a link should open: a row merged into another (`aliases` of the region) opens
 * the row it was merged into; any other id is returned as it is.
 *
 * @example resolveAlias('ptce-cartoucherie-toulouse', config) // 'halles-cartoucherie-toulouse'
 */
export function resolveAlias(id: string | null, config: Pick<RegionConfig, 'aliases'>): string | null {
  if (id === null) return null;
  // Follow chains (a → b → c), guarding against a loop in hand-written configuration.
  let current = id;
  for (let hops = 0; hops < 8; hops++) {
    const next = config.aliases?.find((a) => a.from === current)?.to;
    if (next === undefined) return current;
    current = next;
  }
  return current;
}
