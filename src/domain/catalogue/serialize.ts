// Structures → catalogue CSV, the inverse of parse + validate.
import Papa from 'papaparse';
import type { Structure } from '../types';
import { CATALOGUE_COLUMNS, LIST_SEPARATOR, type CatalogueColumn } from './columns';

/** One structure as catalogue cells; lon/lat only for address precision (a commune position comes from the commune). */
export function structureCells(s: Structure): Record<CatalogueColumn, string> {
  const located = s.precision === 'address' && s.lon !== null && s.lat !== null;
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    stages: s.stages.join(LIST_SEPARATOR),
    address: s.address,
    postcode: s.postcode,
    commune: s.commune,
    // Written only for a row placed at no commune: otherwise the commune says it.
    departement: s.commune === '' ? s.departement : '',
    lon: located ? String(s.lon) : '',
    lat: located ? String(s.lat) : '',
    precision: s.precision,
    website: s.website,
    email: s.email,
    phone: s.phone,
    hours: s.hours,
    description: s.description,
    source: s.source,
    quote: s.quote,
    source_date: s.sourceDate,
    updated: s.updated,
    status: s.status,
    zone: s.zone.join(LIST_SEPARATOR),
  };
}

/**
 * Writes structures as a catalogue CSV (comma, header, CRLF-free, trailing newline).
 * lon/lat are written only for precision "address": a "commune" position is derived
 * from the commune at build time, so writing it would freeze today's representative point.
 * Parsing and validating the output gives back the same structures.
 *
 * @example serializeCatalogueCsv([structure]).startsWith('id,name,type,')
 */
export function serializeCatalogueCsv(structures: readonly Structure[]): string {
  const rows = structures.map((s) => {
    const values = structureCells(s);
    // "none" is written only when it differs from what an empty cell would mean.
    if (s.precision === 'none' && s.commune === '') values.precision = '';
    return CATALOGUE_COLUMNS.map((c) => values[c]);
  });
  return `${Papa.unparse({ fields: [...CATALOGUE_COLUMNS], data: rows }, { newline: '\n', quotes: false })}\n`;
}
