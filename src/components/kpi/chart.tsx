// The one module that knows uPlot (docs/DECISIONS.md, "KPI charts"). A chart is a few series over
// categories (weeks, age buckets, service types) drawn on a canvas, with its figures in a table
// underneath for screen readers, for reading exact values, and where no canvas can be drawn.
// Tapping a category (on the chart or in the table) opens what is behind it.
import { useEffect, useRef, type RefObject } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  /** bar: one bar per category; line: joined points; dots: points only (a p90 beside a median bar). */
  kind: 'bar' | 'line' | 'dots';
  color: string;
}

export interface ChartProps {
  title: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  format(value: number | null): string;
  /** Top of the y axis, e.g. 1 for rates; the data's own maximum otherwise. */
  yMax?: number;
  /** The values are counts: the y axis steps by whole numbers. */
  integers?: boolean;
  /** Heading of the table's first column (e.g. "Week"). */
  categoryHeading: string;
  /** Label of the table's disclosure (e.g. "The figures"). */
  figuresLabel: string;
  onPick?(index: number): void;
  height?: number;
}

/** Canvas charts need layout (ResizeObserver) and media queries: absent in jsdom, where the table stands alone. */
const canDraw = () => typeof window !== 'undefined' && 'ResizeObserver' in window && typeof window.matchMedia === 'function';

// uPlot reads the screen (matchMedia) as soon as it loads, so it is loaded only where a chart is
// drawn: its own small chunk, fetched with the first chart (and precached like every chunk).
let uPlotModule: Promise<typeof uPlot> | undefined;
function loadUPlot(): Promise<typeof uPlot> {
  uPlotModule ??= import('uplot').then((m) => m.default);
  return uPlotModule;
}

interface Drawing {
  categories: readonly string[];
  series: readonly ChartSeries[];
  yMax: number | undefined;
  height: number;
  integers: boolean;
  /** Read at event time, so a new handler never needs a new chart. */
  pick: RefObject<((index: number) => void) | undefined>;
  format: RefObject<(value: number | null) => string>;
}

/** Draws the chart into `element`; returns what takes it down. */
function draw(UPlot: typeof uPlot, element: HTMLDivElement, { categories, series, yMax, height, integers, pick, format }: Drawing): () => void {
  const n = categories.length;
  const bars = UPlot.paths.bars!({ size: [0.6, 64], align: 0 });
  const width = Math.max(200, element.clientWidth);
  // Slant the category labels when they would not fit side by side (about 8 px a character).
  const crowded = Math.max(...categories.map((c) => c.length)) * 8 > (width - 80) / Math.max(1, n) - 8;
  const longest = Math.max(...categories.map((c) => c.length));
  const fullHeight = height + (crowded ? Math.min(110, longest * 4.5) : 0);
  const options: uPlot.Options = {
    width,
    height: fullHeight,
    legend: { show: series.length > 1, live: false },
    cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false } },
    scales: {
      x: { time: false, range: [-0.5, n - 0.5] },
      y: { range: (_u, _min, max) => [0, yMax ?? (max > 0 ? max * 1.1 : 1)] },
    },
    axes: [
      {
        splits: () => categories.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => categories[i] ?? ''),
        rotate: crowded ? -30 : 0,
        size: crowded ? Math.min(150, 30 + longest * 5) : 40,
        gap: 6,
        font: '14px system-ui, sans-serif',
        stroke: '#4b5563',
        grid: { show: false },
      },
      {
        // Whole steps for counts: no "0.5 jobs" on the axis.
        ...(integers ? { incrs: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000] } : {}),
        values: (_u, splits) => splits.map((v) => format.current(v)),
        font: '14px system-ui, sans-serif',
        stroke: '#4b5563',
        size: 64,
        grid: { stroke: '#ece8dd', width: 1 },
      },
    ],
    series: [
      {},
      ...series.map((s): uPlot.Series => ({
        label: s.label,
        stroke: s.color,
        width: s.kind === 'line' ? 3 : 1,
        fill: s.kind === 'bar' ? `${s.color}d9` : undefined,
        paths: s.kind === 'bar' ? bars : s.kind === 'dots' ? () => null : undefined,
        points: { show: s.kind !== 'bar', size: s.kind === 'dots' ? 12 : 8, fill: s.color },
        value: (_u, v) => format.current(v),
      })),
    ],
  };
  const data: uPlot.AlignedData = [categories.map((_, i) => i), ...series.map((s) => s.values.map((v) => v ?? null))];
  const chart = new UPlot(options, data, element);
  const onClick = () => {
    const index = chart.cursor.idx;
    if (index !== null && index !== undefined) pick.current?.(index);
  };
  chart.over.addEventListener('click', onClick);
  const observer = new ResizeObserver(() => chart.setSize({ width: Math.max(200, element.clientWidth), height: fullHeight }));
  observer.observe(element);
  return () => {
    observer.disconnect();
    chart.over.removeEventListener('click', onClick);
    chart.destroy();
  };
}

export function Chart(props: ChartProps) {
  const { title, categories, series, format, yMax, integers = false, categoryHeading, figuresLabel, onPick, height = 220 } = props;
  const holder = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  const formatRef = useRef(format);
  useEffect(() => {
    pick.current = onPick;
    formatRef.current = format;
  });
  const key = JSON.stringify({ categories, series, yMax, height, integers });

  useEffect(() => {
    const element = holder.current;
    if (!element || !canDraw()) return;
    let cleanup: (() => void) | undefined;
    let cancelled = false;
    void loadUPlot().then((UPlot) => {
      if (!cancelled) cleanup = draw(UPlot, element, { categories, series, yMax, height, integers, pick, format: formatRef });
    });
    return () => {
      cancelled = true;
      cleanup?.();
    };
    // key stands for categories, series, yMax and height by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <figure className="kpi-chart">
      <figcaption className="kpi-chart-title">{title}</figcaption>
      <div ref={holder} className="kpi-chart-canvas" aria-hidden="true" />
      <details className="kpi-chart-figures">
        <summary>{figuresLabel}</summary>
        <table className="kpi-table">
          <thead>
            <tr>
              <th scope="col">{categoryHeading}</th>
              {series.map((s) => <th key={s.label} scope="col">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, i) => (
              <tr key={`${category}-${i}`}>
                <th scope="row">{category}</th>
                {series.map((s) => (
                  <td key={s.label}>
                    {onPick ? (
                      <button type="button" className="kpi-number" onClick={() => onPick(i)}>{format(s.values[i] ?? null)}</button>
                    ) : (
                      format(s.values[i] ?? null)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
