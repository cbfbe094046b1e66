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

// MapLibre's worker sends the data it read from a URL back to the page, as the source's copy
// (for getData, which this app never calls): 150,000 points held the page's thread 0.6-0.8 s
// to receive. For data read through this scheme, the copy stays here. The "load data" message
// handler is wrapped as MapLibre's own (src/source/worker.ts) is written; if a MapLibre version
// no longer has it, nothing changes and the page receives its copy as before.
const worker = self.worker;
if (worker && worker.actor && typeof worker.actor.registerMessageHandler === 'function' && typeof worker._getWorkerSource === 'function') {
  worker.actor.registerMessageHandler('LD', async (mapId, params) => {
    const result = await worker._getWorkerSource(mapId, params.type, params.source).loadData(params);
    const url = params && params.request && params.request.url;
    if (result && typeof url === 'string' && url.startsWith('maillage-blob://')) delete result.data;
    return result;
  });
}
