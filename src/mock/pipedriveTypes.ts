/** An e-mail address or phone number of a Pipedrive person (v2 shape). */
export interface PipedriveContactPoint {
  value: string
  primary: boolean
  label: 'work' | 'home' | 'mobile' | 'other'
}

/** A deal as `GET /api/v2/deals` returns it. Times are RFC 3339 (`2026-03-01T10:15:00Z`). */
export interface PipedriveDeal {
  id: number
  title: string
  value: number
  currency: 'USD' | 'EUR' | 'GBP'
  status: 'open' | 'won' | 'lost'
  stage_id: number
  pipeline_id: number
  person_id: number | null
  org_id: number | null
  owner_id: number
  add_time: string
  update_time: string
  stage_change_time: string | null
  close_time: string | null
  won_time: string | null
  lost_time: string | null
  lost_reason: string | null
  /** `YYYY-MM-DD` or `null`. */
  expected_close_date: string | null
  /** 0–100, or `null` when the stage's default applies. */
  probability: number | null
  is_deleted: boolean
}

/** A person as `GET /api/v2/persons` returns it. */
export interface PipedrivePerson {
  id: number
  name: string
  first_name: string
  last_name: string
  emails: PipedriveContactPoint[]
  phones: PipedriveContactPoint[]
  org_id: number | null
  owner_id: number
  add_time: string
  update_time: string
  is_deleted: boolean
}

/**
 * A note as `GET /api/v1/notes` returns it. `content` is HTML written by users; some generated notes carry
 * `<script>` or `onerror=` markup on purpose (see `UNSAFE_NOTE_HTML`), so never render it as HTML unsanitised.
 * Times are `YYYY-MM-DD HH:MM:SS` (UTC).
 */
export interface PipedriveNote {
  id: number
  content: string
  deal_id: number | null
  person_id: number | null
  org_id: number | null
  lead_id: string | null
  user_id: number
  add_time: string
  update_time: string
  active_flag: boolean
  pinned_to_deal_flag: boolean
  pinned_to_person_flag: boolean
  pinned_to_organization_flag: boolean
  deal: { title: string } | null
  person: { name: string } | null
  organization: { name: string } | null
  user: { email: string; name: string; icon_url: string | null; is_you: boolean }
}

/** A lead as `GET /api/v1/leads` returns it. Times are ISO 8601 with milliseconds. */
export interface PipedriveLead {
  id: string
  title: string
  owner_id: number
  creator_id: number
  label_ids: string[]
  person_id: number | null
  organization_id: number | null
  source_name: string
  is_archived: boolean
  was_seen: boolean
  value: { amount: number; currency: string } | null
  expected_close_date: string | null
  next_activity_id: number | null
  add_time: string
  update_time: string
  visible_to: '1' | '3' | '5' | '7'
  cc_email: string
}

/**
 * The records behind a Pipedrive mock. Arrays are materialised on first access and are live (the drift fault
 * inserts into them, deal writes change them). Deals, persons and notes are stored by id ascending, leads by `add_time` ascending.
 */
export interface PipedriveDataset {
  /** The seed the records were generated from. */
  readonly seed: number
  /** The fixed "now" of the data (ISO 8601); generated records are older, drift records newer. */
  readonly referenceTime: string
  deals: PipedriveDeal[]
  persons: PipedrivePerson[]
  notes: PipedriveNote[]
  leads: PipedriveLead[]
}
