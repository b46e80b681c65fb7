// A uPlot chart as a React component (uPlot: about 20 KB gzipped, canvas, fast with thousands of points). The
// chart is made once per set of options and fed new data in place; it follows its box's width.
import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartProps {
  /** Everything but the size, which follows the box. */
  options: Omit<Options, 'width' | 'height'>;
  data: AlignedData;
  height: number;
  label: string;
  testId?: string;
}

export function Chart({ options, data, height, label, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = new uPlot({ ...options, width: Math.max(200, el.clientWidth), height }, data, el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // The data is set in place by the effect below; only new options make a new chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options, height]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return <div className="chart" ref={box} role="img" aria-label={label} data-testid={testId} />;
}

/** Dark-theme axes for the console. */
export function axis(overrides: uPlot.Axis = {}): uPlot.Axis {
  return { stroke: '#8b93a1', grid: { stroke: '#262b34', width: 1 }, ticks: { stroke: '#262b34', width: 1 }, font: '11px system-ui, sans-serif', ...overrides };
}

/**
 * One series of bars over categories 0…n−1, labelled with `labels` on the x axis: long ones shortened, and
 * slanted when there are more than five so that neighbours never overlap.
 */
export function barOptions(labels: readonly string[], bar: { label: string; fill: string; value: (v: number) => string }): Omit<Options, 'width' | 'height'> {
  const short = labels.map((l) => (l.length > 18 ? `${l.slice(0, 17)}…` : l));
  const slant = labels.length > 5;
  return {
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
    axes: [
      axis({
        splits: () => short.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => short[i] ?? ''),
        grid: { show: false },
        // Slanted text ends at its tick (align 2: right), so the last label stays inside the chart.
        ...(slant ? { rotate: 30, size: 86, align: 2 as uPlot.Axis.Align } : {}),
      }),
      axis({ values: (_u, splits) => splits.map(bar.value), size: 70 }),
    ],
    series: [{ label: '' }, { label: bar.label, fill: bar.fill, stroke: bar.fill, width: 0, paths: uPlot.paths.bars!({ size: [0.6, 72] }), points: { show: false } }],
  };
}
