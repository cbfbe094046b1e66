import type { Commune } from './types';

/**
 * How a commune was found: by its INSEE code, a postcode, its name (whole, or a later
 * word of it in the search), or, in imported rows, a name made unique by a postcode
 * or a département.
 */
export type CommuneMatchBy = 'code' | 'postcode' | 'name' | 'word' | 'name+postcode' | 'name+dept';

/**
 * A commune found from what someone typed (the place search) or what a row gives
 * (partner files, imports): the one answer type of commune matching.
 * Example: { commune: toulouse, by: 'postcode', postcode: '31000', tier: 0 }.
 */
export interface CommuneMatch {
  commune: Commune;
  by: CommuneMatchBy;
  /** The postcode that matched, when `by` is 'postcode' (search). */
  postcode?: string;
  /** 0 exact, 1 start of the name or code, 2 start of a later word of the name (lookups of rows are exact: 0). */
  tier: number;
}
