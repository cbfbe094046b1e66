/** One line of the benchmark table printed by `npm run bench`. */
export interface BenchRow {
  group: string;
  name: string;
  /** Measured value, already rounded for display. */
  value: string;
  /** Ratio against a naive baseline measured in the same run, when there is one. */
  ratio?: string;
  note?: string;
}

/** Median of a few runs of fn, in milliseconds. */
export function timeMedian(fn: () => unknown, runs = 7): number {
  const times: number[] = [];
  fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
