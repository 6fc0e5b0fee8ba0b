import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { percent } from './api.js';

export interface QuotaBar {
  label: string;
  /** Share of the pool (0..1). */
  pool: number;
  /** Population share (0..1) or null. */
  population: number | null;
  /** Quota range as shares of the panel, or null. */
  min: number | null;
  max: number | null;
  /** Share of the drawn panel, or null. */
  panel?: number | null;
}

/** Pool against targets for one feature: bars for the pool, a mark for the population, a band for the quota. */
export function QuotaChart({ title, bars }: { title: string; bars: QuotaBar[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const rowH = 30;
  const labelW = 130;
  const w = 520;
  const plotW = w - labelW - 60;
  const top = 8;
  const h = top + bars.length * rowH + 26;
  const maxShare = Math.min(1, Math.max(0.3, ...bars.map((b) => Math.max(b.pool, b.population ?? 0, b.max ?? 0, b.panel ?? 0))) * 1.1);
  // A maximum above the panel size (a generous tolerance) ends the band at the plot's edge.
  const x = (v: number) => labelW + (Math.min(v, maxShare) / maxShare) * plotW;
  const ticks = [0, maxShare / 4, maxShare / 2, (3 * maxShare) / 4, maxShare];
  return (
    <figure className="sel-chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby={`${id}-t`} width="100%" style={{ maxWidth: `${w}px` }}>
        <title id={`${id}-t`}>{title}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={top - 4} y2={h - 22} className="sel-grid" />
            <text x={x(v)} y={h - 8} textAnchor="middle" className="sel-axis">
              {percent(v, i18n.language, 0)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = top + i * rowH;
          return (
            <g key={b.label}>
              <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end" className="sel-label">
                {b.label}
              </text>
              {b.min !== null && b.max !== null && <rect x={x(b.min)} y={y + 2} width={Math.max(2, x(b.max) - x(b.min))} height={rowH - 4} className="sel-band" />}
              <rect x={labelW} y={y + 8} width={Math.max(0, x(b.pool) - labelW)} height={rowH - 16} className="sel-bar" />
              {b.panel !== undefined && b.panel !== null && <rect x={x(b.panel) - 2} y={y + 4} width={4} height={rowH - 8} className="sel-panel-mark" />}
              {b.population !== null && <line x1={x(b.population)} x2={x(b.population)} y1={y + 1} y2={y + rowH - 1} className="sel-pop" />}
            </g>
          );
        })}
      </svg>
      <figcaption className="sel-legend">
        <span>
          <span className="sel-key sel-key-bar" aria-hidden="true" /> {t('selection.chart.pool')}
        </span>
        <span>
          <span className="sel-key sel-key-pop" aria-hidden="true" /> {t('selection.chart.population')}
        </span>
        <span>
          <span className="sel-key sel-key-band" aria-hidden="true" /> {t('selection.chart.quota')}
        </span>
        {bars.some((b) => b.panel !== undefined && b.panel !== null) && (
          <span>
            <span className="sel-key sel-key-panel" aria-hidden="true" /> {t('selection.chart.panel')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/**
 * The frame LEXIMIN-against-LEGACY charts share: the figure with its title, three grid lines
 * (0, ½ and the top of the plot) with their labels, and the legend. The plot is 10 units in from
 * the top and the right.
 */
function Comparison(props: {
  title: string;
  w: number;
  h: number;
  left: number;
  plotH: number;
  /** The label of the grid line at fraction f of the plot's height. */
  gridLabel: (f: number) => string;
  legacy: boolean;
  /** What the horizontal axis counts, when the axis itself does not say. */
  note?: string;
  children: ReactNode;
}) {
  const { title, w, h, left, plotH, gridLabel, legacy, note, children } = props;
  const id = useId();
  return (
    <figure className="sel-chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby={`${id}-t`} width="100%" style={{ maxWidth: `${w}px` }}>
        <title id={`${id}-t`}>{title}</title>
        {[0, 0.5, 1].map((f) => {
          const y = 10 + plotH - f * plotH;
          return (
            <g key={f}>
              <line x1={left} x2={w - 10} y1={y} y2={y} className="sel-grid" />
              <text x={left - 6} y={y + 4} textAnchor="end" className="sel-axis">
                {gridLabel(f)}
              </text>
            </g>
          );
        })}
        {children}
      </svg>
      <figcaption className="sel-legend">
        <span>
          <span className="sel-key sel-key-bar" aria-hidden="true" /> LEXIMIN
        </span>
        {legacy && (
          <span>
            <span className="sel-key sel-key-bar2" aria-hidden="true" /> LEGACY
          </span>
        )}
        {note && <span>{note}</span>}
      </figcaption>
    </figure>
  );
}

/** Sign-ups per band of selection probability: LEXIMIN (and LEGACY) side by side. */
export function Histogram({ leximin, legacy, title }: { leximin: number[]; legacy: number[] | null; title: string }) {
  const { t, i18n } = useTranslation();
  const w = 560;
  const h = 200;
  const left = 40;
  const plotW = w - left - 10;
  const plotH = h - 28 - 10;
  const bins = leximin.length;
  const max = Math.max(1, ...leximin, ...(legacy ?? []));
  const bw = plotW / bins;
  const y = (c: number) => 10 + plotH - (c / max) * plotH;
  return (
    <Comparison title={title} w={w} h={h} left={left} plotH={plotH} gridLabel={(f) => String(Math.round(max * f))} legacy={legacy !== null} note={t('selection.chart.histogramAxis')}>
      {leximin.map((c, i) => (
        <rect key={`l${i}`} x={left + i * bw + 1} y={y(c)} width={legacy ? bw / 2 - 1 : bw - 2} height={10 + plotH - y(c)} className="sel-bar" />
      ))}
      {legacy?.map((c, i) => <rect key={`g${i}`} x={left + i * bw + bw / 2} y={y(c)} width={bw / 2 - 1} height={10 + plotH - y(c)} className="sel-bar2" />)}
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <text key={v} x={left + v * plotW} y={h - 8} textAnchor={v === 1 ? 'end' : 'middle'} className="sel-axis">
          {percent(v, i18n.language, 0)}
        </text>
      ))}
    </Comparison>
  );
}

/** Everyone's probability from least to most likely: LEXIMIN against LEGACY. */
export function CurveChart({ leximin, legacy, title }: { leximin: number[]; legacy: number[] | null; title: string }) {
  const { t, i18n } = useTranslation();
  const w = 560;
  const h = 220;
  const left = 48;
  const plotW = w - left - 10;
  const plotH = h - 28 - 10;
  const max = Math.min(1, Math.max(0.05, ...leximin, ...(legacy ?? [])) * 1.1);
  const path = (values: number[]) =>
    values.map((v, i) => `${i === 0 ? 'M' : 'L'}${(left + (values.length === 1 ? 0 : (i / (values.length - 1)) * plotW)).toFixed(1)},${(10 + plotH - (v / max) * plotH).toFixed(1)}`).join(' ');
  return (
    <Comparison title={title} w={w} h={h} left={left} plotH={plotH} gridLabel={(f) => percent(max * f, i18n.language, 0)} legacy={legacy !== null}>
      {legacy && <path d={path(legacy)} className="sel-line2" />}
      <path d={path(leximin)} className="sel-line" />
      <text x={left} y={h - 8} className="sel-axis">
        {t('selection.chart.leastLikely')}
      </text>
      <text x={w - 10} y={h - 8} textAnchor="end" className="sel-axis">
        {t('selection.chart.mostLikely')}
      </text>
    </Comparison>
  );
}
