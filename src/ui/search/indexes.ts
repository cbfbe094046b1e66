import type { RegionData } from '../../data/load-region';
import { buildCommuneIndex, type CommuneSearchIndex } from '../../domain/search/commune-index';
import { buildNearestIndex, type NearestIndex } from '../../domain/search/nearest';
import type { Commune, Structure } from '../../domain/types';

// Indexes are built once per loaded region and shared by every component.

interface Indexes {
  communes: CommuneSearchIndex;
  structures: NearestIndex<Structure>;
  communePoints: NearestIndex<Commune & { id: string }>;
}

const cache = new WeakMap<RegionData, Indexes>();

export function regionIndexes(data: RegionData): Indexes {
  let found = cache.get(data);
  if (!found) {
    found = {
      communes: buildCommuneIndex(data.communes),
      structures: buildNearestIndex(data.structures),
      communePoints: buildNearestIndex(data.communes.map((c) => ({ ...c, id: c.code }))),
    };
    cache.set(data, found);
  }
  return found;
}
