// The import's worker-side API: keeps the region context and the last table read, so that a
// new mapping re-runs only the checks. Runs in the worker, or on the main thread as fallback.
import { buildImportContext, type RegionInputs } from '../domain/import/context';
import { rejectedCsvChunks, rejectedRows } from '../domain/export/export';
import { importTable } from '../domain/import/import-table';
import { readImportFile, type ReadOptions } from '../domain/import/pipeline';
import type { Refusal } from '../domain/import/limits';
import type { ImportContext, ImportOptions, ImportResult, Mapping, Table } from '../domain/import/types';
import type { Structure } from '../domain/types';

export type Phase = 'read' | 'parse' | 'check' | 'receive';
export type ProgressFn = (phase: Phase, fraction: number) => void;

/** What the dialog needs to know of a file read, without its (possibly 100,000) rows. */
export interface ReadSummary {
  ok: boolean;
  refusal?: Refusal;
  kind?: Table['kind'];
  header?: string[];
  /** First rows, for the mapping step's preview. */
  sample?: string[][];
  mapping?: Mapping;
  encoding?: string;
  bom?: boolean;
  delimiter?: string | null;
  rows?: number;
  totalLines?: number;
}

/**
 * The region as the page sends it: the commune contours as downloaded (a Blob, cheap to
 * send), parsed here rather than on the page's thread.
 */
export type RegionMessage = Omit<RegionInputs, 'communesGeo'> & { contours: Blob | null };

/** The structures accepted so far in a run, sent on while the rest is checked. */
export type AcceptedFn = (structures: Structure[], lines: number[]) => void;

export interface ImportApi {
  /** Starts preparing the region's context; `read` answers once it is ready. */
  setRegion(inputs: RegionMessage): void;
  read(file: Blob, name: string, options: Omit<ReadOptions, 'onProgress'>, onProgress?: ProgressFn): Promise<ReadSummary>;
  /** `onAccepted`, when given, receives the accepted structures in file order, every BATCH rows. */
  run(mapping: Mapping, options: ImportOptions, onProgress?: ProgressFn, onAccepted?: AcceptedFn): ImportResult;
  /** The rejected rows of the last run, as CSV with a reason column, in pieces for a Blob. */
  rejected(reasons: Record<number, string[]>, reasonColumn: string, lineColumn: string): string[];
}

/**
 * A run's result as the page receives it: the row outcomes stay with the worker, which
 * writes the rejected rows' file from them (the page needs their line count only,
 * `counts.rowLines`).
 */
export type PageResult = Omit<ImportResult, 'outcomes'>;

/** The long list a worker sends in pieces once the run is over (see createImportWorkerApi). */
export const RESULT_LISTS = ['issues'] as const;
export type ResultList = (typeof RESULT_LISTS)[number];

/** A result without its long lists, and how long each is (the structures arrive through `onAccepted`). */
export type ResultHead = Omit<ImportResult, ResultList | 'outcomes' | 'structures' | 'structureLines'> & {
  lengths: Record<ResultList | 'structures', number>;
};

/** The API as the worker exposes it: `run` answers the head, the issues follow through `piece`. */
export interface ImportWorkerApi extends Omit<ImportApi, 'run'> {
  run(mapping: Mapping, options: ImportOptions, onProgress: ProgressFn | undefined, onAccepted: AcceptedFn): ResultHead;
  piece(list: ResultList, from: number, to: number): unknown[];
}

/**
 * The import API for a worker. A 100,000-row result sent in one message took the page's
 * thread 0.8–1 s to receive in one go (a frozen page). The structures go to the page while
 * the rest is checked, a batch at a time, so that the page takes them in on the other core
 * (sent after the run, they made half a second more of waiting for 100,000 rows); the
 * issues follow the run in pieces, each a few tens of milliseconds of the page's thread.
 */
export function createImportWorkerApi(): ImportWorkerApi {
  const api = createImportApi();
  let last: ImportResult | null = null;
  return {
    ...api,
    run(mapping, options, onProgress, onAccepted) {
      const result = (last = api.run(mapping, options, onProgress, onAccepted));
      const { structures, structureLines: _lines, outcomes: _outcomes, issues, ...head } = result;
      return { ...head, lengths: { structures: structures.length, issues: issues.length } };
    },
    piece(list, from, to) {
      if (!last) throw new Error('no run yet');
      return last[list].slice(from, to);
    },
  };
}

export function createImportApi(): ImportApi {
  let ctx: ImportContext | null = null;
  let region: Promise<void> = Promise.resolve();
  let table: Table | null = null;
  let last: ImportResult | null = null;

  return {
    setRegion({ contours, ...inputs }) {
      ctx = null;
      region = (async () => {
        const communesGeo = contours ? (JSON.parse(await contours.text()) as RegionInputs['communesGeo']) : undefined;
        ctx = buildImportContext({ ...inputs, communesGeo });
      })();
      // Reported by the next read.
      region.catch(() => undefined);
    },
    async read(file, name, options, onProgress) {
      // A run follows a read: the region is ready by then (its failure is this read's).
      await region;
      onProgress?.('read', 0);
      const bytes = new Uint8Array(await file.arrayBuffer());
      onProgress?.('read', 1);
      const read = readImportFile(bytes, name, { ...options, onProgress: (f) => onProgress?.('parse', f) });
      table = null;
      last = null;
      if (!read.ok) return { ok: false, refusal: read.refusal };
      table = read.table;
      return {
        ok: true,
        kind: read.table.kind,
        header: read.table.header,
        sample: read.table.rows.slice(0, 5).map((r) => r.fields),
        mapping: read.mapping,
        encoding: read.encoding,
        bom: read.bom,
        delimiter: read.table.delimiter,
        rows: read.table.rows.length,
        totalLines: read.table.totalLines,
      };
    },
    run(mapping, options, onProgress, onAccepted) {
      if (!ctx) throw new Error('setRegion must come first');
      if (!table) throw new Error('no file read');
      let sent = 0;
      last = importTable(table, mapping, ctx, options, (f, accepted) => {
        if (onAccepted && accepted.structures.length > sent) {
          onAccepted(accepted.structures.slice(sent), accepted.structureLines.slice(sent));
          sent = accepted.structures.length;
        }
        onProgress?.('check', f);
      });
      return last;
    },
    rejected(reasons, reasonColumn, lineColumn) {
      if (!table || !last) return [];
      return rejectedCsvChunks(
        table.header,
        rejectedRows(table, last, (line) => reasons[line] ?? []),
        reasonColumn,
        lineColumn,
      );
    },
  };
}
