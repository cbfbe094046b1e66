// Coverage analysis: pure functions shared by the app, its worker, the CLI and the tests.
export * from './types';
export { selectOffers, simOffer, locatedOffers, type OfferSelection } from './offers';
export { nearestOffers, communePoints, distinctSites, asPacked, type OfferInput } from './nearest';
export { summarise, isBeyond, beyondIndices, type CoverageSummary } from './summary';
export { territoryTable, sortRows, type TerritoryRow, type GroupBy, type SortKey, type TableOptions } from './tables';
export { gapArea, MAX_CELLS, type GapResult, type GapOptions, type GapPrecision } from './gap';
export { gapAreaExact, type ExactGapResult, type ExactGapOptions } from './gap-exact';
export { suggestSites, type Suggestion } from './suggest';
export { toCsv, neutralise, communeCsvRows, COMMUNE_CSV_COLUMNS, type CommuneCsvOptions } from './csv';
export { distanceBreaks, distanceClass, CLASS_COLORS, CLASS_COUNT } from './classes';
export { formatSims, parseSims } from './sim';
export { communeAt } from './locate';
export { incompleteDepartements, communeState, communeStates, STATE_CODES, COVERED, BEYOND, UNKNOWN } from './states';
export { packOffers, samePacked, type PackedOffers } from './packed';
export { concatOffers } from './columns';
export { offerTallies, type OfferTallies } from './tallies';
