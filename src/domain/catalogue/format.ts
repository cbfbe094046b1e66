// Human-readable issue lists for the build log and the import dialog.
import type { Issue } from '../types';

/**
 * One line per issue, sorted by line, errors first on a same line:
 * `data/structures.csv:12 [commune] error: Commune "31999" is not ...`
 */
export function formatIssues(issues: readonly Issue[], file: string): string {
  const rank = (i: Issue) => (i.severity === 'error' ? 0 : 1);
  return [...issues]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || rank(a) - rank(b))
    .map((i) => `${file}${i.line !== undefined ? `:${i.line}` : ''}${i.field ? ` [${i.field}]` : ''} ${i.severity}: ${i.message}`)
    .join('\n');
}

/** Counts of errors and warnings, e.g. for a summary line. */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}
