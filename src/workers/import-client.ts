// Main-thread side of the import: the worker when the browser has one, else the same API in place.
import * as Comlink from 'comlink';
import type { ImportResult } from '../domain/import/types';
import { createImportApi, RESULT_LISTS, type ImportApi, type ImportWorkerApi, type ProgressFn, type ResultHead, type ResultList } from './import-api';

/** Items per piece of a result's list: a few tens of milliseconds of the page's thread each. */
export const PIECE_SIZE = 5_000;

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
      const remote = Comlink.wrap<ImportWorkerApi>(worker);
      const proxied = (fn?: ProgressFn) => (fn ? Comlink.proxy(fn) : undefined);
      return {
        setRegion: (inputs) => remote.setRegion(inputs),
        read: (file, name, options, onProgress) => remote.read(file, name, options, proxied(onProgress)),
        run: async (mapping, options, onProgress) => {
          const head = await remote.run(mapping, options, proxied(onProgress));
          return receive(head, (list, from, to) => remote.piece(list, from, to), onProgress);
        },
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

/** The result whose head came first, its lists fetched piece by piece. */
export async function receive(
  head: ResultHead,
  piece: (list: ResultList, from: number, to: number) => Promise<unknown[]>,
  onProgress?: ProgressFn,
  pieceSize = PIECE_SIZE,
): Promise<ImportResult> {
  const { lengths, ...rest } = head;
  const total = RESULT_LISTS.reduce((n, list) => n + lengths[list], 0);
  let received = 0;
  const lists: Partial<Record<ResultList, unknown[]>> = {};
  for (const list of RESULT_LISTS) {
    const items: unknown[] = [];
    for (let from = 0; from < lengths[list]; from += pieceSize) {
      const part = await piece(list, from, Math.min(lengths[list], from + pieceSize));
      for (const item of part) items.push(item);
      received += part.length;
      onProgress?.('receive', total ? received / total : 1);
    }
    lists[list] = items;
  }
  return { ...rest, ...(lists as Pick<ImportResult, ResultList>) };
}
