import type { SymbolShape } from '../domain/types';

/**
 * Vertices of each marker shape on a unit square centred on 0 (radius 1), as
 * pure data so tests can check them without a canvas. Shapes differ so that
 * colour is never the only cue between offer types.
 */
export function shapeVertices(shape: SymbolShape): Array<[number, number]> | 'circle' {
  const polygon = (n: number, rotation = -Math.PI / 2, radius = 1) =>
    Array.from({ length: n }, (_, i) => {
      const a = rotation + (i * 2 * Math.PI) / n;
      return [radius * Math.cos(a), radius * Math.sin(a)] as [number, number];
    });
  switch (shape) {
    case 'circle':
      return 'circle';
    case 'square':
      return [
        [-0.82, -0.82],
        [0.82, -0.82],
        [0.82, 0.82],
        [-0.82, 0.82],
      ];
    case 'triangle':
      return polygon(3, -Math.PI / 2, 1.1).map(([x, y]) => [x, y + 0.15] as [number, number]);
    case 'diamond':
      return polygon(4, -Math.PI / 2, 1.05);
    case 'pentagon':
      return polygon(5);
    case 'hexagon':
      return polygon(6, 0);
    case 'star':
      return Array.from({ length: 10 }, (_, i) => {
        const r = i % 2 === 0 ? 1.1 : 0.5;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
      });
    case 'cross': {
      const w = 0.38;
      return [
        [-w, -1],
        [w, -1],
        [w, -w],
        [1, -w],
        [1, w],
        [w, w],
        [w, 1],
        [-w, 1],
        [-w, w],
        [-1, w],
        [-1, -w],
        [-w, -w],
      ];
    }
  }
}
