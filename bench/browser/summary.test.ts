import { describe, expect, it } from 'vitest'
import { blankShare } from './pages/harness.ts'
import {
  busyTotals,
  compareRuns,
  frameBusyFigures,
  measuredFigures,
  median,
  ratioOf,
  renderingFigures,
  weightedBlank,
} from './summary.ts'
import type { RunFigures } from './summary.ts'

describe('blankShare', () => {
  it('is the share of the band no row covers, rows clipped to it and overlaps merged', () => {
    // Band 40..640 (600 px); rows cover 40..80, 60..100 (overlap) and 600..700 (clipped to 600..640).
    const rows = [
      { top: 40, bottom: 80 },
      { top: 60, bottom: 100 },
      { top: 600, bottom: 700 },
      { top: 0, bottom: 30 },
    ]
    expect(blankShare(rows, 40, 640)).toBeCloseTo(1 - (60 + 40) / 600)
  })

  it('is 1 without rows and 0 when rows cover the band', () => {
    expect(blankShare([], 40, 640)).toBe(1)
    const rows = Array.from({ length: 16 }, (_, index) => ({ top: index * 40, bottom: index * 40 + 40 }))
    expect(blankShare(rows, 40, 640)).toBe(0)
  })
})

describe('frame figures', () => {
  it('counts the frames busy over 16.7 and 33 ms', () => {
    const figures = frameBusyFigures([1, 10, 17, 20, 40, 50, 5, 5, 5, 5])
    expect(figures.frames).toBe(10)
    expect(figures.over16Share).toBe(0.4)
    expect(figures.over33Share).toBe(0.2)
    expect(figures.max).toBe(50)
  })

  it('adds the busy time up per 100 rows scrolled and as a share of the scroll', () => {
    // 4 frames of 16 ms in 100 ms, 800 px (20 rows of 40 px) scrolled.
    expect(busyTotals([16, 16, 16, 16], 100, 800)).toEqual({ busyMsPer100Rows: 320, busyShare: 0.64 })
    // No scroll: no figure per row. A trace's rounding never makes it busier than the scroll was long.
    expect(busyTotals([60, 60], 100, 0)).toEqual({ busyMsPer100Rows: null, busyShare: 1 })
    expect(busyTotals(null, 100, 800)).toEqual({ busyMsPer100Rows: null, busyShare: null })
  })

  it('gives the rendering steps per frame and their share of the busy time, only when traced', () => {
    // Frames busy 20, 30 and 10 ms, of which 12, 15 and 0 ms style, layout and paint.
    expect(renderingFigures([12, 15, 0], [20, 30, 10])).toEqual({ msPerFrame: 9, shareOfBusy: 0.45 })
    expect(renderingFigures([0, 0], [0, 0])).toEqual({ msPerFrame: 0, shareOfBusy: 0 })
    expect(renderingFigures(null, [20, 30])).toBeNull()
    expect(renderingFigures([1], null)).toBeNull()
  })

  it('weights blank shares by how long each frame was shown', () => {
    expect(weightedBlank([1, 0], [30, 10])).toBe(0.75)
    expect(weightedBlank([], [])).toBe(0)
  })

  it('takes medians and ratios', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
    expect(median([])).toBeNull()
    expect(ratioOf(0, 0)).toBe(1)
    expect(ratioOf(1, 0)).toBeNull()
    expect(ratioOf(3, 2)).toBe(1.5)
  })
})

describe('compareRuns', () => {
  // Only the figures compareRuns reads.
  const run = (implementation: RunFigures['implementation'], pair: number, busyP95: number) =>
    ({
      implementation,
      pair,
      cpuThrottle: 4,
      latencyMs: 0,
      frameBusyMs: { p95: busyP95 },
      frameMs: { p95: 16.7 },
      blankShare: 0,
      domElements: { median: 100, max: 100 },
      setupMs: { datasetReady: 0, firstPageShown: 0, firstPageAfterMock: 0 },
      jsHeapMiB: 1,
      peakRenderedRows: 10,
    }) as unknown as RunFigures

  it('compares runs of the same pair and takes the median of the ratios', () => {
    const runs = [
      run('pagewise', 0, 80),
      run('virtuoso', 0, 40),
      run('pagewise', 1, 60),
      run('virtuoso', 1, 60),
      run('pagewise', 2, 90),
      run('virtuoso', 2, 60),
    ]
    const [comparison] = compareRuns(runs)
    expect(comparison?.peer).toBe('virtuoso')
    expect(comparison?.pairs).toBe(3)
    expect(comparison?.metrics.busyP95).toEqual({ pagewise: 80, peer: 60, ratio: 1.5, ratios: [2, 1, 1.5] })
  })

  it('lists in a table only the figures some run has: style and layout time comes with --trace alone', () => {
    const plain = [run('pagewise', 0, 80), run('virtuoso', 0, 40)]
    const keys = (runs: RunFigures[]) => measuredFigures(compareRuns(runs)).map((metric) => metric.key)
    expect(keys(plain)).toContain('busyP95')
    expect(keys(plain)).not.toContain('renderingPerFrame')
    const traced = plain.map((figures) => ({ ...figures, rendering: { msPerFrame: 12, shareOfBusy: 0.5 } }))
    expect(keys(traced)).toContain('renderingPerFrame')
  })
})
