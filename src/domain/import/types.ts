// Types of the import pipeline: a table read from a file, a column mapping, options, results.
import type { Commune, Issue, RegionConfig, Structure } from '../types';

/** Fields an imported column can feed. `commune` is the INSEE code, `communeName` the name. */
export const TARGET_FIELDS = [
  'id',
  'name',
  'type',
  'stages',
  'address',
  'postcode',
  'commune',
  'communeName',
  'dept',
  'lon',
  'lat',
  'x',
  'y',
  'precision',
  'website',
  'email',
  'phone',
  'description',
  'source',
  'updated',
  'status',
  'zone',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Column index (0-based, in the table's header) feeding each field; absent fields are not in the file. */
export type Mapping = Partial<Record<TargetField, number>>;

export type EncodingChoice = 'auto' | 'utf-8' | 'windows-1252';
export type DelimiterChoice = 'auto' | ';' | ',' | '\t';
export type CrsChoice = 'auto' | 'wgs84' | 'lambert93';

/** An issue with a code the app translates (`import.issue.<code>`); the message is the English text. */
export interface ImportIssue extends Issue {
  code?: string;
  params?: Record<string, string | number>;
}

export interface TableRow {
  /** 1-based line where the row starts (GeoJSON: 1-based feature number). */
  line: number;
  /** Last line of the row, when it spans several (quoted line breaks). */
  endLine: number;
  fields: string[];
  /** Set when the row could not be read as a row (unclosed quote…): it is rejected with this reason. */
  broken?: ImportIssue;
  /** Warnings about how the row was read (misplaced quote, ignored geometry…). */
  notes?: ImportIssue[];
}

/** A file read as a table: every non-blank line after the header belongs to exactly one row. */
export interface Table {
  kind: 'csv' | 'geojson';
  header: string[];
  /** Line of the header (after preamble or blank lines). */
  headerLine: number;
  rows: TableRow[];
  /** Blank lines (only separators or spaces), skipped: counted so that every line is accounted for. */
  blankLines: number;
  /** Lines before the header that were not used (a title above the table). */
  preambleLines: number;
  /** Number of lines in the file (GeoJSON: features). */
  totalLines: number;
  delimiter: ';' | ',' | '\t' | null;
  /** File-level notes (delimiter found, encoding, replaced bytes…). */
  issues: ImportIssue[];
  /** True when no cell holds U+FFFD or a control character (the whole text was checked at once). */
  plainText?: boolean;
}

export interface ImportOptions {
  crs: CrsChoice;
  /** Offer type for rows whose type is empty (or when no column holds it). */
  defaultType: string | null;
  /** Date used for "updated" when a row has none; null leaves it empty (counts as to review). */
  defaultUpdated: string | null;
}

export const DEFAULT_OPTIONS: ImportOptions = { crs: 'auto', defaultType: null, defaultUpdated: null };

/** What the import needs to know of the region. */
export interface ImportContext {
  config: Pick<RegionConfig, 'name' | 'offerTypes' | 'stages' | 'departements' | 'bounds'>;
  communes: readonly Commune[];
  /** Names of the départements (for a "Département" column holding names). */
  departementNames?: ReadonlyArray<{ code: string; name: string }>;
  /** INSEE code of the commune containing a point, or null (outside every commune polygon). */
  communeAt?: (lon: number, lat: number) => string | null;
  /** Whether a point is inside the region; defaults to the configured bounding box. */
  inRegion?: (lon: number, lat: number) => boolean;
}

export type RowStatus = 'valid' | 'warning' | 'rejected';

export interface RowOutcome {
  line: number;
  endLine: number;
  status: RowStatus;
  /** Id of the structure built from the row (valid and warning rows). */
  id?: string;
}

export interface ImportCounts {
  rows: number;
  valid: number;
  warning: number;
  rejected: number;
  blankLines: number;
  preambleLines: number;
  lambert93: number;
  swapped: number;
  repairedCodes: number;
  communeFromName: number;
  communeFromPoint: number;
  placedAtCommune: number;
  unlocated: number;
  /** Lines the rows span, header excluded (a quoted field can span several). */
  rowLines: number;
}

export interface ImportResult {
  /** One structure per valid or warning row, in file order. */
  structures: Structure[];
  /** Line of each structure's row (parallel to `structures`). */
  structureLines: number[];
  outcomes: RowOutcome[];
  issues: ImportIssue[];
  counts: ImportCounts;
  /** Fields the file provides (a merge only updates these). */
  mappedFields: TargetField[];
}
