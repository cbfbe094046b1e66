// `npm test`: the whole suite (unit and end-to-end) in one vitest run, then a
// closing line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
  const install = spawnSync('bash', [resolve(root, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  if (install.status !== 0) console.error('Could not install Chromium: the end-to-end tests will fail.');
}

mkdirSync(resolve(root, '.cache'), { recursive: true });
const report = resolve(root, '.cache/vitest-report.json');
const run = spawnSync(
  process.execPath,
  [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SKIP_DATA_BUILD: '1' } },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
    testResults: Array<{ status: string; message?: string }>;
  };
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  // A test file that fails to load has no test results but must count as a failure.
  failed += json.testResults.filter((r) => r.status === 'failed' && r.message && r.message.length > 0).length;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status ?? 1);
