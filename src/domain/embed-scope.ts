// The territory a partner limits the map to (its audience): an EPCI, a commune,
// or a radius around a place. Read from URL parameters or web-component
// attributes as raw text, resolved against the region's communes here, so that
// every problem is reported in one place with its reason.
import type { AreaFilter } from './filter';
import { EARTH_RADIUS_KM } from './geo/distance';
import type { Commune, EpciInfo } from './types';
import { pointsBounds } from './geo/bounds';

/** The scope as written by the partner: raw, trimmed texts (null when absent). */
export interface Scope {
  /** SIREN code of an EPCI (9 digits), e.g. "243100518" (Toulouse Métropole). */
  epci: string | null;
  /** INSEE code of a commune, e.g. "31555". */
  commune: string | null;
  /** Centre of the radius: an INSEE code, or "lat,lon" in degrees. */
  around: string | null;
  /** Radius in km around `around`. */
  radius: string | null;
}

export const SCOPE_KEYS = ['epci', 'commune', 'around', 'radius'] as const;
export type ScopeKey = (typeof SCOPE_KEYS)[number];

export const NO_SCOPE: Scope = { epci: null, commune: null, around: null, radius: null };

/** Radii outside this range are refused (a typo such as 2000 would silently show everything). */
export const RADIUS_MIN_KM = 1;
export const RADIUS_MAX_KM = 300;

const MAX_LENGTH = 40;
const SIREN = /^\d{9}$/;
const INSEE = /^(?:\d{2}|2A|2B)\d{3}$/;
const LAT_LON = /^(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/;
const NUMBER = /^\d+(?:[.,]\d+)?$/;

export type ScopeProblemCode =
  'epciFormat' | 'epciUnknown' | 'communeFormat' | 'communeUnknown' | 'aroundFormat' | 'aroundUnknown' | 'radiusFormat' | 'radiusRange' | 'radiusAlone';

/** A parameter that could not be used, and why; the rest of the scope still applies. */
export interface ScopeProblem {
  param: ScopeKey;
  code: ScopeProblemCode;
  value: string;
}

export type ScopePart =
  | { kind: 'epci'; code: string; name: string; communes: number }
  | { kind: 'commune'; code: string; name: string }
  | { kind: 'around'; label: string; code: string | null; lon: number; lat: number; radiusKm: number; defaulted: boolean };

export interface ResolvedScope {
  /** For StructureFilter.area; null when nothing usable was given. */
  area: AreaFilter | null;
  /** What the map is limited to, in words, for a notice. */
  parts: ScopePart[];
  problems: ScopeProblem[];
  /** Frame of the area ([[west, south], [east, north]]), to fit the map on it. */
  bounds: [[number, number], [number, number]] | null;
}

/** Raw scope from query parameters (or attributes gathered as such); values are only trimmed and capped here. */
export function readScope(params: URLSearchParams): Scope {
  const get = (key: ScopeKey) => {
    const value = params.get(key)?.trim();
    return value ? value.slice(0, MAX_LENGTH) : null;
  };
  return { epci: get('epci'), commune: get('commune'), around: get('around'), radius: get('radius') };
}

export function writeScope(scope: Scope, params: URLSearchParams): void {
  for (const key of SCOPE_KEYS) {
    const value = scope[key];
    if (value) params.set(key, value);
  }
}

export function isEmptyScope(scope: Scope): boolean {
  return SCOPE_KEYS.every((k) => !scope[k]);
}

/** Whether the scope names a place (an EPCI, a commune, a point): `radius` alone names none. */
export function scopeNamesPlace(scope: Scope): boolean {
  return !!(scope.epci || scope.commune || scope.around);
}

export interface ScopeContext {
  communes: readonly Commune[];
  epci?: readonly EpciInfo[];
  /** Radius used when `around` comes without `radius` (the region's default threshold). */
  defaultRadiusKm: number;
}

/**
 * Resolve a scope against the region. Unusable parameters are reported and
 * left out; the usable ones combine (all must hold).
 *
 * @example resolveScope({ epci: null, commune: null, around: '31555', radius: '20' }, ctx).area.within.radiusKm === 20
 */
export function resolveScope(scope: Scope, ctx: ScopeContext): ResolvedScope {
  const problems: ScopeProblem[] = [];
  const parts: ScopePart[] = [];
  const area: AreaFilter = {};
  const framed: Array<[number, number]> = [];
  const byCode = new Map(ctx.communes.map((c) => [c.code, c]));
  const problem = (param: ScopeKey, code: ScopeProblemCode, value: string) => problems.push({ param, code, value });

  let communes: Set<string> | null = null;
  const restrict = (codes: Iterable<string>) => {
    const next = new Set(codes);
    communes = communes === null ? next : new Set([...communes].filter((c) => next.has(c)));
  };

  if (scope.epci) {
    if (!SIREN.test(scope.epci)) problem('epci', 'epciFormat', scope.epci);
    else {
      const members = ctx.communes.filter((c) => c.epci === scope.epci);
      if (members.length === 0) problem('epci', 'epciUnknown', scope.epci);
      else {
        restrict(members.map((c) => c.code));
        const name = ctx.epci?.find((e) => e.code === scope.epci)?.name ?? scope.epci;
        parts.push({ kind: 'epci', code: scope.epci, name, communes: members.length });
        for (const c of members) framed.push([c.lon, c.lat]);
      }
    }
  }

  if (scope.commune) {
    const code = scope.commune.toUpperCase();
    const commune = INSEE.test(code) ? byCode.get(code) : undefined;
    if (!INSEE.test(code)) problem('commune', 'communeFormat', scope.commune);
    else if (!commune) problem('commune', 'communeUnknown', scope.commune);
    else {
      restrict([commune.code]);
      parts.push({ kind: 'commune', code: commune.code, name: commune.name });
      framed.push([commune.lon, commune.lat]);
    }
  }

  let radiusKm: number | null = null;
  if (scope.radius) {
    const value = NUMBER.test(scope.radius) ? Number(scope.radius.replace(',', '.')) : NaN;
    if (!Number.isFinite(value)) problem('radius', 'radiusFormat', scope.radius);
    else if (value < RADIUS_MIN_KM || value > RADIUS_MAX_KM) problem('radius', 'radiusRange', scope.radius);
    else radiusKm = value;
    if (!scope.around) problem('radius', 'radiusAlone', scope.radius);
  }

  if (scope.around) {
    const centre = readPlace(scope.around, byCode);
    if (centre === 'format') problem('around', 'aroundFormat', scope.around);
    else if (centre === 'unknown') problem('around', 'aroundUnknown', scope.around);
    else {
      const defaulted = radiusKm === null;
      const r = radiusKm ?? ctx.defaultRadiusKm;
      area.within = { lon: centre.lon, lat: centre.lat, radiusKm: r };
      parts.push({ kind: 'around', label: centre.label, code: centre.code, lon: centre.lon, lat: centre.lat, radiusKm: r, defaulted });
      framed.push(...circleBounds(centre.lon, centre.lat, r));
    }
  }

  if (communes !== null) {
    const codes: Set<string> = communes;
    area.communes = codes;
    area.depts = [...new Set([...codes].map((c) => byCode.get(c)?.dept).filter((d): d is string => !!d))].sort();
  }
  const used = area.communes !== undefined || area.within !== undefined;
  return { area: used ? area : null, parts, problems, bounds: used ? pointsBounds(framed) : null };
}

type Place = { lon: number; lat: number; label: string; code: string | null };

function readPlace(text: string, byCode: ReadonlyMap<string, Commune>): Place | 'format' | 'unknown' {
  const code = text.toUpperCase();
  if (INSEE.test(code)) {
    const c = byCode.get(code);
    return c ? { lon: c.lon, lat: c.lat, label: c.name, code: c.code } : 'unknown';
  }
  const m = LAT_LON.exec(text);
  if (!m) return 'format';
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'format';
  return { lon, lat, label: `${lat}, ${lon}`, code: null };
}

/** Two corners of the box around a circle (good enough for framing: a few km on the sphere do not matter). */
function circleBounds(lon: number, lat: number, radiusKm: number): Array<[number, number]> {
  const kmPerDegree = (Math.PI * EARTH_RADIUS_KM) / 180;
  const dLat = radiusKm / kmPerDegree;
  const dLon = radiusKm / (kmPerDegree * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return [
    [lon - dLon, lat - dLat],
    [lon + dLon, lat + dLat],
  ];
}

/** Points of a circle of radiusKm around a centre (for drawing the radius on the map), closed ring. */
export function circleRing(lon: number, lat: number, radiusKm: number, steps = 96): Array<[number, number]> {
  const ring: Array<[number, number]> = [];
  const d = radiusKm / EARTH_RADIUS_KM;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  for (let i = 0; i <= steps; i++) {
    const θ = (2 * Math.PI * (i % steps)) / steps;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI]);
  }
  return ring;
}
