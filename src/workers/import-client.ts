// Main-thread side of the import: the worker when the browser has one, else the same API in place.
import * as Comlink from 'comlink';
import type { Structure } from '../domain/types';
import {
  createImportApi,
  RESULT_LISTS,
  type AcceptedFn,
  type ImportApi,
  type ImportWorkerApi,
  type PageResult,
  type ProgressFn,
  type ResultHead,
  type ResultList,
} from './import-api';

/** Items per piece of a result's list: a few tens of milliseconds of the page's thread each. */
export const PIECE_SIZE = 5_000;

/** The import API, promisified; callbacks are proxied to the worker. */
export interface ImportClient {
  setRegion: (...args: Parameters<ImportApi['setRegion']>) => Promise<void>;
  read: (...args: Parameters<ImportApi['read']>) => ReturnType<ImportApi['read']>;
  run: (...args: Parameters<ImportApi['run']>) => Promise<PageResult>;
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
        run: async (mapping, options, onProgress, onAccepted) => {
          const accepted = acceptedCollector(onAccepted);
          const head = await remote.run(mapping, options, proxied(onProgress), Comlink.proxy(accepted.add));
          const { structures, structureLines } = await accepted.until(head.lengths.structures);
          const rest = await receive(head, (list, from, to) => remote.piece(list, from, to), onProgress);
          return { ...rest, structures, structureLines };
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

/**
 * Pieces asked for ahead of the one being received: the worker clones the next piece while
 * the page takes in this one (asked one at a time, the page's thread sat idle half of the
 * 2.1–2.5 s a 150,000-row result took to arrive and be shown). Two, so that at most two pieces wait.
 */
export const PIECES_AHEAD = 2;

/**
 * Gathers the structures a run sends as it goes. They come through a port of their own, so
 * they may still be arriving when the run's answer does: `until` waits for the count the
 * answer gives.
 */
export function acceptedCollector(onAccepted?: AcceptedFn): {
  add: AcceptedFn;
  until(count: number): Promise<{ structures: Structure[]; structureLines: number[] }>;
} {
  const structures: Structure[] = [];
  const structureLines: number[] = [];
  let waiting: { count: number; done: () => void } | null = null;
  return {
    add(batch, lines) {
      for (const s of batch) structures.push(s);
      for (const l of lines) structureLines.push(l);
      onAccepted?.(batch, lines);
      if (waiting && structures.length >= waiting.count) waiting.done();
    },
    async until(count) {
      if (structures.length < count) await new Promise<void>((done) => (waiting = { count, done }));
      return { structures, structureLines };
    },
  };
}

/** The rest of a result whose head came first, its lists fetched piece by piece, in order. */
export async function receive(
  head: ResultHead,
  piece: (list: ResultList, from: number, to: number) => Promise<unknown[]>,
  onProgress?: ProgressFn,
  pieceSize = PIECE_SIZE,
): Promise<Omit<PageResult, 'structures' | 'structureLines'>> {
  const { lengths, ...rest } = head;
  const total = RESULT_LISTS.reduce((n, list) => n + lengths[list], 0);
  const asks = RESULT_LISTS.flatMap((list) =>
    Array.from({ length: Math.ceil(lengths[list] / pieceSize) }, (_, i) => ({ list, from: i * pieceSize, to: Math.min(lengths[list], (i + 1) * pieceSize) })),
  );
  const waiting: Promise<unknown[]>[] = [];
  let asked = 0;
  const askNext = () => {
    const ask = asks[asked++];
    if (!ask) return;
    const answer = piece(ask.list, ask.from, ask.to);
    // Awaited in turn; if an earlier piece fails first, this one's failure is not left unhandled.
    answer.catch(() => undefined);
    waiting.push(answer);
  };
  for (let i = 0; i < PIECES_AHEAD; i++) askNext();
  let received = 0;
  const lists = Object.fromEntries(RESULT_LISTS.map((list) => [list, [] as unknown[]])) as Record<ResultList, unknown[]>;
  for (const ask of asks) {
    const part = await waiting.shift()!;
    askNext();
    const items = lists[ask.list];
    for (const item of part) items.push(item);
    received += part.length;
    onProgress?.('receive', total ? received / total : 1);
  }
  return { ...rest, ...(lists as Pick<PageResult, ResultList>) };
}
