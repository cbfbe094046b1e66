// Structures catalogue: parse, validate, serialise, convert to GeoJSON.
export { CATALOGUE_COLUMNS, LIST_SEPARATOR, SOURCE_SEPARATOR, splitList } from './columns';
export type { CatalogueColumn, RawRow } from './columns';
export { catalogueRows, parseCatalogueCsv, readCatalogueText } from './parse';
export type { ParsedCatalogue } from './parse';
export { STRICT_POLICY, validateStructures } from './validate';
export type { CatalogueContext, CommuneRef, ValidatedCatalogue, ValidationPolicy } from './validate';
export { serializeCatalogueCsv } from './serialize';
export { structuresToGeoJSON } from './geojson';
export type { StructureCollection, StructureFeature, StructureProperties } from './geojson';
export { countIssues, formatIssues } from './format';
export {
  CORRECTION_FIELDS,
  QUOTE_REQUIRED_FROM,
  blankCorrection,
  buildCorrection,
  canonicalCells,
  correctionFromStructure,
  correctionMailto,
  quoteIssues,
} from './correction';
export type { CorrectionContext, CorrectionField, CorrectionResult, CorrectionValues } from './correction';
export { aliasReuseIssues, applyToCatalogueText, diffCatalogue } from './apply';
export type { CatalogueDiff, FieldChange } from './apply';
