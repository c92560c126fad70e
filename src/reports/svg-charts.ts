/**
 * Bar charts drawn on the server as plain geometry for templates/reports/chart.hbs: no script,
 * no inline style (the page's Content-Security-Policy stays strict), crisp on paper. Every text
 * goes through the template's escaping; here only numbers and the caller's strings are placed.
 * One layout serves all charts: a row per category (its label on the left), one horizontal bar
 * per series in the row, the value after the bar, the legend underneath.
 */
export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartInput {
  id: string;
  title: string;
  /** What the chart shows, for screen readers (aria-describedby) and the table caption. */
  description: string;
  categories: string[];
  series: ChartSeries[];
  /** Shown in the table and as the bar's tooltip instead of the bare number, e.g. "12 cerita". */
  unit?: string;
}

interface Bar { x: number; y: number; width: number; height: number; fill: string; valueX: number; valueY: number; value: number; tooltip: string }
interface Label { x: number; y: number; text: string; full: string }
interface LegendItem { x: number; y: number; textX: number; textY: number; fill: string; name: string }

export interface Chart {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  bars: Bar[];
  labels: Label[];
  legend: LegendItem[];
  empty: boolean;
  /** The same data as a table, for screen readers and readers of the printout. */
  table: { headers: string[]; rows: { label: string; cells: string[] }[] };
}

/** Colours that stay apart for common colour blindness and in greyscale print. */
export const SERIES_COLOURS = ['#1f4e79', '#d9822b', '#5b8c3a', '#8c3a6b'];

const WIDTH = 640;
const LABEL_WIDTH = 180;
const VALUE_ROOM = 48;
const BAR_HEIGHT = 14;
const ROW_GAP = 10;
const TOP = 8;
const LEGEND_HEIGHT = 28;
const MAX_LABEL = 26;

const shorten = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

export function barChart(input: ChartInput): Chart {
  const { categories, series } = input;
  const plot = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const rowHeight = series.length * BAR_HEIGHT + ROW_GAP;
  const bars: Bar[] = [];
  const labels: Label[] = [];
  categories.forEach((category, row) => {
    const rowTop = TOP + row * rowHeight;
    labels.push({ x: LABEL_WIDTH - 8, y: rowTop + (series.length * BAR_HEIGHT) / 2 + 4, text: shorten(category), full: category });
    series.forEach((s, i) => {
      const value = s.values[row] ?? 0;
      const width = max === 0 ? 0 : Math.round((value / max) * plot * 10) / 10;
      const y = rowTop + i * BAR_HEIGHT;
      bars.push({
        x: LABEL_WIDTH, y, width, height: BAR_HEIGHT - 2, fill: SERIES_COLOURS[i % SERIES_COLOURS.length],
        valueX: LABEL_WIDTH + width + 4, valueY: y + BAR_HEIGHT - 4, value,
        tooltip: `${category} — ${s.name}: ${value}${input.unit ? ` ${input.unit}` : ''}`,
      });
    });
  });
  const legendTop = TOP + categories.length * rowHeight + 6;
  const legend = series.map((s, i) => ({
    x: LABEL_WIDTH + i * 140, y: legendTop, textX: LABEL_WIDTH + i * 140 + 16, textY: legendTop + 10,
    fill: SERIES_COLOURS[i % SERIES_COLOURS.length], name: s.name,
  }));
  return {
    id: input.id,
    title: input.title,
    description: input.description,
    width: WIDTH,
    height: legendTop + LEGEND_HEIGHT,
    bars,
    labels,
    legend,
    empty: categories.length === 0,
    table: {
      headers: series.map((s) => s.name),
      rows: categories.map((label, row) => ({ label, cells: series.map((s) => String(s.values[row] ?? 0)) })),
    },
  };
}
