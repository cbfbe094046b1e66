// Bundle and data sizes of a production build, against size-budgets.json (`npm run size` fails on them).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../lib/build-app';
import { benchBuild } from '../lib/bench-app';
import { judge, kib, measureBuild, measureCommuneTiles, measureData, type BudgetConfig } from '../lib/bundle-size';
import type { BenchRow } from './types';

export async function run(): Promise<BenchRow[]> {
  const config = JSON.parse(readFileSync(resolve(ROOT, 'size-budgets.json'), 'utf8')) as BudgetConfig;
  const dist = await benchBuild();
  const verdicts = judge(
    [...measureBuild(dist), ...measureData(resolve(ROOT, 'public/data'), config.initialDataFiles), ...measureCommuneTiles(resolve(ROOT, 'public/data'))],
    config,
  );
  return verdicts.map((v) => ({
    group: 'size (gzip)',
    name: v.label,
    value: kib(v.gzip),
    ratio: v.budgetKB === null ? undefined : `${Math.round((100 * v.gzip) / (v.budgetKB * 1024))} % of budget`,
    note: v.budgetKB === null ? 'no budget' : `budget ${v.budgetKB} KB${v.ok ? '' : ' — EXCEEDED'}`,
  }));
}
