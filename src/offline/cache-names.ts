// The service worker's runtime caches (scripts/lib/offline-plugin.ts), named once for the
// worker's build and for the page, which reads what they hold (src/offline/register-sw.ts).

/** The last territory and structures data seen (network first). */
export const DATA_CACHE = 'maillage-data';
/** The commune tiles (all of a visited region's, for offline use; stale-while-revalidate). */
export const TILES_CACHE = 'maillage-tiles';
