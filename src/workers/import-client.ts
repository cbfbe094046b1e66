// Main-thread side of the import: the worker when the browser has one, else the same API in place.
import * as Comlink from 'comlink';
import { createImportApi, type ImportApi, type ProgressFn } from './import-api';

/** The import API, promisified; callbacks are proxied to the worker. */
export interface ImportClient {
  setRegion: (...args: Parameters<ImportApi['setRegion']>) => Promise<void>;
  read: (...args: Parameters<ImportApi['read']>) => ReturnType<ImportApi['read']>;
  run: (...args: Parameters<ImportApi['run']>) => Promise<ReturnType<ImportApi['run']>>;
  rejected: (...args: Parameters<ImportApi['rejected']>) => Promise<string[]>;
  /** Whether the work runs in a worker (false: main-thread fallback). */
  inWorker: boolean;
  dispose(): void;
}

export function createImportClient(): ImportClient {
  if (typeof Worker !== 'undefined') {
    try {
      const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'maillage-import' });
      const remote = Comlink.wrap<ImportApi>(worker);
      const proxied = (fn?: ProgressFn) => (fn ? Comlink.proxy(fn) : undefined);
      return {
        setRegion: (inputs) => remote.setRegion(inputs),
        read: (file, name, options, onProgress) => remote.read(file, name, options, proxied(onProgress)),
        run: (mapping, options, onProgress) => remote.run(mapping, options, proxied(onProgress)),
        rejected: (...args) => remote.rejected(...args),
        inWorker: true,
        dispose: () => worker.terminate(),
      };
    } catch {
      // Fall through to the main thread (e.g. a page that forbids workers).
    }
  }
  const api = createImportApi();
  return {
    setRegion: async (inputs) => api.setRegion(inputs),
    read: (...args) => api.read(...args),
    run: async (...args) => api.run(...args),
    rejected: async (...args) => api.rejected(...args),
    inWorker: false,
    dispose: () => undefined,
  };
}
