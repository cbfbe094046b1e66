// Parameters of the embeds: the iframe page reads them from its URL, the web
// component from its attributes (same names). Besides the app's own keys:
// parts=… (what shows), threshold=… (alias of covkm), and for the iframe only
// origins=… (src/embed/messages.ts). The embed's initial state from them is
// built in src/embed/embed-state.ts.

/** Features embedded hosts can switch off (see src/embed). */
export interface VisibleParts {
  search: boolean;
  list: boolean;
  legend: boolean;
  coverage: boolean;
}

/** Attribute names of <maillage-map>, mirroring the URL parameters. */
export const EMBED_PARAMS = [
  'region',
  'lang',
  'types',
  'stages',
  'dept',
  'epci',
  'commune',
  'around',
  'radius',
  'threshold',
  'map',
  'sel',
  'parts',
  'data',
] as const;

export const PART_NAMES = ['search', 'list', 'legend', 'coverage'] as const;

/** Without `parts`: search, list and legend; coverage figures only when asked (they load more code). */
export const DEFAULT_PARTS: VisibleParts = { search: true, list: true, legend: true, coverage: false };

/**
 * `parts=search,list,legend,coverage` lists what shows; `parts=` or
 * `parts=none` shows the map alone. Unknown names are ignored.
 *
 * @example parseParts('list,coverage') // { search: false, list: true, legend: false, coverage: true }
 */
export function parseParts(value: string | null | undefined): VisibleParts {
  if (value === null || value === undefined) return { ...DEFAULT_PARTS };
  const names = new Set(value.split(',').map((v) => v.trim().toLowerCase()));
  return { search: names.has('search'), list: names.has('list'), legend: names.has('legend'), coverage: names.has('coverage') };
}

export function formatParts(parts: VisibleParts): string {
  const names = PART_NAMES.filter((p) => parts[p]);
  return names.length > 0 ? names.join(',') : 'none';
}
