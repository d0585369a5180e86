import { describe, expect, it } from 'vitest'
import { heapCell, heapSection, heapTable, readHeapResults } from './reportHeap'

const MiB = 2 ** 20

/** A heap reading as bench/browser/heap.ts writes it (only some of its fields). */
const heap = (mib: number) => ({ usedBytes: mib * MiB, usedMiB: mib, totalBytes: mib * MiB * 1.2 })

/** A leg of the scroll, ended by `stop`, with `itemsHeld` records held at its end. */
const leg = (stop: string, itemsHeld: number) => ({ stop, ms: 1000, requests: 10, at: { itemsHeld } })

/** One implementation's result: heap in MiB at the start, at 10,000 and 1,000,000 rows, and back at the top. */
const run = (
  implementation: string,
  [start, small, large, top]: [number, number, number, number],
  held: number,
  stop = 'reached',
) => ({
  implementation,
  start: { heap: heap(start), at: { itemsHeld: 100 } },
  checkpoints: [
    { rows: 10_000, elapsedMs: 2_000, heap: heap(small), leg: leg('reached', Math.min(held, 10_000)) },
    { rows: 1_000_000, elapsedMs: 200_000, heap: heap(large), leg: leg(stop, held) },
  ],
  top: { heap: heap(top), leg: leg('top', held), elapsedMs: 410_000 },
  scrollMs: 410_000,
  requests: 19_990,
  ratio: { from: 10_000, to: 1_000_000, value: Math.round((large / small) * 1000) / 1000 },
  pageErrors: [],
})

/** heap.json with the given runs. */
const heapJson = (results: unknown[]) => ({
  date: '2026-12-07T05:49:23.718Z',
  wallTimeSeconds: 843,
  machine: {
    cpu: 'AMD EPYC',
    cores: 2,
    memoryGiB: 23.5,
    os: 'Debian',
    kernel: '6.1',
    arch: 'x64',
    node: 'v20',
  },
  software: {
    chromium: '156',
    react: '19.3.1',
    reactVirtuoso: '4.18.21',
    pagewise: { commit: 'abcdef0123' },
  },
  settings: {
    total: 1_000_000,
    checkpoints: [10_000, 1_000_000],
    maxPages: 10,
    pageSize: 100,
    rowHeight: 32,
  },
  target: { rule: 'pagewise: JS heap after 1000000 rows ≤ 1.5× the heap after 10000', ratio: 1.2, met: true },
  results,
})

/** The Markdown table's rows as cells, without the header and the rule. */
const cells = (markdown: string) =>
  markdown
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    )

describe('heapTable', () => {
  // Listed react-virtuoso first: pagewise comes first in the table.
  const results = readHeapResults(
    heapJson([run('virtuoso', [2, 4, 128, 128], 1_000_000), run('pagewise', [2, 3, 3.5, 3.5], 1_000)]),
  )

  it('gives each reading in MiB, pagewise first, with pagewise ÷ react-virtuoso in the same run', () => {
    const markdown = heapTable(results?.runs ?? [])
    expect(markdown.split('\n')[0]).toBe('| figure | pagewise | react-virtuoso | pagewise ÷ react-virtuoso |')
    expect(cells(markdown)).toEqual([
      ['JS heap at the start (first page shown)', '2 MiB', '2 MiB', '1×'],
      ['JS heap after 10,000 rows', '3 MiB', '4 MiB', '0.75×'],
      ['JS heap after 1,000,000 rows', '3.5 MiB', '128 MiB', '0.0273×'],
      ['JS heap back at the top', '3.5 MiB', '128 MiB', '0.0273×'],
      ['heap after 1,000,000 rows ÷ after 10,000', '1.17×', '32×', '—'],
      ['rows held after 1,000,000 rows', '1,000', '1,000,000', '—'],
      ['requests', '19,990', '19,990', '—'],
      ['scroll time', '410 s (200 s down, 210 s back)', '410 s (200 s down, 210 s back)', '—'],
    ])
  })

  it('says where a leg stopped short, and has no ratio column without the peer', () => {
    const alone = readHeapResults(heapJson([run('pagewise', [2, 3, 3.5, 3.5], 5_000, 'stalled')]))
    const markdown = heapTable(alone?.runs ?? [])
    expect(markdown.split('\n')[0]).toBe('| figure | pagewise |')
    expect(cells(markdown)[2]).toEqual(['JS heap after 1,000,000 rows', '3.5 MiB (stalled)'])
    expect(heapCell(undefined, 'reached')).toBe('—')
  })
})

describe('readHeapResults and heapSection', () => {
  it('reads nothing from a file without runs', () => {
    expect(readHeapResults(undefined)).toBeUndefined()
    expect(readHeapResults({ results: 'nope' })).toBeUndefined()
    expect(readHeapResults(heapJson([{ implementation: 'pagewise' }, 'broken']))).toBeUndefined()
  })

  it('gives the command, the machine, the method and the target with its rows grouped', () => {
    const section = heapSection(readHeapResults(heapJson([run('pagewise', [2, 3, 3.5, 3.5], 1_000)]))!)
    expect(section).toContain('`npm run bench:heap`')
    expect(section).toContain('on AMD EPYC (x64), 2 cores, 23.5 GiB')
    expect(section).toContain(
      '`usePaginatedList({ maxPages: 10 })` with pages of 100: it holds at most 1,000 rows',
    )
    expect(section).toContain('checkpoints at 10,000 and 1,000,000 rows')
    expect(section).toContain('at `abcdef0`.')
    expect(section).toContain(
      'Target (issue 18 §2): pagewise: JS heap after 1,000,000 rows ≤ 1.5× the heap after 10,000: 1.2× (✅ met).',
    )
  })
})
