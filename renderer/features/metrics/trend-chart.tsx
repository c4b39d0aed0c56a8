// One weekly trend chart, drawn with uPlot (a small, maintained canvas chart library). This module
// is loaded on demand, so uPlot is not part of the start-up bundle. The canvas is hidden from
// screen readers: the figure's label summarises it and the weekly data table beside it holds
// every number.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { dayNumber } from '../../../shared/metrics/calendar-days';
import type { WeekRow } from '../../../shared/metrics/weekly-trends';
import { formatAxisDate } from './date-labels';
import type { TrendSpec } from './trend-series';
import { useThemeColors, type ChartColors } from './use-theme-colors';

const HEIGHT = 190;
const SECONDS_PER_DAY = 86_400;

type Props = { spec: TrendSpec; weeks: WeekRow[]; goal: number | null; goalLabel: string };

const HALF_WEEK = 3.5 * SECONDS_PER_DAY;

function chartOptions(
  spec: TrendSpec,
  goal: number | null,
  goalLabel: string,
  colors: ChartColors,
  width: number,
  spanDays: number,
): uPlot.Options {
  const font = '12px system-ui, sans-serif';
  const axis = {
    stroke: colors.axis,
    font,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
  };
  const withYear = spanDays > 240;
  const series: uPlot.Series[] = [
    {},
    {
      label: spec.seriesLabel,
      stroke: colors.series,
      fill: spec.kind === 'bars' ? colors.series : colors.seriesFill,
      width: 2,
      paths: spec.kind === 'bars' ? uPlot.paths.bars!({ size: [0.7, 24] }) : spec.sparse ? () => null : undefined,
      points: { show: spec.kind === 'line', size: spec.sparse ? 6 : 4, fill: colors.series, stroke: colors.series },
    },
  ];
  if (goal !== null) {
    series.push({
      label: goalLabel,
      stroke: colors.goal,
      width: 1.5,
      dash: [6, 4],
      points: { show: false },
    });
  }
  return {
    width,
    height: HEIGHT,
    scales: {
      // Bars are centred on their week: half a week of room each side keeps the first and last whole.
      x:
        spec.kind === 'bars'
          ? { time: true, range: (_, min, max) => [min - HALF_WEEK, max + HALF_WEEK] }
          : { time: true },
      y: {
        range: (_, _min, max) => spec.range ?? [0, Math.max(1, (max ?? 0) * 1.15, (goal ?? 0) * 1.15)],
      },
    },
    axes: [
      { ...axis, values: (_, splits) => splits.map((seconds) => formatAxisDate(seconds, withYear)) },
      {
        ...axis,
        size: 48,
        incrs: spec.wholeNumbers ? [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] : undefined,
        values: (_, splits) => splits.map((value) => spec.format(value)),
      },
    ],
    series,
    // Exact values are in the weekly data table; the chart neither zooms on drag nor shows hover values.
    cursor: { show: false, drag: { x: false, y: false } },
    legend: { live: false },
  };
}

export default function TrendChart({ spec, weeks, goal, goalLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const colors = useThemeColors();

  useEffect(() => {
    const element = container.current;
    if (!element || weeks.length === 0) return;
    const xs = weeks.map((week) => dayNumber(week.weekStart) * SECONDS_PER_DAY);
    const data: uPlot.AlignedData = [xs, weeks.map(spec.value)];
    if (goal !== null) data.push(weeks.map(() => goal));
    const spanDays = (xs[xs.length - 1] - xs[0]) / SECONDS_PER_DAY;
    const chart = new uPlot(chartOptions(spec, goal, goalLabel, colors, element.clientWidth, spanDays), data, element);
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [spec, weeks, goal, goalLabel, colors]);

  return <div ref={container} className="trend-chart" aria-hidden="true" />;
}
