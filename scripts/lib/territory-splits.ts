// Current communes that have no 2018 contour of their own because they were split
// back out of a commune nouvelle after 2018. Nothing in the 2018 contours or in
// @etalab/decoupage-administratif says which contour they were part of, so it is
// recorded here, with its source. Each is drawn with that contour (shared with the
// commune it left) and the build reports it by name.

export interface BorrowedContour {
  /** Code of the 2018 contour the commune was part of. */
  contour: string;
  /** Public page stating the fact. */
  source: string;
}

export const BORROWED_CONTOURS: Readonly<Record<string, BorrowedContour>> = {
  // L'Oie and Sainte-Florence merged into Essarts-en-Bocage (85084) on 1 January 2016
  // and were restored as separate communes on 1 January 2024 (prefectoral orders).
  '85165': {
    contour: '85084',
    source: 'https://my-angers.info/10/20/loie-et-sainte-florence-quittent-la-commune-nouvelle-des-essarts-en-bocage/140393',
  },
  '85212': {
    contour: '85084',
    source: 'https://my-angers.info/10/20/loie-et-sainte-florence-quittent-la-commune-nouvelle-des-essarts-en-bocage/140393',
  },
};
