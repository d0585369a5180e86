import { describe, expect, it } from 'vitest'
import { analyseTrace, busyPerFrame, mergeIntervals } from './traceSummary.ts'

/** A trace as Chrome writes it with `ReturnAsStream`: one event per line. */
function traceOf(events: object[]): Buffer {
  return Buffer.from(`{"traceEvents":[\n${events.map((event) => `${JSON.stringify(event)},`).join('\n')}\n]}`)
}

describe('mergeIntervals', () => {
  it('merges overlapping and nested intervals and sorts them', () => {
    expect(
      mergeIntervals([
        [50, 60],
        [0, 10],
        [5, 20],
        [6, 7],
        [20, 25],
      ]),
    ).toEqual([
      [0, 25],
      [50, 60],
    ])
  })
})

describe('busyPerFrame', () => {
  it('sums the part of each task inside each interval', () => {
    const tasks: [number, number][] = [
      [2, 4],
      [8, 14],
      [15, 16],
    ]
    // Intervals [0, 10), [10, 20), [20, 30): the task [8, 14) counts 2 in the first and 4 in the second.
    expect(busyPerFrame(tasks, [0, 10, 20, 30])).toEqual([4, 5, 0])
  })

  it('gives one value per interval, also without tasks', () => {
    expect(busyPerFrame([], [0, 16, 33])).toEqual([0, 0])
    expect(busyPerFrame([[0, 100]], [10])).toEqual([])
  })

  it('counts a task longer than several intervals in each of them', () => {
    expect(busyPerFrame([[5, 45]], [0, 10, 20, 30, 40, 50])).toEqual([5, 10, 10, 10, 5])
  })
})

describe('analyseTrace', () => {
  const main = { pid: 2, tid: 7 }
  const other = { pid: 3, tid: 1 }
  const trace = traceOf([
    { ph: 'M', name: 'thread_name', ...other, ts: 0, args: { name: 'CrRendererMain' } },
    { ph: 'M', name: 'thread_name', ...main, ts: 0, args: { name: 'CrRendererMain' } },
    { ph: 'R', name: 'bench-start', cat: 'blink.user_timing', ...main, ts: 1_000 },
    { ph: 'X', name: 'RunTask', ...main, ts: 1_000, dur: 2_000, tdur: 1_500 },
    { ph: 'X', name: 'FunctionCall', ...main, ts: 1_100, dur: 500 },
    // Layout forced by script, inside the FunctionCall; then the frame's own style, layout (nested) and paint.
    { ph: 'X', name: 'Layout', ...main, ts: 1_200, dur: 100 },
    { ph: 'X', name: 'UpdateLayoutTree', ...main, ts: 2_000, dur: 300 },
    { ph: 'X', name: 'Layout', ...main, ts: 2_100, dur: 100 },
    { ph: 'X', name: 'Paint', ...main, ts: 2_300, dur: 200 },
    { ph: 'X', name: 'Paint', ...other, ts: 2_000, dur: 5_000 },
    { ph: 'X', name: 'ThreadControllerImpl::RunTask', ...main, ts: 1_500, dur: 100 },
    { ph: 'X', name: 'RunTask', ...main, ts: 10_000, dur: 60_000, tdur: 55_000 },
    { ph: 'X', name: 'RunTask', ...other, ts: 2_000, dur: 90_000 },
  ])

  it("reads the top-level tasks of the thread that made the mark, and the mark's timestamp", () => {
    const analysis = analyseTrace(trace, 'bench-start')
    expect(analysis.markUs).toBe(1_000)
    expect(analysis.tasks).toEqual([
      [1_000, 3_000],
      [10_000, 70_000],
    ])
    expect(analysis.summary.count).toBe(1)
    expect(analysis.summary.first[0]).toMatchObject({ wallMs: 60, cpuMs: 55 })
    expect(analysis.summary.cpuBoundCount).toBe(1)
  })

  it('reads the rendering steps of that thread, nested ones merged, and none from a trace that has none', () => {
    expect(analyseTrace(trace, 'bench-start').rendering).toEqual([
      [1_200, 1_300],
      [2_000, 2_500],
    ])
    expect(analyseTrace(traceOf([]), 'bench-start').rendering).toEqual([])
  })

  it('falls back to the first renderer main thread without the mark', () => {
    const analysis = analyseTrace(trace, 'no-such-mark')
    expect(analysis.markUs).toBeNull()
    expect(analysis.tasks).toEqual([[2_000, 92_000]])
  })
})
