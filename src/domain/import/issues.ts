// Issue codes of the import, with their English text; the app translates `import.issue.<code>`.
import type { ImportIssue } from './types';

type Params = Record<string, string | number>;

/** English templates; `{name}` is replaced by params.name. The French ones live in src/i18n/messages/import.ts. */
export const ISSUE_TEXT = {
  preamble: 'Line {line} is above the table’s header (a title?): not imported.',
  unclosedQuote: 'A quote (") opens a value that is never properly closed; this line is not imported, reading resumes on the next line.',
  strayQuote: 'A quote (") is misplaced in a value; the value was read as written.',
  notFeature: 'Item {line} is not a GeoJSON Feature.',
  geometryIgnored: 'Geometry of type {type} ignored (only points are imported); its properties are used.',
  extraFields: 'The row has {n} values but the header has {m} columns: values are shifted (a value containing the separator must be in quotes).',
  shortRow: 'The row has {n} values but the header has {m} columns: the missing ones are read as empty.',
  replacedBytes: 'Characters that could not be decoded were replaced by �: check the file’s encoding.',
  controlChars: 'The row contains control characters (a damaged file?): check its values.',
  repairedCode: '{field} "{from}" repaired to "{to}" (leading zero lost by a spreadsheet).',
  excelFormula: 'Value ="{to}" written as a spreadsheet formula: read as "{to}".',
  swapped: 'Coordinates were in the wrong order (latitude first): swapped.',
  badNumber: '{field} "{value}" is not a number.',
  halfPair: 'Only one coordinate given ("{value}"): give both or neither.',
  unknownCrs: 'Coordinates "{value}" are neither longitude/latitude (WGS84) nor Lambert-93 (EPSG:2154).',
  outOfRange: 'Coordinates "{value}" are out of range.',
  pointInOtherCommune: 'The point lies in {found} ({foundCode}), not in {given} ({givenCode}) as the row says: the row’s commune is kept.',
  pointInNoCommune: 'The point lies in no commune of the region: no commune recorded.',
  unknownCommuneName: 'Commune "{name}" is not a commune of the region.',
  ambiguousCommune: 'Commune "{name}" is ambiguous ({candidates}): give the postcode, the département or the INSEE code.',
  communeFromPostcode: 'Commune {commune} deduced from the postcode {postcode}.',
  postcodeMismatch: 'Postcode {postcode} is not one of {commune}’s ({postcodes}).',
  unlocated: 'No commune and no coordinates: the structure is listed but not placed on the map.',
  unknownType: 'Type "{value}" is not one of the region’s types ({expected}).',
  missingType: 'No type: choose a type column or a default type.',
  unknownStage: 'Stage "{value}" not recognised ({expected}): ignored.',
  unknownZone: 'Zone "{value}" not recognised (département codes or "region"): ignored.',
  unknownStatus: 'Status "{value}" not recognised (verified or to_check): read as to_check.',
  unknownPrecision: 'Precision "{value}" not recognised (address, commune or none): ignored.',
  badDate: 'Date "{value}" not understood (expected YYYY-MM-DD or DD/MM/YYYY): left empty.',
  excelDate: 'Date "{value}" read as an Excel day number: {to}.',
  repairedId: 'Id "{from}" is not a slug: "{to}" used.',
  duplicateId: 'Id "{value}" is already used on line {first}.',
  repairedWebsite: 'Website "{from}" has no http(s):// : "{to}" used.',
  repairedEmail: 'E-mail "{from}" read as "{to}".',
  repairedPhone: 'Phone "{from}" lost its leading zero: "{to}" used.',
  noSource: 'No source: add a public URL stating these facts before publishing.',
  lowScore: 'Address geocoded with a low score ({score}): position to check.',
  geocodeNotFound: 'Address not found by the Base Adresse Nationale: placed at its commune.',
  geocodeOffline: 'The Base Adresse Nationale could not be reached: placed at its commune.',
  idRenamed: 'Id "{from}" is already shown on the map: "{to}" used for this layer.',
  sameRecordTwice: 'This row matches the same catalogue record as line {first}: its values win.',
  // File-level notes.
  noNameColumn: 'No column holds the names: every row needs a name.',
  noTypeColumn: 'No column holds the type and no default type is chosen.',
  noPositionColumn: 'No commune, postcode or coordinates column: structures will be listed without position.',
  noStagesColumn: 'No stages column: imported structures are hidden as soon as a stage filter is set.',
  noSourceColumn: 'No source column: imported rows have no source URL.',
  noUpdatedColumn: 'No date column: imported rows have no date of last check (they appear in the "to review" list).',
  unusedColumns: 'Columns not imported: {columns}.',
} as const;

export type IssueCode = keyof typeof ISSUE_TEXT;

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] !== undefined ? String(params[name]) : whole));
}

/** An issue with its code, params and English message. */
export function issue(severity: 'error' | 'warning', code: IssueCode, params: Params = {}, where: { line?: number; field?: string } = {}): ImportIssue {
  const out: ImportIssue = { severity, code, params, message: fill(ISSUE_TEXT[code], params) };
  if (where.line !== undefined) out.line = where.line;
  if (where.field !== undefined) out.field = where.field;
  return out;
}
