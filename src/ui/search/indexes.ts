import type { RegionData } from '../../data/load-region';
import { buildCommuneIndex, type CommuneSearchIndex } from '../../domain/search/commune-index';
import { buildNearestIndex, type NearestIndex } from '../../domain/search/nearest';
import type { Commune, Structure } from '../../domain/types';

// Indexes are built once per loaded region and shared by every component.

interface Indexes {
  communes: CommuneSearchIndex;
  communePoints: NearestIndex<Commune & { id: string }>;
}

// Keyed on the commune list: empty until it arrives after the first paint, then the same
// list for the rest of the region's life (the contours arriving do not rebuild the index).
const cache = new WeakMap<readonly Commune[], Indexes>();

export function regionIndexes(data: RegionData): Indexes {
  let found = cache.get(data.communes);
  if (!found) {
    found = {
      communes: buildCommuneIndex(data.communes),
      communePoints: buildNearestIndex(data.communes.map((c) => ({ ...c, id: c.code }))),
    };
    cache.set(data.communes, found);
  }
  return found;
}

const structureIndexes = new WeakMap<readonly Structure[], NearestIndex<Structure>>();

/** The nearest-neighbour index of a list of structures (the catalogue plus visible imports), built once per list. */
export function structureIndex(structures: readonly Structure[]): NearestIndex<Structure> {
  let found = structureIndexes.get(structures);
  if (!found) {
    found = buildNearestIndex(structures as Structure[]);
    structureIndexes.set(structures, found);
  }
  return found;
}
