import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Structure } from '../domain/types';
import { useMapController } from '../map/map-context';
import { useApp, useT } from '../store/react';
import { selectAllStructures } from '../store/import-slice';
import { listRows } from './list-order';
import { StructureButton } from './StructureButton';
import { scrollToRow, visibleRows } from './virtual-window';

type Bounds = { west: number; south: number; east: number; north: number };

/** Up to this many rows the list is rendered whole; beyond, only the rows in view are (150,000 rows took 17.5 s and 770 MB). */
export const VIRTUAL_FROM = 300;
/** Height of a row in the windowed list, px (names and meta then stay on one line each: see app.css). */
const ROW_PX = 56;
const OVERSCAN = 10;

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

  // Sorted once per catalogue, filtered once per filter (kept by listRows).
  const matching = listRows(structures, filter);
  const shown = useMemo(() => (onlyInView && bounds ? matching.filter((s) => inBounds(s, bounds)) : matching), [matching, onlyInView, bounds]);

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
      ) : shown.length < VIRTUAL_FROM ? (
        <ul className="cards" data-testid="structure-list">
          {shown.map((s) => (
            <li key={s.id}>
              <StructureButton structure={s} />
            </li>
          ))}
        </ul>
      ) : (
        <WindowedList structures={shown} />
      )}
    </section>
  );
}

function inBounds(s: Structure, b: Bounds): boolean {
  return s.lon !== null && s.lat !== null && s.lon >= b.west && s.lon <= b.east && s.lat >= b.south && s.lat <= b.north;
}

/**
 * A long list rendered a window at a time in its own scroller: memory and
 * work follow the rows in view, not the catalogue. Arrow keys, Home and End
 * move between rows (the window follows the focus); Tab reaches the rows
 * rendered around the one focused.
 */
function WindowedList({ structures }: { structures: readonly Structure[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 480 });
  const pendingFocus = useRef<number | null>(null);
  const { start, end } = visibleRows(view.top, view.height, ROW_PX, structures.length, OVERSCAN);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = () => setView({ top: el.scrollTop, height: el.clientHeight });
    read();
    el.addEventListener('scroll', read, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      observer?.disconnect();
    };
  }, []);
  // Back to the top when the list itself changes (filters).
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [structures]);
  // Focus a row asked for by the keyboard once the window has rendered it.
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null || index < start || index >= end) return;
    pendingFocus.current = null;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] button`)?.focus({ preventScroll: true });
  });

  const focusRow = (index: number) => {
    const el = scroller.current;
    if (!el) return;
    const i = Math.max(0, Math.min(structures.length - 1, index));
    el.scrollTop = scrollToRow(i, el.scrollTop, el.clientHeight, ROW_PX);
    pendingFocus.current = i;
    setView({ top: el.scrollTop, height: el.clientHeight });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const li = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!li) return;
    const index = Number(li.dataset.index);
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_PX) / ROW_PX) - 1);
    const target: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: structures.length - 1,
    };
    if (!(event.key in target)) return;
    event.preventDefault();
    focusRow(target[event.key]!);
  };

  return (
    <div className="virtual-scroller" ref={scroller} data-testid="structure-list-scroller">
      <ul
        className="cards is-windowed"
        data-testid="structure-list"
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // A row reached with Tab: bring it into view, the window follows.
          const li = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
          const el = scroller.current;
          if (li && el) el.scrollTop = scrollToRow(Number(li.dataset.index), el.scrollTop, el.clientHeight, ROW_PX);
        }}
        style={{ height: structures.length * ROW_PX, paddingTop: start * ROW_PX, boxSizing: 'border-box' }}
      >
        {structures.slice(start, end).map((s, k) => (
          <li key={s.id} data-index={start + k} aria-setsize={structures.length} aria-posinset={start + k + 1}>
            <StructureButton structure={s} />
          </li>
        ))}
      </ul>
    </div>
  );
}
