import type { ReactNode } from 'react';
import type { Structure } from '../domain/types';
import { useMapController } from '../map/map-context';
import { useApp, useAppStore, useT } from '../store/react';
import { TypeSymbol } from './TypeSymbol';

/**
 * One structure in a list (all structures, nearest results…): symbol, name, type
 * and commune; a click opens its card and flies the map there.
 */
export function StructureButton({ structure: s, className, trailing }: { structure: Structure; className?: string; trailing?: ReactNode }) {
  const t = useT();
  const store = useAppStore();
  const controller = useMapController();
  const data = useApp((state) => state.data)!;
  const lang = useApp((state) => state.lang);
  const type = data.config.offerTypes.find((o) => o.id === s.type);
  return (
    <button
      type="button"
      className={className ? `structure-item ${className}` : 'structure-item'}
      data-id={s.id}
      onClick={() => {
        store.getState().select(s.id);
        if (s.lon !== null && s.lat !== null) controller?.flyTo(s.lon, s.lat, 11);
      }}
    >
      {type && <TypeSymbol type={type} />}
      <span className="structure-item-text">
        <span className="structure-name">{s.name}</span>
        <span className="structure-meta">
          {type?.label[lang] ?? s.type}
          {' · '}
          {data.communeByCode.get(s.commune)?.name ?? (data.communesReady || !s.commune ? t('list.unlocated') : '…')}
          {s.status === 'to_check' && <span className="badge-check"> · {t('card.toCheck')}</span>}
        </span>
      </span>
      {trailing}
    </button>
  );
}
