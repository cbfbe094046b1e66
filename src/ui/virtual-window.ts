// Which rows of a long list of fixed-height rows to render: those in view,
// plus `overscan` rows on each side (so that Tab and the arrow keys find the
// next row already there). Pure, so a unit test checks it.

export interface RowWindow {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
}

/** Example: visibleRows(560, 400, 56, 10_000, 8) → { start: 2, end: 26 } */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): RowWindow {
  if (!(rowHeight > 0)) throw new Error(`visibleRows: rowHeight must be positive, got ${rowHeight}`);
  if (count <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.min(count - 1, Math.max(0, first - overscan));
  const end = Math.min(count, Math.max(start + 1, last + overscan));
  return { start, end };
}

/** The scrollTop that brings row `index` fully into view, or the current one when it already is. */
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
