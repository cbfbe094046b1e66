import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { distanceBreaks, CLASS_COLORS } from '../../domain/coverage/classes';
import type { RegionData } from '../../data/load-region';
import { formatKm } from '../../i18n/translate';
import { BEYOND_COLOR, UNKNOWN_COLOR } from '../../map/layers/coverage';
import { THRESHOLD_MAX_KM, THRESHOLD_MIN_KM } from '../../store/coverage-slice';
import { useApp, useAppStore, useT } from '../../store/react';
import { TypeSymbol } from '../TypeSymbol';

const COMMIT_DELAY_MS = 350;

/** Threshold (slider and number), offer types, stages, reading and map style. */
export function CoverageControls({ data, thresholdKm }: { data: RegionData; thresholdKm: number }) {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const settings = useApp((s) => s.coverage);
  const verifiedOnly = useApp((s) => s.filter.verifiedOnly === true);
  const committed = settings.thresholdKm ?? data.config.defaultThresholdKm;
  const [draft, setDraft] = useState(String(committed));
  const commitTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const allTypes = data.config.offerTypes.map((o) => o.id);

  useEffect(() => setDraft(String(thresholdKm)), [thresholdKm]);
  useEffect(() => () => {
    if (commitTimer.current) clearTimeout(commitTimer.current);
  }, []);

  // The slider moves the figures live; the URL (and history) gets the value once dragging pauses.
  const onSlide = (km: number) => {
    store.getState().setCoverageLiveKm(km);
    if (commitTimer.current) clearTimeout(commitTimer.current);
    commitTimer.current = setTimeout(() => store.getState().commitCoverageKm(km), COMMIT_DELAY_MS);
  };
  const commitNow = (km: number) => {
    if (commitTimer.current) clearTimeout(commitTimer.current);
    store.getState().commitCoverageKm(km);
  };
  const draftKm = Number(draft);
  const draftValid = draft.trim() !== '' && Number.isFinite(draftKm) && draftKm >= THRESHOLD_MIN_KM && draftKm <= THRESHOLD_MAX_KM;

  return (
    <section className="coverage-controls" aria-labelledby="coverage-controls-title">
      <h3 id="coverage-controls-title" className="visually-hidden">
        {t('coverage.controls')}
      </h3>
      <div className="coverage-threshold">
        <label htmlFor="coverage-km-range">{t('coverage.threshold')}</label>
        <div className="coverage-threshold-inputs">
          <input
            id="coverage-km-range"
            type="range"
            min={THRESHOLD_MIN_KM}
            max={THRESHOLD_MAX_KM}
            step={1}
            value={thresholdKm}
            data-testid="coverage-threshold-range"
            aria-valuetext={formatKm(lang, thresholdKm)}
            onChange={(e) => onSlide(Number(e.target.value))}
            onPointerUp={(e) => commitNow(Number((e.target as HTMLInputElement).value))}
            onKeyUp={(e) => commitNow(Number((e.target as HTMLInputElement).value))}
          />
          <input
            type="number"
            min={THRESHOLD_MIN_KM}
            max={THRESHOLD_MAX_KM}
            step={1}
            value={draft}
            aria-label={t('coverage.thresholdNumber')}
            aria-invalid={!draftValid}
            aria-describedby="coverage-km-hint"
            data-testid="coverage-threshold-number"
            onChange={(e) => {
              setDraft(e.target.value);
              const km = Number(e.target.value);
              if (e.target.value.trim() !== '' && km >= THRESHOLD_MIN_KM && km <= THRESHOLD_MAX_KM) commitNow(km);
            }}
            onBlur={() => setDraft(String(thresholdKm))}
          />
          <span aria-hidden="true">{t('coverage.kmUnit')}</span>
        </div>
        <p id="coverage-km-hint" className={draftValid ? 'coverage-hint' : 'coverage-hint is-error'}>
          {draftValid ? t('coverage.thresholdHint', { min: THRESHOLD_MIN_KM, max: THRESHOLD_MAX_KM }) : t('coverage.thresholdInvalid', { min: THRESHOLD_MIN_KM, max: THRESHOLD_MAX_KM })}
        </p>
      </div>

      <fieldset className="coverage-types">
        <legend>{t('coverage.types')}</legend>
        <ul>
          {data.config.offerTypes.map((type) => (
            <li key={type.id}>
              <label className="inline-check">
                <input
                  type="checkbox"
                  checked={settings.types === null || settings.types.includes(type.id)}
                  data-testid={`coverage-type-${type.id}`}
                  onChange={() => store.getState().toggleCoverageType(type.id, allTypes)}
                />
                <TypeSymbol type={type} size={14} />
                {type.label[lang]}
              </label>
            </li>
          ))}
        </ul>
        <div className="coverage-quick">
          <button type="button" className="link-button" onClick={() => store.getState().setCoverage({ types: null })}>
            {t('coverage.allTypes')}
          </button>
          <button type="button" className="link-button" onClick={() => store.getState().setCoverage({ types: [] })}>
            {t('coverage.noTypes')}
          </button>
        </div>
      </fieldset>

      <fieldset className="coverage-stages">
        <legend>{t('coverage.stages')}</legend>
        <ul>
          {data.config.stages.map((stage) => (
            <li key={stage.id}>
              <label className="inline-check">
                <input
                  type="checkbox"
                  checked={settings.stages.includes(stage.id)}
                  onChange={() => store.getState().toggleCoverageStage(stage.id)}
                />
                {stage.label[lang]}
              </label>
            </li>
          ))}
        </ul>
        <p className="coverage-hint">{t('coverage.stagesHint')}</p>
      </fieldset>

      <fieldset className="coverage-reading">
        <legend>{t('coverage.reading')}</legend>
        {(['site', 'zones'] as const).map((reading) => (
          <label key={reading} className="coverage-radio">
            <input
              type="radio"
              name="coverage-reading"
              value={reading}
              checked={settings.reading === reading}
              data-testid={`coverage-reading-${reading}`}
              onChange={() => store.getState().setCoverage({ reading })}
            />
            <span>
              <strong>{t(`coverage.reading.${reading}`)}</strong>
              <span className="coverage-hint">{t(`coverage.reading.${reading}.help`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <label className="inline-check" title={t('filters.verifiedOnlyHint')}>
        <input
          type="checkbox"
          checked={verifiedOnly}
          data-testid="coverage-verified"
          onChange={(e) => store.getState().setFilter({ verifiedOnly: e.target.checked })}
        />
        {t('coverage.verifiedSwitch')}
      </label>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={settings.classes}
          data-testid="coverage-classes"
          onChange={(e) => store.getState().setCoverage({ classes: e.target.checked })}
        />
        {t('coverage.classes')}
      </label>
      <MapLegend thresholdKm={thresholdKm} classes={settings.classes} />
    </section>
  );
}

function MapLegend({ thresholdKm, classes }: { thresholdKm: number; classes: boolean }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const breaks = distanceBreaks(thresholdKm);
  const km = (x: number) => formatKm(lang, x);
  const items: Array<{ swatch: CSSProperties; label: string }> = classes
    ? [
        { swatch: { background: CLASS_COLORS[0] }, label: t('coverage.legend.upTo', { km: km(breaks[0]) }) },
        { swatch: { background: CLASS_COLORS[1] }, label: t('coverage.legend.between', { from: km(breaks[0]), to: km(breaks[1]) }) },
        { swatch: { background: CLASS_COLORS[2] }, label: t('coverage.legend.between', { from: km(breaks[1]), to: km(breaks[2]) }) },
        { swatch: { background: CLASS_COLORS[3] }, label: t('coverage.legend.between', { from: km(breaks[2]), to: km(breaks[3]) }) },
        { swatch: { background: CLASS_COLORS[4] }, label: t('coverage.legend.beyond', { km: km(breaks[3]) }) },
      ]
    : [{ swatch: { background: BEYOND_COLOR, opacity: 0.55 }, label: t('coverage.legend.beyondThreshold', { km: km(thresholdKm) }) }];
  items.push({ swatch: { background: UNKNOWN_COLOR, opacity: 0.6 }, label: t('coverage.legend.unknown') });
  items.push({ swatch: {}, label: t('coverage.legend.gap', { km: km(thresholdKm) }) });
  return (
    <ul className="coverage-legend" aria-label={t('coverage.legend')} data-testid="coverage-legend">
      {items.map((item, i) => (
        <li key={i}>
          <span className={i === items.length - 1 ? 'coverage-swatch is-hatch' : 'coverage-swatch'} style={item.swatch} aria-hidden="true" />
          {item.label}
        </li>
      ))}
      <li className="coverage-hint">{t('coverage.legend.note')}</li>
    </ul>
  );
}
