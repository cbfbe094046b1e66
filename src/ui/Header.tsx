import { useEffect, useState } from 'react';
import { loadRegionList, type RegionListEntry } from '../data/load-region';
import { useApp, useAppStore, useT } from '../store/react';
import { EmbedButton } from './embed/EmbedButton';

export function Header() {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const regionId = useApp((s) => s.regionId);
  const [regions, setRegions] = useState<RegionListEntry[]>([]);
  useEffect(() => {
    loadRegionList().then(setRegions, () => setRegions([]));
  }, []);

  return (
    <header className="app-header">
      <h1 className="app-title">
        <span className="app-logo" aria-hidden="true">
          ◎
        </span>{' '}
        {t('app.short')}
        <span className="app-tagline">{t('app.tagline')}</span>
      </h1>
      <div className="header-tools">
        <EmbedButton />
        {regions.length > 1 && (
          <label className="compact-field">
            <span className="visually-hidden">{t('app.region')}</span>
            <select
              value={regionId}
              onChange={(e) => {
                // A new region means a new map: reload with the region in the URL.
                const url = new URL(window.location.href);
                url.search = '';
                url.searchParams.set('region', e.target.value);
                if (lang !== 'fr') url.searchParams.set('lang', lang);
                window.location.assign(url.toString());
              }}
            >
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name[lang]}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="lang-switch" role="group" aria-label={t('app.language')}>
          {(['fr', 'en'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} lang={l} onClick={() => store.getState().setLang(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
