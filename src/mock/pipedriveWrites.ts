import { HttpResponse } from 'msw'
import { dateOnly, parseTimestamp, rfc3339 } from './dates'
import { isJsonObject } from './params'
import type { PipedriveDatasetBuild } from './pipedriveDataset'
import { personById } from './pipedriveDataset'
import { PIPELINES, STAGES_PER_PIPELINE } from './pipedriveDeals'
import { nextPipedriveTime } from './pipedriveDrift'
import type { PipedriveDriftCounters } from './pipedriveDrift'
import { pipedriveError } from './pipedriveResponses'
import type { PipedriveDeal } from './pipedriveTypes'
import type { RecordWrites } from './requestRecord'

/**
 * The body of `POST /api/v2/deals` (create; `title` required) and `PATCH /api/v2/deals/{id}` (update only the fields
 * given), as the Pipedrive mock reads it. Pipedrive's other documented deal fields (`visible_to`, `label_ids`,
 * `custom_fields`, `is_archived`, `archive_time`, `is_deleted`, `close_time`, `won_time`, `lost_time`) are accepted
 * and not stored; any other key (`id`, `add_time`, …) is a 400, as on Pipedrive v2.
 */
export interface PipedriveDealWrite {
  /** The deal's title; required to create, at least 1 character. */
  title?: string
  /** The deal's value. @default 0 */
  value?: number
  /** One of the mock company's currencies. @default 'USD' */
  currency?: PipedriveDeal['currency']
  /** A user id from `GET /api/v1/users`. @default the first user (the token's owner) */
  owner_id?: number
  /** A person id, or `null` for none. @default null */
  person_id?: number | null
  /** An organization id, or `null` for none. @default null */
  org_id?: number | null
  /** Pipeline 1 or 2; without `stage_id` the deal goes to the pipeline's first stage. @default 1 */
  pipeline_id?: number
  /** Stage 1–10 (five per pipeline); sets `pipeline_id`, which is ignored beside it. @default 1 */
  stage_id?: number
  /** `won` and `lost` set `close_time` and `won_time` / `lost_time`; `open` clears them. @default 'open' */
  status?: PipedriveDeal['status']
  /** Success probability, 0–100, or `null`. @default null */
  probability?: number | null
  /** Why the deal was lost; kept only while `status` is `lost`. @default null */
  lost_reason?: string | null
  /** `YYYY-MM-DD`, or `null`. @default null */
  expected_close_date?: string | null
}

/** Pipedrive's code beside a v2 schema validation failure (seen on `PATCH /api/v2/deals/{id}`). */
const SCHEMA_FAILED = { code: 'ERR_SCHEMA_VALIDATION_FAILED' }

const ACCEPTED_NOT_STORED = [
  'visible_to',
  'label_ids',
  'custom_fields',
  'is_archived',
  'archive_time',
  'is_deleted',
  'close_time',
  'won_time',
  'lost_time',
]

type Checked<T> = { value: T } | { message: string }
type FieldCheck<T> = (raw: unknown) => Checked<T>

/** The type a schema message names for a value (zod's words, which Pipedrive v2's messages use). */
function typeOf(raw: unknown): string {
  if (raw === null) return 'null'
  if (Array.isArray(raw)) return 'array'
  return typeof raw
}
const expected = (type: string, raw: unknown): Checked<never> => ({
  message: `Expected ${type}, received ${typeOf(raw)}`,
})

const string: FieldCheck<string> = (raw) =>
  typeof raw === 'string' ? { value: raw } : expected('string', raw)
const number: FieldCheck<number> = (raw) =>
  typeof raw === 'number' && Number.isFinite(raw) ? { value: raw } : expected('number', raw)
const integer: FieldCheck<number> = (raw) =>
  typeof raw !== 'number'
    ? expected('number', raw)
    : Number.isInteger(raw)
      ? { value: raw }
      : { message: 'Expected integer, received float' }
const nullable =
  <T>(check: FieldCheck<T>): FieldCheck<T | null> =>
  (raw) =>
    raw === null ? { value: null } : check(raw)
const oneOf =
  <V extends string>(values: readonly V[]): FieldCheck<V> =>
  (raw) => {
    const list = values.map((value) => `'${value}'`).join(' | ')
    if (typeof raw !== 'string') return expected(list, raw)
    return values.includes(raw as V)
      ? { value: raw as V }
      : { message: `Invalid enum value. Expected ${list}, received '${raw}'` }
  }
const title: FieldCheck<string> = (raw) =>
  typeof raw === 'string' && raw.length === 0
    ? { message: 'String must contain at least 1 character(s)' }
    : string(raw)
const percent: FieldCheck<number> = (raw) => {
  const checked = integer(raw)
  if ('message' in checked) return checked
  if (checked.value < 0) return { message: 'Number must be greater than or equal to 0' }
  return checked.value > 100 ? { message: 'Number must be less than or equal to 100' } : checked
}
const calendarDate: FieldCheck<string> = (raw) => {
  const checked = string(raw)
  if ('message' in checked) return checked
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(checked.value) ? parseTimestamp(checked.value) : undefined
  return ms !== undefined && dateOnly(ms) === checked.value ? checked : { message: 'Invalid date' }
}

const CHECKS: { [K in keyof PipedriveDealWrite]-?: FieldCheck<Exclude<PipedriveDealWrite[K], undefined>> } = {
  title,
  value: number,
  currency: oneOf(['USD', 'EUR', 'GBP']),
  owner_id: integer,
  person_id: nullable(integer),
  org_id: nullable(integer),
  pipeline_id: integer,
  stage_id: integer,
  status: oneOf(['open', 'won', 'lost']),
  probability: nullable(percent),
  lost_reason: nullable(string),
  expected_close_date: nullable(calendarDate),
}

/** A body checked against the v2 deal schema: the fields it sets, or the schema's messages. */
function readDeal(raw: unknown, creating: boolean): PipedriveDealWrite | string[] {
  if (!isJsonObject(raw)) return [`body: Expected object, received ${typeOf(raw)}`]
  const messages: string[] = []
  const write: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(raw)) {
    const check = Object.hasOwn(CHECKS, name) ? CHECKS[name as keyof PipedriveDealWrite] : undefined
    if (check === undefined) {
      if (!ACCEPTED_NOT_STORED.includes(name)) {
        messages.push(`${name}: Parameter '${name}' is not allowed for this request`)
      }
      continue
    }
    const checked = check(value)
    if ('message' in checked) messages.push(`${name}: ${checked.message}`)
    else write[name] = checked.value
  }
  if (creating && !Object.hasOwn(raw, 'title')) messages.push('title: Required')
  return messages.length > 0 ? messages : (write as PipedriveDealWrite)
}

/** The first id the body names that the company does not have, as Pipedrive's "<entity> not found". */
function missingReference(build: PipedriveDatasetBuild, write: PipedriveDealWrite): string | undefined {
  const { ctx } = build
  const within = (id: number, count: number) => id >= 1 && id <= count
  if (write.owner_id !== undefined && !ctx.users.some((user) => user.id === write.owner_id)) {
    return 'User not found'
  }
  if (write.person_id != null && personById(build, write.person_id) === undefined) return 'Person not found'
  if (write.org_id != null && !within(write.org_id, ctx.organizationCount)) return 'Organization not found'
  if (write.pipeline_id !== undefined && !within(write.pipeline_id, PIPELINES)) return 'Pipeline not found'
  if (write.stage_id !== undefined && !within(write.stage_id, PIPELINES * STAGES_PER_PIPELINE)) {
    return 'Stage not found'
  }
  return undefined
}

/**
 * Applies a checked body to `deal` at time `now`: the stage sets the pipeline (a pipeline alone moves the deal to
 * its first stage), a stage change stamps `stage_change_time`, a status change sets or clears the close times.
 */
function applyDeal(deal: PipedriveDeal, write: PipedriveDealWrite, now: string): PipedriveDeal {
  const next: PipedriveDeal = { ...deal, ...write, update_time: now }
  if (write.stage_id !== undefined) {
    next.pipeline_id = Math.ceil(write.stage_id / STAGES_PER_PIPELINE)
  } else if (write.pipeline_id !== undefined && write.pipeline_id !== deal.pipeline_id) {
    next.stage_id = (write.pipeline_id - 1) * STAGES_PER_PIPELINE + 1
  }
  if (next.stage_id !== deal.stage_id) next.stage_change_time = now
  if (next.status !== deal.status) {
    next.close_time = next.status === 'open' ? null : now
    next.won_time = next.status === 'won' ? now : null
    next.lost_time = next.status === 'lost' ? now : null
  }
  if (next.status !== 'lost') next.lost_reason = null
  return next
}

/** Where the deal writes find the data: getters, so that `reset()` (a new build) is followed. */
export interface PipedriveWritesSpec {
  build: () => PipedriveDatasetBuild
  counters: () => PipedriveDriftCounters
}

/**
 * Deal writes on the mock's own data, answered `{ success: true, data }` like Pipedrive v2. A created deal gets the
 * next id (shared with drift, so ids never repeat) and the newest `add_time`, at the end of the id-ordered list; an
 * update replaces the deal with a newer `update_time`; a delete removes it (Pipedrive marks it deleted and leaves it
 * out of every list and search). Errors: 404 `Deal not found`; 400 `Validation failed: field: message; …` with
 * `code: 'ERR_SCHEMA_VALIDATION_FAILED'` for the schema (types, unknown fields, enum values), and 400 `Stage not
 * found`, `User not found`, … for ids the company does not have.
 */
export function pipedriveDealWrites(spec: PipedriveWritesSpec): RecordWrites {
  const invalid = (messages: string[]): Response =>
    pipedriveError(400, `Validation failed: ${messages.join('; ')}`, SCHEMA_FAILED)

  /** The deal of the path's id, or the answer when the id is not an integer or not a deal. */
  const find = (raw: string | undefined): { at: number; deal: PipedriveDeal } | Response => {
    if (raw === undefined || !/^\d{1,15}$/.test(raw)) return invalid(['id: Expected number, received string'])
    const id = Number(raw)
    const deals = spec.build().dataset.deals
    const at = deals.findIndex((deal) => deal.id === id)
    const deal = deals[at]
    return deal === undefined ? pipedriveError(404, 'Deal not found') : { at, deal }
  }

  /** A checked body with known ids, or its 400. */
  const read = (body: unknown, creating: boolean): PipedriveDealWrite | Response => {
    const write = readDeal(body, creating)
    if (Array.isArray(write)) return invalid(write)
    const missing = missingReference(spec.build(), write)
    return missing === undefined ? write : pipedriveError(400, missing)
  }

  return {
    read: ({ params }) => {
      const found = find(params?.id)
      return found instanceof Response ? found : HttpResponse.json({ success: true, data: found.deal })
    },

    create: ({ body }) => {
      const write = read(body, true)
      if (write instanceof Response) return write
      const { ctx, dataset } = spec.build()
      const counters = spec.counters()
      counters.deals += 1
      const now = rfc3339(nextPipedriveTime(counters))
      const blank: PipedriveDeal = {
        id: ctx.dealCount + counters.deals,
        title: '',
        value: 0,
        currency: 'USD',
        status: 'open',
        stage_id: 1,
        pipeline_id: 1,
        person_id: null,
        org_id: null,
        owner_id: ctx.users[0]?.id ?? 0,
        add_time: now,
        update_time: now,
        stage_change_time: null,
        close_time: null,
        won_time: null,
        lost_time: null,
        lost_reason: null,
        expected_close_date: null,
        probability: null,
        is_deleted: false,
      }
      // A new deal has no stage history: only a status other than `open` stamps its times.
      const deal = { ...applyDeal(blank, write, now), stage_change_time: null }
      dataset.deals.push(deal)
      return HttpResponse.json({ success: true, data: deal })
    },

    update: ({ params, body }) => {
      const found = find(params?.id)
      if (found instanceof Response) return found
      const write = read(body, false)
      if (write instanceof Response) return write
      const deal = applyDeal(found.deal, write, rfc3339(nextPipedriveTime(spec.counters())))
      spec.build().dataset.deals[found.at] = deal
      return HttpResponse.json({ success: true, data: deal })
    },

    remove: ({ params }) => {
      const found = find(params?.id)
      if (found instanceof Response) return found
      spec.build().dataset.deals.splice(found.at, 1)
      return HttpResponse.json({ success: true, data: { id: found.deal.id } })
    },
  }
}
