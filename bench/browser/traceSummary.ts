/**
 * Reads a Chrome trace of one scroll: the long tasks (over 50 ms) of the page's main thread, each with its wall
 * time, the CPU time the thread really got during it (the trace's thread clock, `tdur`), and (with `--trace`'s
 * categories) what ran inside it. A long task with much less CPU than wall time is the machine's doing (the thread
 * waited for a core while another process ran), not the page's.
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

/** The long tasks of the renderer main thread in a Chrome trace. */
export function summariseTrace(trace: Buffer, thresholdMs = 50): TraceSummary {
  let main: { pid: number; tid: number } | undefined
  const onMain: TraceEvent[] = []
  for (const event of traceEvents(trace)) {
    if (main === undefined) {
      if (event.ph === 'M' && event.args?.name === 'CrRendererMain') main = { pid: event.pid, tid: event.tid }
      continue
    }
    if (event.ph === 'X' && event.pid === main.pid && event.tid === main.tid) onMain.push(event)
  }
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
    traceMiB: Math.round((trace.length / 2 ** 20) * 10) / 10,
  }
}
