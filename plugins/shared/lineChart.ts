import {
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'
import { useEffect, useRef } from 'react'

// Only what a filled line chart needs, so the admin bundle stays small.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Tooltip,
  Filler,
)

export type LineSeries = {
  label: string
  labels: string[]
  values: number[]
  /** Counts of people: no fractional ticks on the y axis. */
  wholeNumbers?: boolean
}

/**
 * The admin dashboards' one chart: a filled line, drawn on the returned canvas and redrawn when
 * the series changes; nothing is drawn while there is no series.
 */
export const useLineChart = (series: LineSeries | null) => {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (!canvas.current || !series || series.values.length === 0) return
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: series.labels,
        datasets: [
          {
            label: series.label,
            data: series.values,
            borderColor: '#00798c',
            backgroundColor: 'rgba(0, 121, 140, 0.15)',
            fill: true,
            tension: 0.25,
          },
        ],
      },
      // No animation: the figures are read, not watched, and screenshots show the real values.
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { beginAtZero: true, ...(series.wholeNumbers ? { ticks: { precision: 0 } } : {}) },
        },
      },
    })
    return () => chart.destroy()
  }, [series])
  return canvas
}
