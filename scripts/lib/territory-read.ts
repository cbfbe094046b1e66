// Reads and checks the territory GeoJSON files. Any problem stops the build with
// a message naming the file and the feature, since a contour silently left out
// would make a commune vanish from the map and from every coverage figure.
import { readFile } from 'node:fs/promises';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { TerritoryInputError } from './territory-errors.ts';

export interface ContourProps {
  code: string;
  nom: string;
}

export type AreaGeometry = Polygon | MultiPolygon;
export type ContourFeature = Feature<AreaGeometry, ContourProps>;

export interface ReadOptions {
  /** Length every `code` property must have (5 for communes, none for régions). */
  codeLength?: number;
  /** Accept a single Feature (region.geojson is one). */
  singleFeature?: boolean;
}

const MAX_LISTED = 10;

/** Parses a territory file and checks every feature; throws TerritoryInputError naming the file. */
export async function readContours(file: string, options: ReadOptions = {}): Promise<ContourFeature[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new TerritoryInputError(file, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseContours(file, text, options);
}

/** Same checks as readContours, on a file's text (exported for tests). */
export function parseContours(file: string, text: string, options: ReadOptions = {}): ContourFeature[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new TerritoryInputError(file, `not valid JSON (${(err as Error).message})`);
  }
  let features: unknown[];
  if (isObject(data) && data.type === 'FeatureCollection' && Array.isArray(data.features)) {
    features = data.features;
  } else if (options.singleFeature && isObject(data) && data.type === 'Feature') {
    features = [data];
  } else {
    const expected = options.singleFeature ? 'a GeoJSON Feature or FeatureCollection' : 'a GeoJSON FeatureCollection';
    throw new TerritoryInputError(file, `wrong content: expected ${expected}`);
  }
  if (features.length === 0) throw new TerritoryInputError(file, 'wrong content: no feature');

  const problems: string[] = [];
  features.forEach((f, i) => {
    const problem = checkFeature(f, options);
    if (problem) {
      const code = isObject(f) && isObject(f.properties) ? f.properties.code : undefined;
      problems.push(`feature ${i + 1}${code !== undefined ? ` (code ${JSON.stringify(code)})` : ''}: ${problem}`);
    }
  });
  if (problems.length > 0) {
    const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : '';
    throw new TerritoryInputError(file, `wrong geometry or properties: ${problems.slice(0, MAX_LISTED).join('; ')}${more}`);
  }
  return features as ContourFeature[];
}

function checkFeature(f: unknown, options: ReadOptions): string | null {
  if (!isObject(f) || f.type !== 'Feature') return 'not a GeoJSON Feature';
  const props = f.properties;
  if (!isObject(props)) return 'no properties';
  if (typeof props.code !== 'string') return 'property "code" must be a string (codes keep their leading zeros)';
  if (options.codeLength !== undefined && props.code.length !== options.codeLength) {
    return `property "code" must have ${options.codeLength} characters`;
  }
  if (typeof props.nom !== 'string') return 'property "nom" must be a string';
  const g = f.geometry;
  if (!isObject(g)) return 'no geometry';
  if (g.type === 'Polygon') return checkPolygon(g.coordinates);
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'MultiPolygon without polygons';
    for (const p of g.coordinates) {
      const problem = checkPolygon(p);
      if (problem) return problem;
    }
    return null;
  }
  return `geometry type ${JSON.stringify(g.type)}, expected Polygon or MultiPolygon`;
}

function checkPolygon(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'polygon without rings';
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4) return 'ring with fewer than 4 positions';
    for (const p of ring) {
      if (!isPosition(p)) return `bad position ${JSON.stringify(p)} (expected [longitude, latitude] in degrees)`;
    }
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) return 'ring not closed';
  }
  return null;
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
