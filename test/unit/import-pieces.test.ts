import { describe, expect, it } from 'vitest';
import { generateRows } from '../../scripts/bench/import';
import { loadRegionInputs } from '../../scripts/lib/import-report';
import { createImportApi, createImportWorkerApi, type Phase } from '../../src/workers/import-api';
import { PIECES_AHEAD, receive } from '../../src/workers/import-client';

// The worker sends a result's long lists in pieces: put back together, they must be the
// result the same run gives in one piece, in order, nothing lost or repeated.

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
    const head = worker.run(summary.mapping ?? {}, options);
    const progress: number[] = [];
    const got = await receive(
      head,
      async (list, from, to) => worker.piece(list, from, to),
      (phase: Phase, f) => phase === 'receive' && progress.push(f),
      100,
    );
    expect(expected.structures.length).toBeGreaterThan(1_000);
    expect(expected.issues.length).toBeGreaterThan(100);
    expect(got).toEqual(expected);
    expect(progress.at(-1)).toBe(1);
    // One message per 100 items of each list.
    const lists = [expected.structures, expected.structureLines, expected.outcomes, expected.issues];
    expect(progress.length).toBe(lists.reduce((n, l) => n + Math.ceil(l.length / 100), 0));
  });

  it('asks for the next pieces while one arrives, never more than PIECES_AHEAD, and keeps their order when answers cross', async () => {
    const lengths = { structures: 23, structureLines: 23, outcomes: 0, issues: 7 };
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
    for (const [list, length] of Object.entries(lengths)) {
      expect((got as unknown as Record<string, string[]>)[list]).toEqual(Array.from({ length }, (_, i) => `${list}:${i}`));
    }
  });
});
