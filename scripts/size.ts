// `npm run size`: gzip size of what a first visit downloads (app, MapLibre worker,
// embed page and web component, each region's data before the first paint and in all)
// against size-budgets.json, and of each region's commune tiles (not budgeted).
// Exits 1 when a budget is exceeded. `npm run size -- --dist dist` measures an
// existing build instead of building into .cache/size-build.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp, ensureData, ROOT } from './lib/build-app';
import { judge, kib, measureBuild, measureCommuneTiles, measureData, measureFirstPaintData, missingMeasures, type BudgetConfig } from './lib/bundle-size';
import { FIRST_VIEW_FILES } from '../src/data/first-view';

const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
const config = JSON.parse(readFileSync(resolve(ROOT, 'size-budgets.json'), 'utf8')) as BudgetConfig;

let dist: string;
if (distArg >= 0 && args[distArg + 1]) {
  dist = resolve(ROOT, args[distArg + 1]!);
} else {
  ensureData();
  console.log('Building the app into .cache/size-build…');
  dist = await buildApp('.cache/size-build');
}

const dataDir = resolve(ROOT, 'public/data');
const verdicts = judge(
  [
    ...measureBuild(dist),
    ...measureFirstPaintData(dataDir, FIRST_VIEW_FILES),
    ...measureData(dataDir, config.initialDataFiles),
    ...measureCommuneTiles(dataDir),
  ],
  config,
);
const rows = [
  ['measure', 'gzip', 'raw', 'budget', 'status'],
  ...verdicts.map((v) => [
    v.label,
    kib(v.gzip),
    kib(v.bytes),
    v.budgetKB === null ? '—' : `${v.budgetKB} KB`,
    v.budgetKB === null ? 'no budget' : v.ok ? `ok (${Math.round((100 * v.gzip) / (v.budgetKB * 1024))} %)` : 'OVER',
  ]),
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));

// A budgeted part missing from the build fails the check (it was built before, or it has no budget).
const missing = missingMeasures(verdicts, config);
for (const id of missing) console.error(`Missing from this build: ${id} has a budget in size-budgets.json but nothing was measured`);
for (const v of verdicts.filter((x) => x.ok === false)) {
  console.error(`Budget exceeded: ${v.label} is ${kib(v.gzip)} gzip, budget ${v.budgetKB} KB (${v.files.join(', ')})`);
}
const over = verdicts.filter((v) => !v.ok).length;
if (over === 0 && missing.length === 0) console.log('All size budgets met.');
else
  console.log(
    [over > 0 ? `${over} size budget(s) exceeded.` : '', missing.length > 0 ? `${missing.length} budgeted part(s) missing.` : ''].filter(Boolean).join(' '),
  );
process.exit(over === 0 && missing.length === 0 ? 0 : 1);
