import { useEffect, useState } from 'react';
import type { Neighbour } from '../../domain/search/nearest';
import type { Lang, Structure } from '../../domain/types';
import { formatKm, formatNumber } from '../../i18n/translate';
import { useApp, useAppStore, useT } from '../../store/react';
import { StructureCard } from '../StructureCard';
import { StructureButton } from '../StructureButton';
import { useNearAnswer, useParcours, usePlace, type Place } from './useNear';

const PAGE = 10;

/** The "À proximité" tab: nearest structures or the path by stage, or the card of the one chosen. */
export function NearPanel() {
  const selectedId = useApp((s) => s.selectedId);
  return selectedId ? <StructureCard /> : <NearResults />;
}

function NearResults() {
  const t = useT();
  const store = useAppStore();
  const data = useApp((s) => s.data)!;
  const lang = useApp((s) => s.lang);
  const view = useApp((s) => s.nearView);
  const origin = useApp((s) => s.origin);
  const filter = useApp((s) => s.filter);
  const place = usePlace();
  const [k, setK] = useState(PAGE);
  useEffect(() => setK(PAGE), [place?.origin]);
  const answer = useNearAnswer(k);
  const steps = useParcours();
  const region = data.config.name[lang];

  if (!place && origin && !data.communesReady) {
    return (
      <p className="near-empty" role="status" data-testid="communes-loading">
        {t('app.communesLoading')}
      </p>
    );
  }
  if (!place) return <p className="near-empty">{t('near.empty')}</p>;
  if (!place.ok) {
    return (
      <p className="near-warning" role="alert">
        {t('near.unknownCommune', { code: place.code, region })}
      </p>
    );
  }

  const located = answer ? answer.matching - answer.unlocated : 0;
  const shown = answer?.results.length ?? 0;
  const filters = [
    filter.stages.length
      ? t('near.filter.stage', { stage: filter.stages.map((id) => data.config.stages.find((s) => s.id === id)?.label[lang] ?? id).join(', ') })
      : '',
    filter.types ? t('near.filter.types', { n: filter.types.length }) : '',
    filter.dept ? t('near.filter.dept', { dept: filter.dept }) : '',
  ].filter(Boolean);

  return (
    <section className="near" aria-labelledby="near-title" data-testid="near-panel">
      <h2 id="near-title" className="section-title" data-testid="near-title">
        {placeTitle(place, t, lang)}
      </h2>
      {place.origin.kind === 'point' && place.closest && (
        <p className="near-sub">{t('near.closeTo', { name: `${place.closest.name} (${place.closest.dept})` })}</p>
      )}
      {!place.inRegion && (
        <p className="near-warning" role="alert" data-testid="near-outside">
          {t('near.outside', { region })}
        </p>
      )}
      <div className="near-mode" role="group" aria-label={t('near.mode')}>
        {(['list', 'parcours'] as const).map((mode) => (
          <button key={mode} type="button" aria-pressed={view === mode} data-testid={`near-mode-${mode}`} onClick={() => store.getState().setNearView(mode)}>
            {t(`near.mode.${mode}`)}
          </button>
        ))}
      </div>
      {view === 'list' ? (
        <>
          <p className="result-count" role="status" aria-live="polite" data-testid="near-count">
            {shown === 0 ? t('near.none') : shown < located ? t('near.count', { shown, n: located }) : t('near.countAll', { n: shown })}
          </p>
          {answer && shown > 0 && (
            <ol className="cards near-list" data-testid="near-results">
              {answer.results.map((n) => (
                <li key={n.item.id} data-id={n.item.id}>
                  <NeighbourButton n={n} />
                </li>
              ))}
            </ol>
          )}
          {shown < located && (
            <button type="button" className="link-button" onClick={() => setK(k + PAGE)}>
              {t('near.more', { n: Math.min(PAGE, located - shown) })}
            </button>
          )}
        </>
      ) : (
        <>
          <p className="near-note">{t('near.parcoursIntro')}</p>
          <ol className="parcours" data-testid="parcours">
            {steps?.map((step) => (
              <li key={step.stage.id} data-stage={step.stage.id}>
                <h3 className="parcours-stage">{step.stage.label[lang]}</h3>
                {step.nearest ? <NeighbourButton n={step.nearest} /> : <p className="empty">{t('near.parcoursNone')}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="near-note">{t(place.origin.kind === 'commune' ? 'near.distanceNote.commune' : 'near.distanceNote.point')}</p>
      {filters.length > 0 && (
        <p className="near-note">
          {t('near.filtered', { what: filters.join(' ; ') })}{' '}
          <button type="button" className="link-button" onClick={() => store.getState().setTab('list')}>
            {t('near.editFilters')}
          </button>
        </p>
      )}
      {answer && answer.unlocated > 0 && (
        <p className="near-note" data-testid="near-unlocated">
          {t('near.unlocated', { n: formatNumber(lang, answer.unlocated) })}
        </p>
      )}
    </section>
  );
}

function placeTitle(place: Extract<Place, { ok: true }>, t: (key: string, params?: Record<string, string | number>) => string, lang: Lang): string {
  const { origin } = place;
  if (origin.kind === 'commune') return t('near.title.commune', { name: place.commune?.name ?? origin.code, dept: place.commune?.dept ?? '' });
  if (origin.source === 'geolocation') return t('near.title.geolocation');
  if (origin.source === 'address' && origin.label) return t('near.title.address', { label: origin.label });
  return t('near.title.point', { lat: formatNumber(lang, origin.lat, 3), lon: formatNumber(lang, origin.lon, 3) });
}

/** One structure with its type, commune and distance; opens its card. */
function NeighbourButton({ n }: { n: Neighbour<Structure> }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const km = formatKm(lang, n.distanceKm);
  return (
    <StructureButton
      structure={n.item}
      className="near-item"
      trailing={
        <span className="near-distance" data-testid="near-distance" title={t('near.distance', { km })}>
          {km}
        </span>
      }
    />
  );
}
