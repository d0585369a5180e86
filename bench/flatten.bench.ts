/**
 * The cost of turning an infinite list's pages into one de-duplicated list of records, as pages arrive one at a
 * time: pagewise's incremental `ItemFlattener` against what TanStack Query users usually write,
 * `useMemo(() => dedupe(data.pages.flatMap((page) => page.data)), [data])`, which starts over at every page.
 *
 *   npx vitest bench --run --config bench/vitest.bench.config.ts
 *
 * 1,000 pages of 100 Close leads (100,000 records). TanStack Query hands over a new `pages` array at every fetch,
 * holding the same page objects as before plus the new one: `prefixes[k]` is that array after k pages.
 */
import { bench, describe } from 'vitest'
import { closeOffset } from '../src/adapters/close'
import type { CloseListResponse } from '../src/adapters/close'
import { ItemFlattener } from '../src/core/itemFlattener'

const PAGE_SIZE = 100
const PAGE_COUNT = 1_000

interface Lead {
  id: string
  display_name: string
  name: string
  status_id: string
  status_label: string
  description: string
  url: string | null
  organization_id: string
  date_created: string
  date_updated: string
  created_by: string
  contacts: { id: string; display_name: string; emails: { email: string; type: string }[] }[]
}

type LeadsPage = CloseListResponse<Lead>

function lead(index: number): Lead {
  const id = `lead_${index.toString(36).padStart(8, '0')}${'x'.repeat(14)}`
  const created = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString()
  return {
    id,
    display_name: `Company ${index}`,
    name: `Company ${index}`,
    status_id: 'stat_potential',
    status_label: index % 3 === 0 ? 'Qualified' : 'Potential',
    description: '',
    url: index % 2 === 0 ? `https://company${index}.example.com` : null,
    organization_id: 'orga_bench',
    date_created: created,
    date_updated: created,
    created_by: 'user_bench',
    contacts: [
      {
        id: `cont_${index}`,
        display_name: `Contact ${index}`,
        emails: [{ email: `contact${index}@example.com`, type: 'office' }],
      },
    ],
  }
}

const pages: LeadsPage[] = Array.from({ length: PAGE_COUNT }, (_, pageIndex) => ({
  data: Array.from({ length: PAGE_SIZE }, (_, row) => lead(pageIndex * PAGE_SIZE + row)),
  has_more: pageIndex < PAGE_COUNT - 1,
}))

/** `prefixes[k]`: the `pages` array TanStack Query holds after k pages (a new array each time, same page objects). */
const prefixes: LeadsPage[][] = Array.from({ length: PAGE_COUNT + 1 }, (_, k) => pages.slice(0, k))

function prefix(k: number): LeadsPage[] {
  const value = prefixes[k]
  if (!value) throw new Error(`no prefix of ${k} pages`)
  return value
}

/** What `usePaginatedList` runs: the adapter's `getItems` (which checks the page) and the default `getItemId`. */
const { getItems } = closeOffset<Lead>()

/** The usual hand-written version: flatten every page, then drop repeated ids with a Set. */
function naiveItems(allPages: readonly LeadsPage[]): Lead[] {
  const seen = new Set<string>()
  return allPages
    .flatMap((page) => page.data)
    .filter((item) => {
      if (seen.has(item.id)) return false
      seen.add(item.id)
      return true
    })
}

/** Results are kept here so that no engine can drop the work as unused. */
let sink: unknown

/**
 * One append to a flattener that already holds k - 1 pages. tinybench (under `vitest bench`) times the whole bench
 * function and has no per-iteration setup hook, so each run (warmup, then the measured run) gets a pool of
 * flatteners prepared in `setup`, one per iteration: the timed body takes one and appends page k, nothing else.
 * The iteration count is fixed (`time: 0`) so the pool is always large enough.
 */
function pooledAppend(k: number, iterations: number, warmupIterations: number) {
  const before = prefix(k - 1)
  const after = prefix(k)
  let pool: ItemFlattener<LeadsPage, Lead>[] = []
  return {
    body: () => {
      const flattener = pool.pop()
      if (!flattener) throw new Error('flattener pool exhausted: raise its size')
      sink = flattener.flatten(after, getItems)
    },
    options: {
      time: 0,
      iterations,
      warmupTime: 0,
      warmupIterations,
      // tinybench calls the body once more per run, untimed, to learn whether it is async: hence the + 2.
      setup: (_task: unknown, mode: 'warmup' | 'run') => {
        const size = (mode === 'warmup' ? warmupIterations : iterations) + 2
        pool = Array.from({ length: size }, () => {
          const flattener = new ItemFlattener<LeadsPage, Lead>()
          flattener.flatten(before, getItems)
          return flattener
        })
      },
      teardown: () => {
        pool = []
      },
    },
  }
}

describe('append page 1 (100 records)', () => {
  const append = pooledAppend(1, 5_000, 500)
  bench('pagewise ItemFlattener', append.body, append.options)
  bench('naive flatMap + Set dedupe', () => {
    sink = naiveItems(prefix(1))
  })
})

describe('append page 1,000 (to 99,900 records)', () => {
  const append = pooledAppend(PAGE_COUNT, 100, 10)
  bench('pagewise ItemFlattener', append.body, append.options)
  bench(
    'naive flatMap + Set dedupe',
    () => {
      sink = naiveItems(prefix(PAGE_COUNT))
    },
    { time: 0, iterations: 100, warmupTime: 0, warmupIterations: 10 },
  )
})

describe('append all 1,000 pages one at a time (total)', () => {
  bench(
    'pagewise ItemFlattener',
    () => {
      const flattener = new ItemFlattener<LeadsPage, Lead>()
      for (let k = 1; k <= PAGE_COUNT; k++) sink = flattener.flatten(prefix(k), getItems)
    },
    { time: 0, iterations: 10, warmupTime: 0, warmupIterations: 2 },
  )
  bench(
    'naive flatMap + Set dedupe',
    () => {
      for (let k = 1; k <= PAGE_COUNT; k++) sink = naiveItems(prefix(k))
    },
    { time: 0, iterations: 5, warmupTime: 0, warmupIterations: 1 },
  )
})

export { sink }
