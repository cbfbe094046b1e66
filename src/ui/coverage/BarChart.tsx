import type { TerritoryRow } from '../../domain/coverage/tables';

export interface BarChartProps {
  rows: readonly TerritoryRow[];
  value(row: TerritoryRow): number;
  format(value: number): string;
  title: string;
  color?: string;
}

const ROW = 18;
const LABEL = 150;
const WIDTH = 340;
const VALUE = 64;

/** Horizontal bars in plain SVG, one per territory, in the table's order. */
export function BarChart({ rows, value, format, title, color = '#c2410c' }: BarChartProps) {
  const values = rows.map(value);
  const max = Math.max(0, ...values.filter(Number.isFinite));
  const barSpace = WIDTH - LABEL - VALUE;
  const height = rows.length * ROW + 4;
  return (
    <div className="coverage-chart" data-testid="coverage-chart">
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
        <title>{title}</title>
        {rows.map((row, i) => {
          const v = values[i]!;
          const w = max > 0 && Number.isFinite(v) ? (v / max) * barSpace : 0;
          const y = i * ROW + 2;
          const label = row.name.length > 24 ? `${row.name.slice(0, 23)}…` : row.name;
          return (
            <g key={row.code}>
              <title>{`${row.name} : ${format(v)}`}</title>
              <text x={LABEL - 4} y={y + ROW * 0.68} textAnchor="end" className="coverage-chart-label">
                {label}
              </text>
              <rect x={LABEL} y={y + 2} width={Math.max(w, v > 0 ? 1 : 0)} height={ROW - 5} fill={color} rx={2} />
              <text x={LABEL + w + 4} y={y + ROW * 0.68} className="coverage-chart-value">
                {format(v)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
