// Large GeoJSON for the map, handed to MapLibre's worker as text behind a URL it reads itself,
// built a chunk at a time so that the page keeps answering.
import * as maplibregl from 'maplibre-gl';
import type { Feature } from 'geojson';
import blobProtocolUrl from './maplibre-blob-protocol.mjs?url&no-inline';
import { nextTask } from '../domain/next-task';

/** From this many features on, data goes to the map as text behind a URL (below, as an object: simpler, as fast). */
export const LARGE_FEATURES = 5_000;
/** Features turned into text between two pauses: a few tens of milliseconds of the page's thread. */
const CHUNK = 10_000;
const SCHEME = 'maillage-blob://';

let protocol: Promise<boolean> | null = null;

/** Whether MapLibre's workers read the scheme (their script loaded once); false if they cannot. */
function workersReadBlobs(): Promise<boolean> {
  protocol ??= maplibregl
    .importScriptInWorkers(blobProtocolUrl)
    .then(() => true)
    .catch((error: unknown) => {
      console.warn('Maillage: large data goes to the map as objects:', error);
      return false;
    });
  return protocol;
}

/**
 * A URL MapLibre's worker reads the FeatureCollection of `count` features from, made by
 * `feature(i)` a chunk at a time; null when superseded (`stale()` turned true meanwhile) or when
 * the workers cannot read such URLs (the caller then hands the objects over). The caller
 * revokes it with `releaseLargeGeojson` once replaced.
 */
export async function largeGeojsonUrl(count: number, feature: (i: number) => Feature, stale: () => boolean): Promise<string | null> {
  if (!(await workersReadBlobs())) return null;
  // Each chunk becomes a Blob at once: encoding the whole text in one Blob (31 MB for 150,000
  // points) was a long task of its own.
  const parts: Blob[] = [new Blob(['{"type":"FeatureCollection","features":['])];
  for (let from = 0; from < count; from += CHUNK) {
    if (from > 0) {
      await nextTask();
      if (stale()) return null;
    }
    const texts: string[] = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) texts.push(JSON.stringify(feature(i)));
    parts.push(new Blob([(from > 0 ? ',' : '') + texts.join(',')]));
  }
  parts.push(new Blob([']}']));
  if (stale()) return null;
  return SCHEME + URL.createObjectURL(new Blob(parts, { type: 'application/geo+json' }));
}

/** Frees the text behind a URL made by largeGeojsonUrl (other data is left alone). */
export function releaseLargeGeojson(data: unknown): void {
  if (typeof data === 'string' && data.startsWith(SCHEME)) URL.revokeObjectURL(data.slice(SCHEME.length));
}
