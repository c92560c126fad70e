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

/*
 * Narrow on purpose (360 units): the label of a row sits above its bars, so the chart keeps its
 * size on a 360 px phone (a 640-wide chart with labels beside the bars was drawn at half size
 * there, text under 6 px) and still fills a column of the printed page.
 */
const WIDTH = 360;
const LEFT = 4;
const VALUE_ROOM = 44;
const BAR_HEIGHT = 16;
const LABEL_HEIGHT = 16;
const ROW_GAP = 10;
const TOP = 4;
const LEGEND_ROW = 20;
const MAX_LABEL = 48;

const shorten = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

export function barChart(input: ChartInput): Chart {
  const { categories, series } = input;
  const plot = WIDTH - LEFT - VALUE_ROOM;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const rowHeight = LABEL_HEIGHT + series.length * BAR_HEIGHT + ROW_GAP;
  const bars: Bar[] = [];
  const labels: Label[] = [];
  categories.forEach((category, row) => {
    const rowTop = TOP + row * rowHeight;
    labels.push({ x: LEFT, y: rowTop + LABEL_HEIGHT - 4, text: shorten(category), full: category });
    series.forEach((s, i) => {
      const value = s.values[row] ?? 0;
      const width = max === 0 ? 0 : Math.round((value / max) * plot * 10) / 10;
      const y = rowTop + LABEL_HEIGHT + i * BAR_HEIGHT;
      bars.push({
        x: LEFT, y, width, height: BAR_HEIGHT - 3, fill: SERIES_COLOURS[i % SERIES_COLOURS.length],
        valueX: LEFT + width + 4, valueY: y + BAR_HEIGHT - 5, value,
        tooltip: `${category} — ${s.name}: ${value}${input.unit ? ` ${input.unit}` : ''}`,
      });
    });
  });
  // one legend entry per line: names stay whole at any width
  const legendTop = TOP + categories.length * rowHeight + 4;
  const legend = series.map((s, i) => ({
    x: LEFT, y: legendTop + i * LEGEND_ROW, textX: LEFT + 18, textY: legendTop + i * LEGEND_ROW + 11,
    fill: SERIES_COLOURS[i % SERIES_COLOURS.length], name: s.name,
  }));
  const LEGEND_HEIGHT = series.length * LEGEND_ROW + 4;
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
