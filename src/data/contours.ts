import type { FeatureCollection, Geometry } from 'geojson';
import type { RegionData } from './load-region';

/** A region's commune contours, parsed: one polygon per commune, with its code, name, département and population. */
export type CommuneContours = FeatureCollection<Geometry, { code: string; nom: string; dept: string; population: number }>;

// Parsed once per download: the coverage tab and the print sheet share the answer.
interface Parse {
  pending: Promise<CommuneContours>;
  /** Set once parsed. */
  contours?: CommuneContours;
  /** Set if it could not be: why. */
  failure?: string;
}
const parses = new WeakMap<Blob, Parse>();

/**
 * The region's commune contours parsed on the page's thread, for what needs their shapes
 * there (coverage's test sites, the print sheet); null while they have not arrived. The
 * map and the import read the downloaded file in their own workers, so a first visit
 * never pays this parse (about 2 MB of JSON, over a second on a slow phone).
 */
export function regionContours(data: RegionData): Promise<CommuneContours> | null {
  const blob = data.contours;
  if (!blob) return null;
  let parse = parses.get(blob);
  if (!parse) {
    const started: Parse = (parse = {
      pending: blob.text().then((text) => (started.contours = JSON.parse(text) as CommuneContours)),
    });
    started.pending.catch((error: unknown) => (started.failure = error instanceof Error ? error.message : String(error)));
    parses.set(blob, started);
  }
  return parse.pending;
}

/** Why `regionContours` could not parse the contours (a truncated download…), else null. */
export function contoursFailure(data: RegionData): string | null {
  return (data.contours && parses.get(data.contours)?.failure) ?? null;
}

/** The contours if `regionContours` has already parsed them, else null. */
export function parsedContours(data: RegionData): CommuneContours | null {
  return (data.contours && parses.get(data.contours)?.contours) ?? null;
}
