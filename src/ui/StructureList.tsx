import { useEffect, useMemo, useState } from 'react';
import { filterStructures } from '../domain/filter';
import type { Structure } from '../domain/types';
import { useMapController } from '../map/map-context';
import { useApp, useT } from '../store/react';
import { selectAllStructures } from '../store/import-slice';
import { StructureButton } from './StructureButton';

type Bounds = { west: number; south: number; east: number; north: number };

/** The structures matching the filters (optionally only those in view), in step with the map. */
export function StructureList() {
  const t = useT();
  const controller = useMapController();
  const filter = useApp((s) => s.filter);
  const structures = useApp(selectAllStructures);
  const [onlyInView, setOnlyInView] = useState(false);
  const [bounds, setBounds] = useState<Bounds | null>(null);

  useEffect(() => {
    if (!controller || !onlyInView) return;
    const update = () => {
      const [west, south, east, north] = controller.getBounds();
      setBounds({ west, south, east, north });
    };
    update();
    return controller.onMoveEnd(update);
  }, [controller, onlyInView]);

  const matching = useMemo(() => filterStructures(structures, filter), [structures, filter]);
  const shown = useMemo(() => {
    const list = onlyInView && bounds ? matching.filter((s) => inBounds(s, bounds)) : matching;
    return [...list].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, [matching, onlyInView, bounds]);

  return (
    <section className="structure-list" aria-labelledby="list-title">
      <h2 id="list-title" className="section-title">
        {t('list.title')}
      </h2>
      <label className="inline-check">
        <input type="checkbox" checked={onlyInView} onChange={(e) => setOnlyInView(e.target.checked)} />
        {t('list.onlyInView')}
      </label>
      <p className="result-count" role="status" aria-live="polite" data-testid="list-count">
        {onlyInView ? t('list.countInView', { n: shown.length }) : t('list.count', { n: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        <ul className="cards" data-testid="structure-list">
          {shown.map((s) => (
            <li key={s.id}>
              <StructureButton structure={s} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function inBounds(s: Structure, b: Bounds): boolean {
  return s.lon !== null && s.lat !== null && s.lon >= b.west && s.lon <= b.east && s.lat >= b.south && s.lat <= b.north;
}
