// The postMessage API of the embedded map (iframe), as pure functions: which
// origins may drive it, and a strict schema check of every message. Nothing a
// message holds is ever executed or written as HTML: it is checked field by
// field and turned into plain values, or refused.

/** Messages a host page may send to the map; `target: 'maillage'` marks them as ours. */
export type HostMessage =
  | { target: 'maillage'; type: 'setFilter'; types?: string[] | null; stages?: string[]; dept?: string | null }
  | {
      target: 'maillage';
      type: 'setScope';
      epci?: string | null;
      commune?: string | null;
      around?: string | null;
      radius?: number | null;
    }
  /** Search from a commune (INSEE code): the map centres on it and lists the offer from there. */
  | { target: 'maillage'; type: 'search'; commune: string }
  | { target: 'maillage'; type: 'select'; id: string | null }
  | { target: 'maillage'; type: 'setView'; lon: number; lat: number; zoom: number }
  | { target: 'maillage'; type: 'getState' };

export type HostMessageType = HostMessage['type'];

/** Messages the map sends to the host page; `source: 'maillage'` marks them. */
export type MapMessage =
  | { source: 'maillage'; type: 'ready'; version: 1; region: string; count: number }
  | { source: 'maillage'; type: 'select'; id: string | null; name: string | null; structureType: string | null }
  | { source: 'maillage'; type: 'view'; lon: number; lat: number; zoom: number; bounds: [number, number, number, number] }
  | { source: 'maillage'; type: 'state'; state: MapStateSnapshot }
  | { source: 'maillage'; type: 'error'; reason: string };

export interface MapStateSnapshot {
  region: string;
  lang: string;
  types: string[] | null;
  stages: string[];
  dept: string | null;
  scope: { epci: string | null; commune: string | null; around: string | null; radius: string | null };
  selectedId: string | null;
  view: { lon: number; lat: number; zoom: number } | null;
  /** Structures matching the filters and scope. */
  count: number;
}

export type Parsed = { ok: true; message: HostMessage } | { ok: false; reason: string; ours: boolean };

const ID = /^[a-z0-9][a-z0-9_-]{0,79}$/i;
const DEPT = /^(?:\d{2}|2A|2B)$/;
const INSEE = /^(?:\d{2}|2A|2B)\d{3}$/;
const SIREN = /^\d{9}$/;
const LAT_LON = /^-?\d{1,2}(?:\.\d+)?,-?\d{1,3}(?:\.\d+)?$/;
const MAX_LIST = 50;

/** Keys each message type may carry besides `target` and `type`; any other key refuses the message. */
const ALLOWED_KEYS: Record<HostMessageType, readonly string[]> = {
  setFilter: ['types', 'stages', 'dept'],
  setScope: ['epci', 'commune', 'around', 'radius'],
  search: ['commune'],
  select: ['id'],
  setView: ['lon', 'lat', 'zoom'],
  getState: [],
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

class Refused extends Error {}
const refuse = (reason: string): never => {
  throw new Refused(reason);
};

function idList(value: unknown, key: string): string[] {
  if (!Array.isArray(value)) return refuse(`"${key}" must be an array of identifiers`);
  if (value.length > MAX_LIST) return refuse(`"${key}" has more than ${MAX_LIST} items`);
  for (const item of value) if (typeof item !== 'string' || !ID.test(item)) return refuse(`"${key}" holds an invalid identifier`);
  return [...(value as string[])];
}

function pattern(value: unknown, key: string, re: RegExp, what: string): string {
  const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!re.test(text)) return refuse(`"${key}" must be ${what}`);
  return text;
}

function nullable<T>(value: unknown, read: (v: unknown) => T): T | null {
  return value === null ? null : read(value);
}

function number(value: unknown, key: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    return refuse(`"${key}" must be a number between ${min} and ${max}`);
  }
  return value;
}

/**
 * Check a message received from a host page. Messages without
 * `target: 'maillage'` are not ours (`ours: false`, ignored without reply).
 *
 * @example parseHostMessage({ target: 'maillage', type: 'select', id: 'catalis-toulouse' }).ok === true
 */
export function parseHostMessage(data: unknown): Parsed {
  if (!isPlainObject(data) || data.target !== 'maillage') return { ok: false, ours: false, reason: 'not a Maillage message' };
  try {
    const type = data.type;
    if (typeof type !== 'string' || !Object.hasOwn(ALLOWED_KEYS, type)) {
      return refuse(`unknown type; expected one of ${Object.keys(ALLOWED_KEYS).join(', ')}`);
    }
    const t = type as HostMessageType;
    const extra = Object.keys(data).filter((k) => k !== 'target' && k !== 'type' && !ALLOWED_KEYS[t].includes(k));
    if (extra.length > 0) refuse(`unexpected key(s) for ${t}: ${extra.slice(0, 5).join(', ')}`);
    const has = (k: string) => Object.hasOwn(data, k);
    let message: HostMessage;
    switch (t) {
      case 'setFilter': {
        const m: HostMessage = { target: 'maillage', type: 'setFilter' };
        if (has('types')) m.types = nullable(data.types, (v) => idList(v, 'types'));
        if (has('stages')) m.stages = idList(data.stages, 'stages');
        if (has('dept')) m.dept = nullable(data.dept, (v) => pattern(v, 'dept', DEPT, 'a département code such as "31"'));
        if (!has('types') && !has('stages') && !has('dept')) refuse('setFilter needs types, stages or dept');
        message = m;
        break;
      }
      case 'setScope': {
        const m: HostMessage = { target: 'maillage', type: 'setScope' };
        if (has('epci')) m.epci = nullable(data.epci, (v) => pattern(v, 'epci', SIREN, 'a 9-digit SIREN code'));
        if (has('commune')) m.commune = nullable(data.commune, (v) => pattern(v, 'commune', INSEE, 'a 5-character INSEE code'));
        if (has('around')) {
          m.around = nullable(data.around, (v) => {
            if (typeof v === 'string' && LAT_LON.test(v.trim())) return v.trim();
            return pattern(v, 'around', INSEE, 'an INSEE code or "lat,lon"');
          });
        }
        if (has('radius')) m.radius = nullable(data.radius, (v) => number(v, 'radius', 1, 300));
        if (!ALLOWED_KEYS.setScope.some(has)) refuse('setScope needs epci, commune, around or radius');
        message = m;
        break;
      }
      case 'search':
        message = { target: 'maillage', type: 'search', commune: pattern(data.commune, 'commune', INSEE, 'a 5-character INSEE code') };
        break;
      case 'select':
        if (!has('id')) refuse('select needs an id (or null)');
        message = {
          target: 'maillage',
          type: 'select',
          id: nullable(data.id, (v) => (typeof v === 'string' && ID.test(v) ? v : refuse('"id" must be a structure identifier'))),
        };
        break;
      case 'setView':
        message = {
          target: 'maillage',
          type: 'setView',
          lon: number(data.lon, 'lon', -180, 180),
          lat: number(data.lat, 'lat', -85, 85),
          zoom: number(data.zoom, 'zoom', 0, 22),
        };
        break;
      case 'getState':
        message = { target: 'maillage', type: 'getState' };
        break;
    }
    return { ok: true, message };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, ours: true, reason: error.message };
    throw error;
  }
}

export interface OriginPolicy {
  /** Origins allowed to drive the map, besides the map's own. */
  origins: string[];
  /** `origins=*`: any page embedding the map may drive it. */
  any: boolean;
  /** Entries of the parameter that are not origins (reported). */
  invalid: string[];
  /**
   * `origins=` was given but cannot be used as written (an entry that is not a bare
   * http(s) origin, or nothing at all): fail closed — no announcements, and only the
   * map's own origin may drive it — rather than guess what the integrator meant.
   */
  unusable: boolean;
}

/**
 * Read the `origins` parameter: a comma-separated list of origins
 * ("https://www.example.org"), or "*" for any. Absent: only the map's own
 * origin may drive it (safe default: a page cannot steer a map it embeds
 * unless the map's URL says so). One unusable entry makes the whole parameter
 * unusable (see `unusable`).
 *
 * @example parseOrigins('127.0.0.1:4303') // { origins: [], any: false, invalid: ['127.0.0.1:4303'], unusable: true }
 */
export function parseOrigins(value: string | null): OriginPolicy {
  const policy: OriginPolicy = { origins: [], any: false, invalid: [], unusable: false };
  if (value === null) return policy;
  const entries = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (entries.length === 0) return { ...policy, invalid: [value.slice(0, 80)], unusable: true };
  for (const raw of entries.slice(0, 20)) {
    if (raw === '*') {
      policy.any = true;
      continue;
    }
    const origin = normaliseOrigin(raw);
    if (origin) {
      if (!policy.origins.includes(origin)) policy.origins.push(origin);
    } else policy.invalid.push(raw.slice(0, 80));
  }
  if (entries.length > 20) policy.invalid.push(`+${entries.length - 20}`);
  return policy.invalid.length > 0 ? { origins: [], any: false, invalid: policy.invalid, unusable: true } : policy;
}

/** "https://Example.org/" → "https://example.org"; null for anything that is not just an http(s) origin. */
export function normaliseOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
    // "https://a.example:443/x" aside, "https://a.example?" and "https://a.example#" parse with empty search/hash: refuse them too.
    if (/[?#]/.test(text)) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Whether a message from `origin` may drive the map whose own origin is `own`. */
export function isAllowedOrigin(origin: string, policy: OriginPolicy, own: string): boolean {
  if (origin === own) return true;
  if (policy.unusable || origin === 'null' || !/^https?:\/\//.test(origin)) return false;
  return policy.any || policy.origins.includes(origin);
}

/**
 * Where announcements go: nowhere when `origins=` is unusable; the listed origins
 * when the partner listed some (the browser delivers only if the host page has that
 * origin); otherwise any host ("*") — announcements then hold only public catalogue
 * data and a view that never derives from the visitor's position (see revealsPosition).
 */
export function announceTargets(policy: OriginPolicy): string[] {
  if (policy.unusable) return [];
  return policy.origins.length > 0 && !policy.any ? [...policy.origins] : ['*'];
}

/**
 * Whether announcements may carry a view after the visitor shared their position
 * ("Me localiser"): only when every message goes to origins the integrator named
 * (not "*", not the default).
 */
export function revealsPosition(policy: OriginPolicy): boolean {
  return !policy.unusable && !policy.any && policy.origins.length > 0;
}
