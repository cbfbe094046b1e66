import { useMemo } from 'react';
import { latestUpdate } from '../domain/summary';
import { formatDate } from '../i18n/translate';
import { useOnline } from '../offline/use-online';
import { useApp, useT } from '../store/react';

/**
 * When the data shown was last refreshed, and whether the app is offline: a
 * reader in a dead zone sees the cached copy and how old it is.
 */
export function DataFreshness() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const data = useApp((s) => s.data);
  const online = useOnline();
  const catalogue = useApp((s) => s.catalogue);
  const latest = useMemo(() => (data ? latestUpdate(catalogue) : null), [data, catalogue]);
  if (!data) return null;
  const generated = data.manifest.generatedAt.slice(0, 10);
  return (
    <p className={`data-freshness${online ? '' : ' is-offline'}`} role="status" data-testid="data-freshness">
      {t(online ? 'offline.updated' : 'offline.updatedOffline', { date: formatDate(lang, generated) })}
      {latest && ` · ${t('offline.latestRecord', { date: formatDate(lang, latest) })}`}
    </p>
  );
}
