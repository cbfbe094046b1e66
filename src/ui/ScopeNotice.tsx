import { useMemo } from 'react';
import { resolvedScope, scopePending } from '../store/scope-binding';
import { NO_SCOPE, type ScopePart } from '../domain/embed-scope';
import { issueText } from './issue-text';
import { formatKm } from '../i18n/translate';
import { useApp, useAppStore, useT } from '../store/react';
import { checkParams } from '../store/param-check';
import './scope-notice.css';

/**
 * Says which territory the offer is limited to (EPCI, commune, radius) or that the one
 * asked for waits for the commune list, which
 * scope parameters could not be used and why, and how a partner's own
 * structures file was read. Nothing when none of these applies.
 */
export function ScopeNotice() {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const data = useApp((s) => s.data);
  const scope = useApp((s) => s.scope);
  const embedded = useApp((s) => s.embedded);
  const resolved = useMemo(() => resolvedScope({ data, scope }), [data, scope]);
  const partner = useApp((s) => s.partnerData);
  const startParams = useApp((s) => s.startParams);
  const regionFallback = useApp((s) => s.regionFallback);
  const unusableOrigins = useApp((s) => s.unusableOrigins);
  const ignored = useMemo(
    () => (startParams === null ? [] : checkParams(new URLSearchParams(startParams), { embedded, config: data?.config, regionFallback, unusableOrigins })),
    [startParams, embedded, data, regionFallback, unusableOrigins],
  );
  // A territory asked for (by a host page, or Back) before the commune list it needs has
  // arrived: the area in force stays until then (src/store/scope-binding.ts), and says so.
  if (scopePending({ data, scope }))
    return (
      <section className="scope-notice" data-testid="scope-notice" aria-label={t('scope.title')}>
        <p role="status" data-testid="scope-pending">
          {t('scope.pending')}
        </p>
      </section>
    );
  if (!resolved || (resolved.parts.length === 0 && resolved.problems.length === 0 && !partner && ignored.length === 0)) return null;

  const describe = (p: ScopePart) => {
    switch (p.kind) {
      case 'epci':
        return t('scope.epci', { name: p.name, n: p.communes });
      case 'commune':
        return t('scope.commune', { name: p.name, code: p.code });
      case 'around':
        return t(p.defaulted ? 'scope.aroundDefault' : 'scope.around', { km: formatKm(lang, p.radiusKm), place: p.label });
    }
  };

  return (
    <section className="scope-notice" data-testid="scope-notice" aria-label={t('scope.title')}>
      {resolved.parts.length > 0 && (
        <p>
          <strong>{t('scope.title')}</strong> {resolved.parts.map(describe).join(' · ')}
        </p>
      )}
      {(resolved.problems.length > 0 || ignored.length > 0) && (
        <ul className="scope-problems" role="alert" data-testid="param-notice">
          {ignored.map((p, i) => (
            <li key={`p${i}`} data-param={p.param}>
              {t('params.ignored', {
                param: p.param,
                value: p.value,
                reason: t(`params.reason.${p.reason}`, { detail: p.reason === 'unknownRegion' && data ? data.config.name[lang] : (p.detail ?? '') }),
              })}
            </li>
          ))}
          {resolved.problems.map((p, i) => (
            <li key={i}>{t(`scope.problem.${p.code}`, { value: p.value })}</li>
          ))}
        </ul>
      )}
      {partner && <PartnerStatus />}
      {!embedded && resolved.parts.length > 0 && (
        <button type="button" className="link-button" onClick={() => store.setState({ scope: NO_SCOPE })}>
          {t('scope.clear')}
        </button>
      )}
    </section>
  );
}

function PartnerStatus() {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const partner = useApp((s) => s.partnerData);
  if (!partner) return null;
  if (partner.status === 'loading') return <p role="status">{t('partner.loading')}</p>;
  if (partner.status === 'failed') {
    return (
      <p className="partner-failed" role="alert" data-testid="partner-status">
        {t('partner.failed', { message: partner.reason ? t(`partner.reason.${partner.reason.key}`, partner.reason.params) : partner.message })}
      </p>
    );
  }
  // Back to the official catalogue: the partner file leaves the state (and the app's URL).
  const back = () => store.setState({ dataUrl: null });
  if (partner.status === 'ignored') {
    return (
      <div className="partner-failed" role="alert" data-testid="partner-status">
        <p>{t('partner.ignored', { host: partner.host })}</p>
        <button type="button" className="link-button" onClick={back} data-testid="partner-dismiss">
          {t('partner.dismiss')}
        </button>
      </div>
    );
  }
  const errors = partner.issues.filter((i) => i.severity === 'error').length;
  const where = (line: number | undefined) =>
    line === undefined ? '' : `${t(partner.kind === 'csv' ? 'partner.line' : 'partner.feature', { n: String(line) })} `;
  return (
    <div className="partner-status" data-testid="partner-status">
      <p role="status">
        <strong>{t('partner.source', { host: partner.host })}</strong> {t('partner.loaded', { count: partner.count, rows: partner.rows })}{' '}
        <button type="button" className="link-button" onClick={back} data-testid="partner-back">
          {t('partner.back')}
        </button>
      </p>
      {partner.issues.length > 0 && (
        <details open={errors > 0}>
          <summary>{t('partner.issues', { errors, warnings: partner.issues.length - errors })}</summary>
          <ul className="partner-issues" data-testid="partner-issues">
            {partner.issues.map((issue, i) => (
              <li key={i} className={issue.severity === 'error' ? 'is-error' : 'is-warning'}>
                {where(issue.line)}
                {issue.field ? `[${issue.field}] ` : ''}
                {issueText(t, lang, issue)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
