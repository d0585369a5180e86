/**
 * Reads a Chrome trace of one scroll: the long tasks (over 50 ms) of the page's main thread, each with its wall
 * time, the CPU time the thread really got during it (the trace's thread clock, `tdur`), and (with `--trace`'s
 * categories) what ran inside it. A long task with much less CPU than wall time is the machine's doing (the thread
 * waited for a core while another process ran), not the page's. And the main thread's top-level tasks as time
 * intervals, from which `busyPerFrame` sums the busy time of each requestAnimationFrame interval; with the detailed
 * categories (`--trace`), the time of those tasks that went to the browser's rendering steps, likewise.
 */

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/** A time interval, [start, end), in µs of the trace clock. */
export type Interval = [number, number]

export interface TracedLongTask {
  /** Start, in ms from the first task of the trace's main thread. */
  startMs: number
  wallMs: number
  /** CPU time of the main thread during the task; null when the trace has no thread clock. */
  cpuMs: number | null
  /** Wall time of the events directly inside the task, by name (FunctionCall, Layout, …), in ms; empty without them. */
  inside: Record<string, number>
}

export interface TraceSummary {
  /** Long tasks of the main thread (wall time over the threshold). */
  count: number
  wallMs: number
  cpuMs: number
  /** How many of them got the threshold (50 ms) of CPU time or more: the page's own long tasks. */
  cpuBoundCount: number
  /** The first 30 of them. */
  first: TracedLongTask[]
  /** From the first to the end of the last main-thread task in the trace (shorter than the scroll if it was cut). */
  spanMs: number
  /** Size of the trace. */
  traceMiB: number
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask'])

/**
 * The rendering steps of a frame in a trace with the `devtools.timeline` category: style, layout, pre-paint, paint,
 * layerize and commit to the compositor. What a table's script cannot make shorter, other than by rendering less.
 */
const RENDERING_NAMES = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'])

/** Events of a trace file as Chrome writes it (one event per line), read line by line: traces are large. */
function* traceEvents(trace: Buffer): Generator<TraceEvent> {
  let start = 0
  while (start < trace.length) {
    let end = trace.indexOf(10, start)
    if (end === -1) end = trace.length
    let line = trace.toString('utf8', start, end).trim()
    start = end + 1
    if (line.endsWith(',')) line = line.slice(0, -1)
    if (!line.startsWith('{"') || line.startsWith('{"traceEvents"')) continue
    try {
      yield JSON.parse(line) as TraceEvent
    } catch {
      // Not one event per line (or a torn last line): skip it.
    }
  }
}

/** What `analyseTrace` reads from a trace. */
export interface TraceAnalysis {
  summary: TraceSummary
  /** The main thread's top-level tasks (nested tasks merged into them), sorted, in µs. */
  tasks: Interval[]
  /**
   * The main thread's rendering steps (`RENDERING_NAMES`, nested ones merged), sorted, in µs: empty unless the trace
   * was recorded with the `devtools.timeline` category.
   */
  rendering: Interval[]
  /** Trace timestamp (µs) of the User Timing mark `markName`; null if the trace has none. */
  markUs: number | null
}

/**
 * Reads the renderer main thread of a Chrome trace: its long tasks, its top-level tasks, and the timestamp of the
 * User Timing mark `markName` (made by the page; the thread that made it is the page's main thread, which tells it
 * from other renderers' main threads).
 */
export function analyseTrace(trace: Buffer, markName?: string, thresholdMs = 50): TraceAnalysis {
  const events: TraceEvent[] = []
  let rendererMain: { pid: number; tid: number } | undefined
  let mark: TraceEvent | undefined
  for (const event of traceEvents(trace)) {
    if (event.ph === 'M') {
      if (rendererMain === undefined && event.args?.name === 'CrRendererMain') {
        rendererMain = { pid: event.pid, tid: event.tid }
      }
    } else if (markName !== undefined && mark === undefined && event.name === markName) {
      mark = event
    } else if (event.ph === 'X') {
      events.push(event)
    }
  }
  const main = mark ?? rendererMain
  const onMain =
    main === undefined ? [] : events.filter((event) => event.pid === main.pid && event.tid === main.tid)
  const intervals = (names: Set<string>) =>
    mergeIntervals(
      onMain
        .filter((event) => names.has(event.name))
        .map((event): Interval => [event.ts, event.ts + (event.dur ?? 0)]),
    )
  return {
    summary: longTaskSummary(onMain, trace.length, thresholdMs),
    tasks: intervals(TASK_NAMES),
    rendering: intervals(RENDERING_NAMES),
    markUs: mark?.ts ?? null,
  }
}

/** Sorted, non-overlapping intervals covering the same time as `intervals`. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0])
  const merged: Interval[] = []
  for (const [start, end] of sorted) {
    const last = merged.at(-1)
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/**
 * Busy time of each interval between consecutive `boundaries` (sorted, same clock and unit as `tasks`): how much of
 * it the merged `tasks` cover. A task that spans a boundary counts in both intervals, each for its own part.
 * Returns `boundaries.length - 1` values.
 */
export function busyPerFrame(tasks: Interval[], boundaries: number[]): number[] {
  const busy: number[] = []
  let first = 0
  for (let frame = 0; frame + 1 < boundaries.length; frame += 1) {
    const from = boundaries[frame] ?? 0
    const to = boundaries[frame + 1] ?? 0
    // Tasks that ended before this interval cannot touch the later ones either.
    while (first < tasks.length && (tasks[first]?.[1] ?? 0) <= from) first += 1
    let sum = 0
    for (let index = first; index < tasks.length; index += 1) {
      const task = tasks[index]
      if (task === undefined || task[0] >= to) break
      sum += Math.max(0, Math.min(to, task[1]) - Math.max(from, task[0]))
    }
    busy.push(sum)
  }
  return busy
}

/** The long tasks of the renderer main thread in a Chrome trace. */
export function summariseTrace(trace: Buffer, thresholdMs = 50): TraceSummary {
  return analyseTrace(trace, undefined, thresholdMs).summary
}

function longTaskSummary(mainEvents: TraceEvent[], traceBytes: number, thresholdMs: number): TraceSummary {
  const onMain = [...mainEvents]
  onMain.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const origin = onMain.find((event) => TASK_NAMES.has(event.name))?.ts ?? 0
  const longTasks: TracedLongTask[] = []
  for (let index = 0; index < onMain.length; index += 1) {
    const task = onMain[index]
    if (task === undefined || !TASK_NAMES.has(task.name) || (task.dur ?? 0) < thresholdMs * 1000) continue
    const end = task.ts + (task.dur ?? 0)
    const inside: Record<string, number> = {}
    let childEnd = task.ts
    for (let next = index + 1; next < onMain.length; next += 1) {
      const event = onMain[next]
      if (event === undefined || event.ts >= end) break
      // Direct children only: skip nested tasks and events inside an earlier child.
      if (TASK_NAMES.has(event.name) || event.ts < childEnd) continue
      inside[event.name] = Math.round((inside[event.name] ?? 0) + (event.dur ?? 0) / 1000)
      childEnd = event.ts + (event.dur ?? 0)
    }
    longTasks.push({
      startMs: Math.round((task.ts - origin) / 1000),
      wallMs: Math.round((task.dur ?? 0) / 1000),
      cpuMs: task.tdur === undefined ? null : Math.round(task.tdur / 1000),
      inside,
    })
  }
  const tasks = onMain.filter((event) => TASK_NAMES.has(event.name))
  const spanEnd = tasks.reduce((end, event) => Math.max(end, event.ts + (event.dur ?? 0)), 0)
  return {
    count: longTasks.length,
    wallMs: longTasks.reduce((sum, task) => sum + task.wallMs, 0),
    cpuMs: longTasks.reduce((sum, task) => sum + (task.cpuMs ?? 0), 0),
    cpuBoundCount: longTasks.filter((task) => (task.cpuMs ?? 0) >= thresholdMs).length,
    first: longTasks.slice(0, 30),
    spanMs: tasks.length === 0 ? 0 : Math.round((spanEnd - origin) / 1000),
    traceMiB: Math.round((traceBytes / 2 ** 20) * 10) / 10,
  }
}
