/* global self, fetch -- a script for MapLibre's workers, not a module of the app */
// Loaded into MapLibre's workers (importScriptInWorkers, see src/map/large-geojson.ts): GeoJSON
// the page hands over as a blob: URL behind this scheme is read and parsed here, in the worker.
// Handed over as an object, 150,000 points took the page's thread 2.4 s to copy to the worker;
// MapLibre itself sends blob: URLs back to the page to fetch.
self.addProtocol('maillage-blob', async (params, abortController) => {
  const url = params.url.slice('maillage-blob://'.length);
  const response = await fetch(url, { signal: abortController.signal });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return { data: await response.json() };
});
