import { territoryWorker } from '../../store/territory-workers';
import { createImportClient } from '../../workers/import-client';

/**
 * The import worker of a store's region, reused when the tab is reopened and when the
 * catalogue changes, disposed on a region change.
 */
export const importClientFor = territoryWorker((data) => {
  const client = createImportClient();
  void client.setRegion({
    config: data.config,
    communes: data.communes,
    contours: data.contours,
    region: data.region,
    departements: data.departements,
  });
  return client;
});
