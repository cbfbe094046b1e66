// Thin message switch: the import API behind comlink, so parsing 100,000 rows never blocks the page.
import * as Comlink from 'comlink';
import { createImportWorkerApi } from './import-api';

Comlink.expose(createImportWorkerApi());
