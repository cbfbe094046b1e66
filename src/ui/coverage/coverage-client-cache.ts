import type { RegionData } from '../../data/load-region';
import { createCoverageClient, type CoverageClient } from '../../workers/coverage-client';

// One coverage worker per loaded region, kept across tab switches so that the
// region's communes are sent to it once.
const clients = new WeakMap<RegionData, CoverageClient>();

export function coverageClientFor(data: RegionData): CoverageClient {
  let client = clients.get(data);
  if (!client) {
    client = createCoverageClient({ communes: data.communes, region: data.region, departements: data.departements });
    clients.set(data, client);
  }
  return client;
}
