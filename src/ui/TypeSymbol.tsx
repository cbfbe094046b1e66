import type { OfferTypeConfig } from '../domain/types';
import { shapeVertices } from '../map/symbol-shapes';

/** The same shape and colour as the type's marker on the map, for legends and lists. */
export function TypeSymbol({ type, size = 16 }: { type: OfferTypeConfig; size?: number }) {
  const vertices = shapeVertices(type.symbol);
  const r = 0.78;
  return (
    <svg className="type-symbol" width={size} height={size} viewBox="-1.2 -1.2 2.4 2.4" aria-hidden="true" focusable="false">
      {vertices === 'circle' ? (
        <circle r={0.85} fill={type.color} stroke="#1b2631" strokeWidth={0.16} />
      ) : (
        <polygon
          points={vertices.map(([x, y]) => `${x * r * 1.3},${y * r * 1.3}`).join(' ')}
          fill={type.color}
          stroke="#1b2631"
          strokeWidth={0.16}
          strokeLinejoin="round"
        />
      )}
    </svg>
  );
}
