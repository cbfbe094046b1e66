import { describe, expect, it } from 'vitest';
import { scrollToRow, visibleRows } from '../../src/ui/virtual-window';

describe('visibleRows', () => {
  it('renders the rows in view and the overscan around them, never past the ends', () => {
    expect(visibleRows(560, 400, 56, 10_000, 8)).toEqual({ start: 2, end: 26 });
    expect(visibleRows(0, 400, 56, 10_000, 8)).toEqual({ start: 0, end: 16 });
    expect(visibleRows(56 * 9_990, 400, 56, 10_000, 8)).toEqual({ start: 9_982, end: 10_000 });
    expect(visibleRows(0, 400, 56, 3, 8)).toEqual({ start: 0, end: 3 });
    expect(visibleRows(0, 400, 56, 0, 8)).toEqual({ start: 0, end: 0 });
  });

  it('covers every row in view, whatever the scroll (brute force)', () => {
    for (let scrollTop = 0; scrollTop < 56 * 200; scrollTop += 13) {
      const { start, end } = visibleRows(scrollTop, 333, 56, 150, 2);
      for (let i = 0; i < 150; i++) {
        const inView = i * 56 + 56 > scrollTop && i * 56 < scrollTop + 333;
        if (inView) expect(i >= start && i < end).toBe(true);
      }
      expect(end - start).toBeLessThanOrEqual(Math.ceil(333 / 56) + 1 + 4);
    }
  });
});

describe('scrollToRow', () => {
  it('scrolls only as far as needed to show the row whole', () => {
    expect(scrollToRow(0, 100, 400, 56)).toBe(0);
    expect(scrollToRow(5, 0, 400, 56)).toBe(0);
    expect(scrollToRow(10, 0, 400, 56)).toBe(10 * 56 + 56 - 400);
  });
});
