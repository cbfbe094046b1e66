import { parseSims } from '../domain/coverage/sim';
import { parseFromParam } from '../domain/search/origin';
import { PART_NAMES } from '../domain/embed-params';
import type { RegionConfig } from '../domain/types';
import { THRESHOLD_MAX_KM, THRESHOLD_MIN_KM } from './coverage-slice';
import { parseView } from './url-state';

// Every URL (or embed attribute) parameter the map could not use, with why: the codecs
// (src/store/*-url.ts, url-state.ts) read what they can and drop the rest silently;
// this says what was dropped, in one notice (src/ui/ScopeNotice.tsx). The territory
// keys (epci, commune, around, radius) and data= have their own, richer messages.

/** `reason` names a message params.reason.<reason> (src/i18n/messages/embed.ts). */
export interface ParamProblem {
  param: string;
  value: string;
  reason: 'format' | 'range' | 'unknownRegion' | 'unknownType' | 'unknownStage' | 'unknownPart' | 'origins' | 'embedOnly' | 'unknownParam';
  /** What was expected, or what is used instead (for the message). */
  detail?: string;
}

const SCOPE_AND_DATA = ['epci', 'commune', 'around', 'radius', 'data'];
const APP_KEYS = [
  'region',
  'lang',
  'types',
  'stages',
  'stage',
  'dept',
  'closed',
  'verified',
  'tab',
  'sel',
  'map',
  'covkm',
  'covtypes',
  'covstages',
  'covzones',
  'covclasses',
  'covby',
  'sim',
  'from',
  'parcours',
  'revoir',
];
const EMBED_ONLY = ['parts', 'threshold', 'origins'];
const TOKEN = /^[\w-]+$/;
const FLAG = /^[01]$/;

export interface ParamContext {
  embedded: boolean;
  /** The region's configuration, once loaded: type and stage names are checked against it. */
  config?: Pick<RegionConfig, 'offerTypes' | 'stages' | 'legacyTypes'> | null;
  /** The region asked for, when it is unknown and the default one is shown instead. */
  regionFallback?: { asked: string; shown: string } | null;
  /** `origins=` entries that are not origins (iframe page only; see src/embed/messages.ts). */
  unusableOrigins?: string[] | null;
}

/**
 * The parameters that are ignored, each with its reason.
 *
 * @example checkParams(new URLSearchParams('lang=de'), { embedded: false }) // [{ param: 'lang', value: 'de', reason: 'format', detail: 'fr, en' }]
 */
export function checkParams(params: URLSearchParams, ctx: ParamContext): ParamProblem[] {
  const out: ParamProblem[] = [];
  const add = (param: string, value: string, reason: ParamProblem['reason'], detail?: string) =>
    out.push({ param, value: value.slice(0, 80), reason, ...(detail === undefined ? {} : { detail }) });
  const knownTypes = ctx.config ? new Set([...ctx.config.offerTypes.map((t) => t.id), ...Object.keys(ctx.config.legacyTypes ?? {})]) : null;
  const knownStages = ctx.config ? new Set(ctx.config.stages.map((s) => s.id)) : null;
  const list = (key: string, value: string, known: Set<string> | null, reason: 'unknownType' | 'unknownStage') => {
    for (const token of value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)) {
      if (!TOKEN.test(token)) add(key, token, 'format', 'a-z, 0-9, _ -');
      else if (known && !known.has(token)) add(key, token, reason, [...known].join(', '));
    }
  };
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (SCOPE_AND_DATA.includes(key)) continue;
    if (!APP_KEYS.includes(key) && !EMBED_ONLY.includes(key)) {
      add(key, value, 'unknownParam');
      continue;
    }
    if (EMBED_ONLY.includes(key) && !ctx.embedded) {
      add(key, value, 'embedOnly');
      continue;
    }
    switch (key) {
      case 'region':
        if (!/^[a-z0-9-]+$/.test(value)) add(key, value, 'format', 'occitanie, pays-de-la-loire…');
        break;
      case 'lang':
        if (value !== 'fr' && value !== 'en') add(key, value, 'format', 'fr, en');
        break;
      case 'types':
      case 'covtypes':
        list(key, value, knownTypes, 'unknownType');
        break;
      case 'stages':
      case 'stage':
      case 'covstages':
        list(key, value, knownStages, 'unknownStage');
        break;
      case 'dept':
      case 'revoir':
        if (!/^(?:\d{2,3}|2[AB])$/.test(value) || (key === 'dept' && !/^[0-9][0-9AB]$/.test(value)))
          add(key, value, 'format', key === 'dept' ? '31, 2A' : '31, 971');
        break;
      case 'closed':
      case 'verified':
      case 'covzones':
      case 'covclasses':
      case 'parcours':
        if (!FLAG.test(value)) add(key, value, 'format', '0, 1');
        break;
      case 'tab':
        if (!['list', 'search', 'coverage', 'catalogue'].includes(value)) add(key, value, 'format', 'list, search, coverage, catalogue');
        break;
      case 'sel':
        if (!TOKEN.test(value)) add(key, value, 'format', 'a-z, 0-9, _ -');
        break;
      case 'map':
        if (!parseView(value)) add(key, value, 'format', 'zoom/latitude/longitude');
        break;
      case 'covkm':
      case 'threshold': {
        const km = Number(value);
        if (value.trim() === '' || !Number.isFinite(km)) add(key, value, 'format', 'km');
        else if (km < THRESHOLD_MIN_KM || km > THRESHOLD_MAX_KM) add(key, value, 'range', `${THRESHOLD_MIN_KM}–${THRESHOLD_MAX_KM} km`);
        break;
      }
      case 'covby':
        if (value !== 'dept' && value !== 'epci') add(key, value, 'format', 'dept, epci');
        break;
      case 'sim':
        for (const problem of parseSims(value).problems) add(key, problem, 'format', 'lon,lat,type;…');
        break;
      case 'from':
        if (!parseFromParam(value)) add(key, value, 'format', 'INSEE, latitude,longitude');
        break;
      case 'parts':
        for (const name of value
          .split(',')
          .map((v) => v.trim().toLowerCase())
          .filter(Boolean)) {
          if (name !== 'none' && !(PART_NAMES as readonly string[]).includes(name)) add(key, name, 'unknownPart', PART_NAMES.join(', '));
        }
        break;
      case 'origins':
        if (ctx.unusableOrigins && ctx.unusableOrigins.length > 0) add(key, ctx.unusableOrigins.join(', '), 'origins');
        break;
    }
  }
  if (ctx.regionFallback) add('region', ctx.regionFallback.asked, 'unknownRegion', ctx.regionFallback.shown);
  return out;
}
