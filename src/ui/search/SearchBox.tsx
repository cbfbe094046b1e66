import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { searchCommunes, TYPO_TIER, type CommuneMatch } from '../../domain/search/commune-index';
import type { AddressHit } from '../../domain/ban';
import { pointOrigin, type Origin } from '../../domain/search/origin';
import { useApp, useAppStore, useT } from '../../store/react';
import { regionIndexes } from './indexes';
import { pageIdle } from '../page-idle';
import { SearchMapLayer } from './SearchMapLayer';
import { useAddressSearch } from './useAddressSearch';
import './search.css';

const SHOWN = 8;
/** A whole postcode or INSEE code: every commune it names is listed (65100 names 36), the list scrolls. */
const WHOLE_CODE = /^\s*[0-9][0-9ab][0-9]{3}\s*$/i;

/**
 * Deployments can hide the address option entirely (VITE_ADDRESS_SEARCH=off)
 * or tick it by default (=on); by default it is offered, unticked.
 */
const ADDRESS_FLAG = (import.meta.env.VITE_ADDRESS_SEARCH as string | undefined) ?? 'optional';

type Option = { kind: 'commune'; match: CommuneMatch } | { kind: 'address'; hit: AddressHit };

const optionId = (i: number) => `search-option-${i}`;

/** What the input shows for an origin chosen elsewhere (a link, "Me localiser"). */
function originText(origin: Origin, communeName: (code: string) => string | undefined, here: string): string {
  if (origin.kind === 'commune') return communeName(origin.code) ?? origin.code;
  if (origin.source === 'geolocation') return here;
  return origin.label ?? `${origin.lat}, ${origin.lon}`;
}

/**
 * The place search: a WAI-ARIA combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/)
 * over the region's communes, optionally completed by addresses, and "Me localiser".
 */
export function SearchBox() {
  const t = useT();
  const store = useAppStore();
  const data = useApp((s) => s.data)!;
  const origin = useApp((s) => s.origin);
  const addressOptIn = useApp((s) => s.addressSearch);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [geo, setGeo] = useState<'idle' | 'locating' | string>('idle');
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  useEffect(() => {
    if (ADDRESS_FLAG === 'on') store.getState().setAddressSearch(true);
  }, [store]);
  const addressEnabled = ADDRESS_FLAG !== 'off' && addressOptIn;

  // Show the chosen place in the box, whoever chose it.
  useEffect(() => {
    if (origin) setText(originText(origin, (code) => data.communeByCode.get(code)?.name, t('near.title.geolocation')));
    // The language switch should not retype the box.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [origin, data]);

  // The search index (4,500 communes: a few hundred milliseconds of a phone's thread) is
  // built when first searched, or beforehand in idle time once the map has drawn the
  // communes (or a panel has asked for their contours: `contoursWanted`); built as the list
  // arrived, it held the page's thread while the map drew the communes.
  const communesDrawn = useApp((s) => s.contoursWanted);
  useEffect(() => {
    if (!communesDrawn || data.communes.length === 0) return;
    let cancelled = false;
    void pageIdle(2_000).then(() => !cancelled && regionIndexes(data));
    return () => {
      cancelled = true;
    };
  }, [communesDrawn, data]);
  const { matches, total } = useMemo(
    () => (text.trim() ? searchCommunes(regionIndexes(data).communes, text, WHOLE_CODE.test(text) ? Infinity : SHOWN) : { matches: [], total: 0 }),
    [data, text],
  );
  const listbox = useRef<HTMLUListElement>(null);
  const address = useAddressSearch(text, addressEnabled && open);
  const options: Option[] = [
    ...matches.map((match) => ({ kind: 'commune' as const, match })),
    ...address.hits.map((hit) => ({ kind: 'address' as const, hit })),
  ];
  const expanded = open && options.length > 0;

  // The option reached with the arrows scrolls into the list's view (the focus stays in the input).
  useEffect(() => {
    if (active >= 0) listbox.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const deptName = (code: string) => data.departements.features.find((f) => f.properties.code === code)?.properties.nom ?? code;

  const choose = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === 'commune') {
      setText(option.match.commune.name);
      store.getState().setOrigin({ kind: 'commune', code: option.match.commune.code });
    } else {
      setText(option.hit.label);
      store.getState().setOrigin(pointOrigin(option.hit.lon, option.hit.lat, 'address', option.hit.label));
    }
    setOpen(false);
    setActive(-1);
    setGeo('idle');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        if (n > 0 && !e.altKey) setActive((a) => (!open || a >= n - 1 ? 0 : a + 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        if (n > 0) setActive((a) => (!open || a <= 0 ? n - 1 : a - 1));
        break;
      case 'Enter':
        // With no option highlighted, Enter takes the best match ("31000" ↵ → Toulouse).
        if (expanded) {
          e.preventDefault();
          choose(options[active >= 0 ? active : 0]);
        }
        break;
      case 'Escape':
        e.preventDefault();
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else setText('');
        break;
    }
  };

  const locate = () => {
    const geolocation = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
    if (!geolocation) {
      setGeo('search.geo.unsupported');
      return;
    }
    setGeo('locating');
    geolocation.getCurrentPosition(
      (position) => {
        setGeo('idle');
        setOpen(false);
        store.getState().setOrigin(pointOrigin(position.coords.longitude, position.coords.latitude, 'geolocation'));
      },
      (error) => {
        setGeo(error.code === 1 ? 'search.geo.denied' : error.code === 3 ? 'search.geo.timeout' : 'search.geo.unavailable');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  const announcement =
    !open || !text.trim()
      ? ''
      : [
          total === 0
            ? t('search.count.none')
            : total === 1
              ? t('search.count.one')
              : total > matches.length
                ? t('search.count.shown', { n: total, shown: matches.length })
                : t('search.count.many', { n: total }),
          address.hits.length > 0 ? t('search.count.addresses', { n: address.hits.length }) : '',
        ]
          .filter(Boolean)
          .join(', ');

  const renderOption = (option: Option, i: number) => {
    const selected = i === active;
    const common = {
      id: optionId(i),
      role: 'option' as const,
      'aria-selected': selected,
      className: `search-option${selected ? ' is-active' : ''}`,
      // Keep the focus in the input: the click must not blur it first.
      onMouseDown: (e: MouseEvent) => e.preventDefault(),
      // A tap or click ends the typing: let go of the input, so a phone hides its keyboard.
      onClick: () => {
        choose(option);
        input.current?.blur();
      },
    };
    if (option.kind === 'address') {
      return (
        <li key={`a-${i}`} {...common} data-kind="address">
          <span className="search-option-name">{option.hit.label}</span>
        </li>
      );
    }
    const { commune, by, postcode, alias, tier } = option.match;
    const detail =
      by === 'postcode' && postcode
        ? t('search.option.postcode', { code: postcode })
        : by === 'code'
          ? t('search.option.code', { code: commune.code })
          : commune.postcodes.join(', ');
    // Why a commune is listed under another name than the one typed.
    const why =
      by === 'former' && alias
        ? t('search.option.former', { name: alias })
        : by === 'laposte' && alias
          ? t('search.option.laposte', { name: alias })
          : tier === TYPO_TIER
            ? t('search.option.typo')
            : '';
    return (
      <li key={commune.code} {...common} data-kind="commune" data-code={commune.code} data-by={by}>
        <span className="search-option-name">{commune.name}</span>
        {why && (
          <span className="search-option-why" data-testid="search-option-why">
            {why}
          </span>
        )}
        <span className="search-option-meta">
          {deptName(commune.dept)} ({commune.dept}){detail ? ` · ${detail}` : ''}
        </span>
      </li>
    );
  };

  return (
    <div className="search-box" role="search" data-testid="search-box">
      <SearchMapLayer />
      <label htmlFor="search" className="search-label">
        {t(addressEnabled ? 'search.label' : 'search.labelNoAddress')}
      </label>
      <div className="search-row">
        <div className="search-field">
          <input
            ref={input}
            id="search"
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls="search-listbox"
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            placeholder={t('search.placeholder')}
            value={text}
            data-testid="search-input"
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          {text && (
            <button
              type="button"
              className="search-clear"
              aria-label={t('search.clear')}
              title={t('search.clear')}
              onClick={() => {
                setText('');
                setOpen(false);
                store.getState().setOrigin(null);
                input.current?.focus();
              }}
            >
              ×
            </button>
          )}
        </div>
        <button type="button" className="search-locate" onClick={locate} disabled={geo === 'locating'} data-testid="locate">
          <svg className="search-locate-icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
            <circle cx="12" cy="12" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
            <circle cx="12" cy="12" r="2.5" fill="currentColor" />
            <path d="M12 1v4M12 19v4M1 12h4M19 12h4" stroke="currentColor" strokeWidth="2" />
          </svg>
          {t('search.locate')}
        </button>
      </div>
      <ul
        ref={listbox}
        id="search-listbox"
        role="listbox"
        aria-label={t('search.group.communes')}
        className="search-listbox"
        hidden={!expanded}
        data-testid="search-listbox"
      >
        {expanded && matches.length > 0 && address.hits.length > 0 && (
          <li role="presentation" className="search-group" aria-hidden="true">
            {t('search.group.communes')}
          </li>
        )}
        {expanded && options.slice(0, matches.length).map((o, i) => renderOption(o, i))}
        {expanded && address.hits.length > 0 && (
          <li role="presentation" className="search-group" aria-hidden="true">
            {t('search.group.addresses')}
          </li>
        )}
        {expanded && options.slice(matches.length).map((o, i) => renderOption(o, matches.length + i))}
      </ul>
      {expanded && total > matches.length && (
        <p className="search-more" aria-hidden="true">
          {t('search.option.more', { n: total - matches.length })}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="search-count">
        {announcement}
      </p>
      {ADDRESS_FLAG !== 'off' && (
        <label className="inline-check search-address-opt">
          <input
            type="checkbox"
            checked={addressOptIn}
            aria-describedby={hintId}
            data-testid="address-opt-in"
            onChange={(e) => store.getState().setAddressSearch(e.target.checked)}
          />
          {t('search.addresses')}
        </label>
      )}
      {ADDRESS_FLAG !== 'off' && (
        <p id={hintId} className="search-hint">
          {t('search.addressesHint')}
        </p>
      )}
      {addressEnabled && open && (address.status === 'offline' || address.status === 'failed' || address.status === 'loading') && (
        <p className={`search-note${address.status === 'loading' ? '' : ' is-warning'}`} role="status" data-testid="address-status">
          {address.status === 'offline'
            ? t('search.address.offline')
            : address.status === 'failed'
              ? t('search.address.failed', { detail: address.detail })
              : t('search.address.loading')}
        </p>
      )}
      {open && text.trim() && !data.communesReady && (
        <p className="search-note" role="status" data-testid="search-communes-loading">
          {t('app.communesLoading')}
        </p>
      )}
      {geo === 'locating' && (
        <p className="search-note" role="status">
          {t('search.locating')}
        </p>
      )}
      {geo !== 'idle' && geo !== 'locating' && (
        <p className="search-note is-warning" role="alert" data-testid="geo-message">
          {t(geo)}
        </p>
      )}
    </div>
  );
}
