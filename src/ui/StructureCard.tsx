import { useEffect, useRef } from 'react';
import { safeHttpUrl, safeMailto, safeTel, splitSources } from '../domain/safe-url';
import { formatDate } from '../i18n/translate';
import type { Lang } from '../domain/types';
import { useMapController } from '../map/map-context';
import { useApp, useAppStore, useT } from '../store/react';
import { selectAllStructures } from '../store/import-slice';
import { TypeSymbol } from './TypeSymbol';
import { cardOrigin, closeCard } from './card-return';

/** Every detail of the selected structure. All values are rendered as text, never as HTML. */
export function StructureCard() {
  const t = useT();
  const store = useAppStore();
  const controller = useMapController();
  const data = useApp((s) => s.data)!;
  const lang = useApp((s) => s.lang);
  const selectedId = useApp((s) => s.selectedId);
  const heading = useRef<HTMLHeadingElement>(null);
  const structures = useApp(selectAllStructures);
  const embedded = useApp((x) => x.embedded);
  const s = structures.find((x) => x.id === selectedId);

  useEffect(() => {
    heading.current?.focus();
  }, [selectedId]);

  if (!selectedId) return null;
  const close = () => closeCard(store, selectedId);
  if (!s) {
    return (
      <section className="structure-card" aria-live="polite">
        <p>{t('card.notFound')}</p>
        <button type="button" onClick={close}>
          {t('card.back')}
        </button>
      </section>
    );
  }
  const type = data.config.offerTypes.find((o) => o.id === s.type);
  const commune = s.commune ? data.communeByCode.get(s.commune) : undefined;
  const website = safeHttpUrl(s.website);
  const email = safeMailto(s.email);
  const phone = safeTel(s.phone);
  const stageLabel = (id: string) => data.config.stages.find((st) => st.id === id)?.label[lang] ?? id;
  const zone = s.zone.includes('region')
    ? t('card.zoneRegion')
    : s.zone.map((code) => data.departements.features.find((f) => f.properties.code === code)?.properties.nom ?? code).join(', ');

  return (
    <section className="structure-card" aria-labelledby="card-title" data-testid="structure-card">
      <button type="button" className="card-back" onClick={close}>
        ← {t(cardOrigin(store) === 'search' ? 'card.backToResults' : cardOrigin(store) === 'list' ? 'card.back' : 'card.backPrevious')}
      </button>
      <h2 id="card-title" ref={heading} tabIndex={-1} data-testid="card-title">
        {type && <TypeSymbol type={type} size={20} />} {s.name}
      </h2>
      {s.status === 'closed' && (
        <p className="badge-closed-block" data-testid="card-closed">
          <strong>{t('card.closed')}</strong> — {t('card.closedHint')}
        </p>
      )}
      {s.status === 'to_check' && (
        <p className="badge-check-block">
          <strong>{t('card.toCheck')}</strong> — {t('card.toCheckHint')}
        </p>
      )}
      {s.description && <p className="card-description">{s.description}</p>}
      <dl className="card-fields">
        <dt>{t('card.type')}</dt>
        <dd>{type?.label[lang] ?? s.type}</dd>
        {s.stages.length > 0 && (
          <>
            <dt>{t('card.stages')}</dt>
            <dd>{s.stages.map(stageLabel).join(', ')}</dd>
          </>
        )}
        {(s.address || s.postcode) && (
          <>
            <dt>{t('card.address')}</dt>
            <dd>{[s.address, s.postcode].filter(Boolean).join(', ')}</dd>
          </>
        )}
        <dt>{t('card.commune')}</dt>
        <dd>
          {commune ? `${commune.name} (${commune.code})` : t('list.unlocated')}
          {s.precision === 'commune' && <span className="badge-approx"> — {t('card.approx')}</span>}
          {s.precision === 'none' && <span className="badge-approx"> — {t('card.unlocated')}</span>}
        </dd>
        {zone && (
          <>
            <dt>{t('card.zone')}</dt>
            <dd>{zone}</dd>
          </>
        )}
        {website && (
          <>
            <dt>{t('card.website')}</dt>
            <dd>
              <a href={website} target="_blank" rel="noopener noreferrer">
                {s.website}
              </a>
            </dd>
          </>
        )}
        {email && (
          <>
            <dt>{t('card.email')}</dt>
            <dd>
              <a href={email}>{s.email}</a>
            </dd>
          </>
        )}
        {phone && (
          <>
            <dt>{t('card.phone')}</dt>
            <dd>
              <a href={phone}>{s.phone}</a>
            </dd>
          </>
        )}
        {s.hours && (
          <>
            <dt>{t('card.hours')}</dt>
            <dd>{s.hours}</dd>
          </>
        )}
        <dt>{t('card.sources')}</dt>
        <dd>
          <ul className="sources">
            {splitSources(s.source).map((src, i) => {
              const href = safeHttpUrl(src);
              return (
                <li key={i}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" title={src}>
                      {new URL(href).hostname} ({t('card.source', { n: i + 1 })})
                    </a>
                  ) : (
                    src
                  )}
                </li>
              );
            })}
          </ul>
          {s.sourceDate && <p className="card-source-date">{t('card.sourceDate', { date: formatSourceDate(lang, s.sourceDate) })}</p>}
          {s.quote && (
            <details className="card-quotes">
              <summary>{t('card.quotes')}</summary>
              <ul>
                {s.quote.split(' | ').map((q, i) => (
                  <li key={i}>« {q} »</li>
                ))}
              </ul>
            </details>
          )}
        </dd>
      </dl>
      {s.updated && <p className="card-updated">{t('card.updated', { date: formatDate(lang, s.updated) })}</p>}
      {!embedded && (
        <p className="correction-card-action">
          <button type="button" aria-haspopup="dialog" onClick={() => store.getState().openCorrection({ structureId: s.id })} data-testid="correction-open">
            {t('correction.open')}
          </button>
        </p>
      )}
      {s.lon !== null && s.lat !== null && controller && (
        <button type="button" onClick={() => controller.flyTo(s.lon!, s.lat!, 12)}>
          {t('card.showOnMap')}
        </button>
      )}
    </section>
  );
}

/** A source date may be a year, a month or a day. */
function formatSourceDate(lang: Lang, date: string): string {
  return date.length === 10 ? formatDate(lang, date) : date;
}
