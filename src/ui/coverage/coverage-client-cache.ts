import { territoryWorker } from '../../store/territory-workers';
import { createCoverageClient } from '../../workers/coverage-client';

/**
 * The coverage worker of a store's region, kept across tab switches (the region's
 * communes are sent to it once) and catalogue changes, disposed on a region change.
 */
export const coverageClientFor = territoryWorker((data) =>
  createCoverageClient({ communes: data.communes, region: data.region, departements: data.departements }),
);
