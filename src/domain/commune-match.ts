import type { Commune } from './types';

/**
 * How a commune was found: by its INSEE code, a postcode, its name (whole, or a later
 * word of it in the search), a former commune's name, a La Poste form, or, in imported rows, a name made unique by a postcode
 * or a département.
 */
export type CommuneMatchBy = 'code' | 'postcode' | 'name' | 'word' | 'former' | 'laposte' | 'name+postcode' | 'name+dept';

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
  /** The former name or La Poste form that matched, when `by` is 'former' or 'laposte'. */
  alias?: string;
  /**
   * 0 exact, 1 start of the name (or former name, La Poste form, code), 2 start of a later
   * word of the name, 3 one typo away from a whole name (only when nothing else matches);
   * lookups of rows are exact: 0.
   */
  tier: number;
}
