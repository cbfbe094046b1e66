// Column set of a structures catalogue (data/structures.csv and imported files).

/** The columns of the catalogue, in file order. */
export const CATALOGUE_COLUMNS = [
  'id',
  'name',
  'type',
  'stages',
  'address',
  'postcode',
  'commune',
  'departement',
  'lon',
  'lat',
  'precision',
  'website',
  'email',
  'phone',
  'hours',
  'description',
  'source',
  'quote',
  'source_date',
  'updated',
  'status',
  'zone',
] as const;

export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];

/** Separator of the list columns (`stages`, `zone`): no spaces around it. */
export const LIST_SEPARATOR = '|';

/** Separator between several source URLs in the `source` column. */
export const SOURCE_SEPARATOR = ' | ';

/** One data row of a catalogue file, before validation: every value is a string. */
export interface RawRow {
  /** 1-based line where the row starts in the file (the header is line 1). */
  line: number;
  values: Record<CatalogueColumn, string>;
  /**
   * The position as numbers, when the caller has read it so (the import): `values.lon` and
   * `values.lat` are then empty, and the numbers are checked as their text would be.
   */
  point?: { lon: number; lat: number };
}

/** Splits a `|`-separated list cell, dropping empty items (`"a||b|"` gives `["a", "b"]`). */
export function splitList(cell: string): string[] {
  if (cell === '') return [];
  return cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
