import { isCatalogueCode, issueMessage } from '../domain/catalogue/messages';
import type { ImportIssue } from '../domain/import/types';
import type { Lang } from '../domain/types';

type T = (key: string, params?: Record<string, string | number>) => string;

/**
 * An issue in the interface language: catalogue validator issues by their catalogue code,
 * the table reader's and the import's by `import.issue.<code>`, a refused file by
 * `import.refusal.<code>`, anything else as its English text. The Import tab, the partner
 * notice and the correction form show issues through here.
 */
export function issueText(t: T, lang: Lang, issue: ImportIssue): string {
  if (isCatalogueCode(issue.code)) return issueMessage(issue, lang);
  const params: Record<string, string | number> = { ...(issue.params ?? {}) };
  if (typeof params.field === 'string') params.field = t(`import.field.${params.field}`);
  if (issue.code) {
    const key = issue.code.startsWith('refusal.') ? `import.${issue.code}` : `import.issue.${issue.code}`;
    const text = t(key, params);
    return text === key ? issue.message : text;
  }
  if (issue.field === 'stages' && issue.severity === 'warning') return t('import.issue.noStage');
  return issue.field ? t('import.issue.validator', { field: t(`import.field.${issue.field}`), message: issue.message }) : issue.message;
}
