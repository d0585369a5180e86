/**
 * The browser heap benchmark's `bench/results/heap.json`, written by bench/browser/heap.ts: the JS heap of pagewise
 * (`usePaginatedList({ maxPages })`) and of react-virtuoso (every row held) on a million-record list, at each
 * checkpoint of the scroll down and back at the top, for BENCHMARKS.md. Read defensively (a partial or older file
 * lacks fields); this only reads and formats what the runner measured.
 */
import { integer, sig3, table, times } from './markdown'
import { isRecord } from './readResults'

/** Why a leg of the scroll ended (`HeapStop` in bench/browser/heapContract.ts). */
type Stop = string

/** One heap reading: the used JS heap, in bytes, and how the scroll leg before it ended. */
export interface HeapPoint {
  usedBytes: number
  /** `'reached'` (a checkpoint) or `'top'` (back at the top) when the leg got there; else why it stopped. */
  stop: Stop
  /** Records the list held then. */
  itemsHeld: number | undefined
}

/** One implementation's run. */
export interface HeapRun {
  implementation: string
  /** After the first page, before scrolling. */
  start: HeapPoint
  /** By rows reached, in the file's order (smallest first). */
  checkpoints: (HeapPoint & { rows: number; elapsedMs: number | undefined })[]
  top: HeapPoint | undefined
  /** Heap at the largest checkpoint ÷ heap at the smallest, as the runner computed it. */
  ratio: { from: number; to: number; value: number } | undefined
  requests: number | undefined
  /** Wall time of the scroll down and back, heap readings excluded, in ms. */
  scrollMs: number | undefined
  pageErrors: number
}

/** What the report uses of heap.json. */
export interface HeapResults {
  date: string | undefined
  wallTimeSeconds: number | undefined
  machine: Record<string, unknown>
  software: Record<string, unknown>
  settings: Record<string, unknown>
  target: { rule: string; ratio: number; met: boolean } | undefined
  runs: HeapRun[]
}

const numberOr = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

/** A `{ heap: { usedBytes }, … }` reading with the stop of its leg; undefined without a heap figure. */
function pointOf(value: unknown, fallbackStop: Stop): HeapPoint | undefined {
  if (!isRecord(value) || !isRecord(value.heap)) return undefined
  const usedBytes = numberOr(value.heap.usedBytes)
  if (usedBytes === undefined) return undefined
  const leg = isRecord(value.leg) ? value.leg : undefined
  const at = isRecord(leg?.at) ? leg.at : isRecord(value.at) ? value.at : undefined
  return {
    usedBytes,
    stop: typeof leg?.stop === 'string' ? leg.stop : fallbackStop,
    itemsHeld: numberOr(at?.itemsHeld),
  }
}

function runOf(value: unknown): HeapRun[] {
  if (!isRecord(value) || typeof value.implementation !== 'string') return []
  const start = pointOf(value.start, 'start')
  if (start === undefined) return []
  const checkpoints = (Array.isArray(value.checkpoints) ? value.checkpoints : []).flatMap(
    (checkpoint: unknown) => {
      const point = pointOf(checkpoint, '?')
      const rows = isRecord(checkpoint) ? numberOr(checkpoint.rows) : undefined
      if (point === undefined || rows === undefined || !isRecord(checkpoint)) return []
      return [{ ...point, rows, elapsedMs: numberOr(checkpoint.elapsedMs) }]
    },
  )
  const ratio = isRecord(value.ratio) ? value.ratio : undefined
  const from = numberOr(ratio?.from)
  const to = numberOr(ratio?.to)
  const ratioValue = numberOr(ratio?.value)
  return [
    {
      implementation: value.implementation,
      start,
      checkpoints,
      top: pointOf(value.top, '?'),
      ratio:
        from === undefined || to === undefined || ratioValue === undefined
          ? undefined
          : { from, to, value: ratioValue },
      requests: numberOr(value.requests),
      scrollMs: numberOr(value.scrollMs),
      pageErrors: Array.isArray(value.pageErrors) ? value.pageErrors.length : 0,
    },
  ]
}

/** Reads heap.json; `undefined` when it has no runs to show. */
export function readHeapResults(data: unknown): HeapResults | undefined {
  if (!isRecord(data) || !Array.isArray(data.results)) return undefined
  const runs = data.results.flatMap(runOf)
  if (runs.length === 0) return undefined
  const target = isRecord(data.target) ? data.target : undefined
  const targetRatio = numberOr(target?.ratio)
  return {
    date: typeof data.date === 'string' ? data.date : undefined,
    wallTimeSeconds: numberOr(data.wallTimeSeconds),
    machine: isRecord(data.machine) ? data.machine : {},
    software: isRecord(data.software) ? data.software : {},
    settings: isRecord(data.settings) ? data.settings : {},
    target:
      target !== undefined && typeof target.rule === 'string' && targetRatio !== undefined
        ? { rule: target.rule, ratio: targetRatio, met: target.met === true }
        : undefined,
    runs,
  }
}

/** Column names: the implementations as the pages call them, the peer by its package name. */
const IMPLEMENTATION_NAMES: Record<string, string> = { pagewise: 'pagewise', virtuoso: 'react-virtuoso' }
const nameOf = (implementation: string) => IMPLEMENTATION_NAMES[implementation] ?? implementation

/** `3153656` → `3.01 MiB`; a reading whose leg did not get there says why: `3.01 MiB (stalled)`. */
export function heapCell(point: HeapPoint | undefined, arrived: Stop): string {
  if (point === undefined) return '—'
  const mib = `${sig3(point.usedBytes / 2 ** 20)} MiB`
  return point.stop === arrived ? mib : `${mib} (${point.stop})`
}

/** pagewise's heap ÷ the peer's, or `—` when either is missing. */
const ratioCell = (pagewise: HeapPoint | undefined, peer: HeapPoint | undefined): string =>
  pagewise === undefined || peer === undefined || peer.usedBytes <= 0
    ? '—'
    : times(pagewise.usedBytes / peer.usedBytes)

const seconds = (ms: number) => `${sig3(ms / 1000)} s`

/** Scroll time, down and back: `417 s (204 s down, 213 s back)`. */
function scrollCell(run: HeapRun): string {
  if (run.scrollMs === undefined) return '—'
  const down = run.checkpoints.at(-1)?.elapsedMs
  if (down === undefined) return seconds(run.scrollMs)
  return `${seconds(run.scrollMs)} (${seconds(down)} down, ${seconds(run.scrollMs - down)} back)`
}

/**
 * The comparison table: a row per figure, a column per implementation (pagewise first), and, when react-virtuoso
 * ran too, pagewise ÷ react-virtuoso for each heap reading.
 */
export function heapTable(runs: HeapRun[]): string {
  const ordered = [...runs].sort(
    (a, b) => Number(b.implementation === 'pagewise') - Number(a.implementation === 'pagewise'),
  )
  const pagewise = ordered.find((run) => run.implementation === 'pagewise')
  const peer = ordered.find((run) => run.implementation === 'virtuoso')
  const withRatio = pagewise !== undefined && peer !== undefined
  const checkpoints = [...new Set(ordered.flatMap((run) => run.checkpoints.map((point) => point.rows)))].sort(
    (a, b) => a - b,
  )
  const at = (run: HeapRun | undefined, rows: number) => run?.checkpoints.find((point) => point.rows === rows)
  const row = (label: string, cell: (run: HeapRun) => string, ratio = '—') => [
    label,
    ...ordered.map(cell),
    ...(withRatio ? [ratio] : []),
  ]
  const first = checkpoints[0]
  const last = checkpoints.at(-1)
  const rows = [
    row(
      'JS heap at the start (first page shown)',
      (run) => heapCell(run.start, 'start'),
      ratioCell(pagewise?.start, peer?.start),
    ),
    ...checkpoints.map((rowsReached) =>
      row(
        `JS heap after ${integer(rowsReached)} rows`,
        (run) => heapCell(at(run, rowsReached), 'reached'),
        ratioCell(at(pagewise, rowsReached), at(peer, rowsReached)),
      ),
    ),
    row('JS heap back at the top', (run) => heapCell(run.top, 'top'), ratioCell(pagewise?.top, peer?.top)),
    ...(first !== undefined && last !== undefined && first !== last
      ? [
          row(`heap after ${integer(last)} rows ÷ after ${integer(first)}`, (run) =>
            run.ratio === undefined ? '—' : times(run.ratio.value),
          ),
          row(`rows held after ${integer(last)} rows`, (run) => {
            const held = at(run, last)?.itemsHeld
            return held === undefined ? '—' : integer(held)
          }),
        ]
      : []),
    row('requests', (run) => (run.requests === undefined ? '—' : integer(run.requests))),
    row('scroll time', scrollCell),
  ]
  const header = [
    'figure',
    ...ordered.map((run) => nameOf(run.implementation)),
    ...(withRatio ? ['pagewise ÷ react-virtuoso'] : []),
  ]
  return table(header, rows, ['l', ...ordered.map((): 'r' => 'r'), ...(withRatio ? ['r' as const] : [])])
}

/** `['a', 'b', 'c']` → `a, b and c`. */
const listed = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '?') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`

/** The runner's target rule with its row counts grouped: `after 1000000 rows` → `after 1,000,000 rows`. */
const withThousands = (text: string) => text.replace(/\d{4,}/g, (digits) => integer(Number(digits)))

/** The BENCHMARKS.md section of the heap benchmark. */
export function heapSection(results: HeapResults): string {
  const { machine, software, settings } = results
  const text = (record: Record<string, unknown>, key: string) =>
    record[key] === undefined ? '?' : String(record[key])
  const count = (key: string) => {
    const value = numberOr(settings[key])
    return value === undefined ? '?' : integer(value)
  }
  const maxPages = numberOr(settings.maxPages)
  const pageSize = numberOr(settings.pageSize)
  const held = maxPages === undefined || pageSize === undefined ? '?' : integer(maxPages * pageSize)
  const source = isRecord(software.pagewise) ? software.pagewise : undefined
  const commit = typeof source?.commit === 'string' ? source.commit.slice(0, 7) : undefined
  const modified = source?.srcModified === true ? ' with uncommitted changes in `src/`' : ''
  const checkpoints = listed(
    (Array.isArray(settings.checkpoints) ? settings.checkpoints : []).map((rows) => integer(Number(rows))),
  )
  const run = [
    `Run ${results.date ?? 'at an unknown date'}` +
      (results.wallTimeSeconds === undefined ? '' : `, ${integer(results.wallTimeSeconds / 60)} minutes`) +
      ` (\`npm run bench:heap\`, that is \`npx tsx bench/browser/heap.ts\`), on ${text(machine, 'cpu')} ` +
      `(${text(machine, 'arch')}), ${text(machine, 'cores')} cores, ${text(machine, 'memoryGiB')} GiB, ` +
      `${text(machine, 'os')} (kernel ${text(machine, 'kernel')}), Node ${text(machine, 'node')}, load average ` +
      `(1 min) ${text(machine, 'loadAverage1m')} at the end of the run.`,
    `Chromium ${text(software, 'chromium')} (headless), React ${text(software, 'react')}, TanStack Query ` +
      `${text(software, 'tanstackReactQuery')}, react-virtuoso ${text(software, 'reactVirtuoso')}` +
      (commit === undefined ? '.' : `; pagewise built from the sources at \`${commit}\`${modified}.`),
  ].join(' ')
  const method =
    `Method: headless Chromium scrolls a list of ${count('total')} records down, with checkpoints at ` +
    `${checkpoints} rows, then back to the top, driven from inside the page: the row after the last loaded ` +
    "one is put at the bottom of the view, the table's own loading brings the next page, and the next move " +
    'waits until every row in view is a record. At the start, at each checkpoint and back at the top, with the ' +
    'view still there and no request in flight, the runner forces two GCs (CDP `HeapProfiler.collectGarbage`) ' +
    'and reads `Runtime.getHeapUsage` (used size). pagewise is `<InfiniteTable>` over ' +
    `\`usePaginatedList({ maxPages: ${count('maxPages')} })\` with pages of ${count('pageSize')}: it holds at ` +
    `most ${held} rows, drops pages at the far end and loads them back on the way up. react-virtuoso is ` +
    '`TableVirtuoso` over a raw `useInfiniteQuery`, which holds every row (one move back to the top). Rows of ' +
    `${count('rowHeight')} px, a ${count('viewportHeight')} px viewport; the mock API answers in the page ` +
    `(${count('latencyMs')} ms latency) and computes each record from its index, so the mock costs nothing per ` +
    'row: the heap is what each table and its list hold.'
  const parts = [
    run,
    method,
    'Each cell is one reading (one run per implementation); **pagewise ÷ react-virtuoso** compares the two in the ' +
      'same run (below 1: pagewise holds less).',
    heapTable(results.runs),
  ]
  if (results.target !== undefined) {
    parts.push(
      `Target (issue 18 §2): ${withThousands(results.target.rule)}: ${results.target.ratio}× ` +
        `(${results.target.met ? '✅ met' : '❌ missed'}).`,
    )
  }
  const errors = results.runs.filter((entry) => entry.pageErrors > 0)
  if (errors.length > 0) {
    parts.push(
      `Page errors: ${errors.map((entry) => `${nameOf(entry.implementation)} ${entry.pageErrors}`).join(', ')} ` +
        '(see `bench/results/heap.json`).',
    )
  }
  parts.push(
    'Every reading, with DOM counters, per-step scroll times and where the list stood: `bench/results/heap.json`.',
  )
  return parts.join('\n\n')
}
