/**
 * A bar chart on a canvas (Chart.js), drawn from the same table the page shows as its table
 * view. Chart.js styles its canvas through the CSSOM and injects no style sheet, so it works
 * under the strict Content Security Policy (ADR 0016). The canvas is an image with a short
 * description; the numbers themselves are in the table it points to (aria-describedby).
 * Suppressed cells ("< 5", "x") are not drawn.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours from the NL Design System palette, distinguishable and dark enough on white. */
const COLOURS = ['#01689b', '#e17000', '#39870c', '#a90061', '#5c2483', '#8f6b00'];

export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

export function BarChart({
  labels,
  series,
  stacked = false,
  horizontal = false,
  description,
  tableId,
  testId,
}: {
  labels: readonly string[];
  series: readonly Series[];
  stacked?: boolean;
  horizontal?: boolean;
  description: string;
  tableId: string;
  testId: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: [...labels],
        datasets: series.map((s, i) => ({
          label: s.label,
          data: [...s.values],
          backgroundColor: COLOURS[i % COLOURS.length],
        })),
      },
      options: {
        animation: false,
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: horizontal ? 1.6 : 2.2,
        scales: {
          x: { stacked, beginAtZero: true },
          y: { stacked, beginAtZero: true },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, stacked, horizontal]);
  return (
    <div className="grafiek" data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={description} aria-describedby={tableId} />
    </div>
  );
}
