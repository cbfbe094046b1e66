import { describe, expect, it } from 'vitest';
import { generateRows } from '../../scripts/bench/import';
import { loadRegionInputs } from '../../scripts/lib/import-report';
import { createImportApi, createImportWorkerApi, type Phase } from '../../src/workers/import-api';
import { acceptedCollector, PIECES_AHEAD, receive } from '../../src/workers/import-client';

// The worker sends the accepted structures while it checks, and the issues in pieces after
// the run: put back together, they must be the result the same run gives in one piece, in
// order, nothing lost or repeated.

describe('an import result sent in pieces', () => {
  it('is received whole and in order, with progress up to 1', async () => {
    const { inputs } = loadRegionInputs('occitanie');
    const { communesGeo: _contours, ...region } = inputs;
    const csv = generateRows(inputs.communes, 1_203);
    // A few broken rows, so that issues and rejected outcomes are there too.
    const text = csv.replace(/\n([^\n]*)\n/g, (line, row: string, at: number) => (at % 7 === 0 ? `\n${row};;;extra\n` : line));
    const file = new Blob([text]);
    const options = { crs: 'auto' as const, defaultType: null, defaultUpdated: null };

    const whole = createImportApi();
    whole.setRegion({ ...region, contours: null });
    const read = await whole.read(file, 'x.csv', {});
    const expected = whole.run(read.mapping ?? {}, options);

    const worker = createImportWorkerApi();
    worker.setRegion({ ...region, contours: null });
    const summary = await worker.read(file, 'x.csv', {});
    const batches: number[] = [];
    const collector = acceptedCollector((batch) => batches.push(batch.length));
    // Asked for before anything arrives, as when the run's answer overtakes the last batch.
    const accepted = collector.until(expected.structures.length);
    const head = worker.run(summary.mapping ?? {}, options, undefined, collector.add);
    const progress: number[] = [];
    const rest = await receive(
      head,
      async (list, from, to) => worker.piece(list, from, to),
      (phase: Phase, f) => phase === 'receive' && progress.push(f),
      100,
    );
    const got = { ...rest, ...(await accepted) };
    expect(expected.structures.length).toBeGreaterThan(1_000);
    expect(expected.issues.length).toBeGreaterThan(100);
    const { outcomes, ...rows } = expected;
    expect(got).toEqual(rows);
    // The outcomes stay in the worker; the page gets the lines they span.
    expect(got.counts.rowLines).toBe(outcomes.reduce((n, o) => n + o.endLine - o.line + 1, 0));
    expect(progress.at(-1)).toBe(1);
    // One message per 100 issues; the structures in batches as the rows are checked (2,000 rows each).
    expect(progress.length).toBe(Math.ceil(expected.issues.length / 100));
    expect(batches.length).toBe(Math.ceil(1_203 / 2_000));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(expected.structures.length);
  });

  it('sends the structures in batches while the rows are checked, before the run ends', async () => {
    const { inputs } = loadRegionInputs('occitanie');
    const { communesGeo: _contours, ...region } = inputs;
    const file = new Blob([generateRows(inputs.communes, 5_000)]);
    const worker = createImportWorkerApi();
    worker.setRegion({ ...region, contours: null });
    const summary = await worker.read(file, 'x.csv', {});
    const events: string[] = [];
    const head = worker.run(
      summary.mapping ?? {},
      { crs: 'auto', defaultType: null, defaultUpdated: null },
      (_phase, f) => events.push(`progress ${f.toFixed(1)}`),
      (batch) => events.push(`batch ${batch.length}`),
    );
    expect(head.lengths.structures).toBe(5_000);
    // Progress is told as row 2,000 (4,000) begins: 1,999 rows are done.
    expect(events).toEqual(['batch 1999', 'progress 0.4', 'batch 2000', 'progress 0.8', 'batch 1001', 'progress 1.0']);
  });

  it('asks for the next pieces while one arrives, never more than PIECES_AHEAD, and keeps their order when answers cross', async () => {
    const lengths = { structures: 0, issues: 23 };
    const head = { lengths } as unknown as Parameters<typeof receive>[0];
    let inFlight = 0;
    let most = 0;
    let n = 0;
    const got = await receive(
      head,
      async (list, from, to) => {
        inFlight++;
        most = Math.max(most, inFlight);
        // Every other answer is slower than the next one: they arrive out of order.
        await new Promise((done) => setTimeout(done, n++ % 2 === 0 ? 6 : 1));
        inFlight--;
        return Array.from({ length: to - from }, (_, i) => `${list}:${from + i}`);
      },
      undefined,
      5,
    );
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(PIECES_AHEAD);
    expect(got.issues).toEqual(Array.from({ length: lengths.issues }, (_, i) => `issues:${i}`));
  });
});
