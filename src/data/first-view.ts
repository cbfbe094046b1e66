/**
 * The files of a region's folder (public/data/<region>/) that its first view loads, before
 * the map's first paint: configuration, outline, départements, structures. The commune
 * list (communes.json) and contours (communes.geojson) come after it, or with it when a
 * partner's territory needs the list (src/data/load-region.ts). Measured by `npm run size`
 * ("data before first paint") and `npm run bench`.
 */
export const FIRST_VIEW_FILES = ['config.json', 'manifest.json', 'epci.json', 'region.geojson', 'departements.geojson', 'structures.geojson'] as const;

/** Loaded after the first paint, in this order. */
export const LATER_FILES = ['communes.json', 'communes.geojson'] as const;
