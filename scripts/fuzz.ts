// `npm run fuzz -- [--inputs 100000] [--from 1]`: the import fuzz suite on more seeds than CI
// runs (test/unit/import-fuzz.test.ts), with a summary per category and the first failures.
import { CATEGORIES, runFuzz, type FuzzSummary } from '../test/fuzz/import-fuzz';
import { ctx } from '../test/unit/import-helpers';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} must be a whole number`);
    process.exit(1);
  }
  return v;
}

const inputs = arg('inputs', 100_000);
const from = arg('from', 1);
const started = performance.now();
const total: FuzzSummary = runFuzz(from, inputs, ctx);
const seconds = (performance.now() - started) / 1000;

console.log(
  `${total.inputs} inputs (seeds ${from}–${from + inputs - 1}) in ${seconds.toFixed(1)} s: ` +
    `${total.uncaught} uncaught, ${total.hangs} hangs, ${total.rowMismatches} inputs with written ≠ accounted rows (${total.rowsOff} rows), ` +
    `${total.lineMismatches} with unbalanced line accounting; ${total.refused} refused; slowest ${total.slowestMs.toFixed(0)} ms`,
);
const byCategory = new Map<string, number>();
for (const f of total.failures) byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
if (byCategory.size > 0) {
  console.log(
    `Failures by category: ${CATEGORIES.filter((c) => byCategory.has(c))
      .map((c) => `${c} ${byCategory.get(c)}`)
      .join(', ')}`,
  );
  for (const f of total.failures.slice(0, 20)) {
    console.log(
      `  seed ${f.seed} (${f.category}): ${f.uncaught ?? ''}${f.rowGap ? ` rows off by ${f.rowGap}` : ''}${f.lineMismatch ? ` ${f.lineMismatch}` : ''}${f.ms > 5000 ? ` ${f.ms.toFixed(0)} ms` : ''}`,
    );
  }
}
process.exit(total.uncaught + total.hangs + total.rowMismatches + total.lineMismatches > 0 ? 1 : 0);
