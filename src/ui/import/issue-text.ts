import type { ImportIssue } from '../../domain/import/types';

type T = (key: string, params?: Record<string, string | number>) => string;

/** An issue in the interface language: by its code, or (catalogue validator issues) its field and English text. */
export function issueText(t: T, issue: ImportIssue): string {
  const params: Record<string, string | number> = { ...(issue.params ?? {}) };
  if (typeof params.field === 'string') params.field = t(`import.field.${params.field}`);
  if (issue.code) {
    const key = `import.issue.${issue.code}`;
    const text = t(key, params);
    return text === key ? issue.message : text;
  }
  if (issue.field === 'stages' && issue.severity === 'warning') return t('import.issue.noStage');
  return issue.field ? t('import.issue.validator', { field: t(`import.field.${issue.field}`), message: issue.message }) : issue.message;
}
