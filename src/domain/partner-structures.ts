// A partner's own structures file (CSV in the catalogue's columns, or GeoJSON points whose
// properties use the same names), read like the catalogue: the one table reader, the same
// column check and the same validation, every problem with its line (CSV) or feature number
// (GeoJSON). The partner's policy: a row with an error is left out and listed, nothing is
// dropped silently.
import { readCatalogueText, validateStructures } from './catalogue/index';
import type { CatalogueContext } from './catalogue/index';
import type { Issue, Structure } from './types';

export type PartnerKind = 'csv' | 'geojson';

/** Files above this size are refused before parsing (a map of a partner's offer is a few hundred rows). */
export const PARTNER_MAX_BYTES = 5 * 1024 * 1024;

export interface PartnerStructures {
  /** What the file was read as: by its content, whatever the server's Content-Type. */
  kind: PartnerKind;
  /** Rows (CSV) or features (GeoJSON) read. */
  rows: number;
  structures: Structure[];
  /** `line` is the CSV line, or the 1-based feature number for GeoJSON. */
  issues: Issue[];
}

/**
 * Read and validate a partner file against the region. Its kind comes from its content
 * (servers often send text/plain or the wrong type); the URL's name decides only for text
 * that starts like JSON but does not parse (see readTextTable).
 *
 * @example readPartnerStructures(csvText, 'https://a.example/s.csv', ctx).issues // [{ line: 3, field: 'commune', severity: 'error', … }]
 */
export function readPartnerStructures(text: string, url: string, ctx: CatalogueContext): PartnerStructures {
  const read = readCatalogueText(text, url);
  const checked = validateStructures(read.rows, ctx);
  const issues = [...read.issues, ...checked.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { kind: read.kind, rows: read.rows.length, structures: checked.structures, issues };
}
