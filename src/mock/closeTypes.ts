/** The four lead statuses of a fresh Close organization. */
export type CloseLeadStatusLabel = 'Potential' | 'Bad Fit' | 'Qualified' | 'Customer'

/** An e-mail address of a Close contact. */
export interface CloseEmail {
  email: string
  type: 'office'
}

/** A phone number of a Close contact (E.164). */
export interface ClosePhone {
  phone: string
  type: 'office'
}

/** A postal address of a Close lead. */
export interface CloseAddress {
  label: 'business'
  address_1: string
  address_2: string
  city: string
  state: string
  zipcode: string
  country: string
}

/** A Close contact (`GET /contact/`, and nested in each lead's `contacts`). */
export interface CloseContact {
  id: string
  lead_id: string
  organization_id: string
  name: string
  title: string
  emails: CloseEmail[]
  phones: ClosePhone[]
  date_created: string
  date_updated: string
  created_by: string
}

/** A Close lead (`GET /lead/`): a company with its contacts. */
export interface CloseLead {
  id: string
  display_name: string
  name: string
  status_id: string
  status_label: CloseLeadStatusLabel
  description: string
  url: string | null
  html_url: string
  contacts: CloseContact[]
  addresses: CloseAddress[]
  date_created: string
  date_updated: string
  created_by: string
  updated_by: string
  organization_id: string
}

/** A Close opportunity (`GET /opportunity/`). `value` is in cents. */
export interface CloseOpportunity {
  id: string
  lead_id: string
  lead_name: string
  contact_id: string | null
  status_id: string
  status_type: 'active' | 'won' | 'lost'
  status_label: 'Active' | 'Won' | 'Lost'
  value: number
  value_currency: 'USD'
  value_period: 'one_time' | 'monthly' | 'annual'
  confidence: number
  note: string
  user_id: string
  user_name: string
  date_created: string
  date_updated: string
  /** A calendar date (`YYYY-MM-DD`) for won opportunities, else `null`. */
  date_won: string | null
  organization_id: string
}

/** The kinds of object an event is about in this mock. */
export type CloseEventObjectType = 'lead' | 'contact' | 'opportunity'

/** An entry of Close's event log (`GET /event/`). */
export interface CloseLogEvent {
  id: string
  date_created: string
  date_updated: string
  organization_id: string
  user_id: string | null
  request_id: string | null
  api_key_id: string | null
  object_type: CloseEventObjectType
  object_id: string
  lead_id: string
  action: 'created' | 'updated' | 'deleted' | 'merged'
  changed_fields: string[]
  meta: Record<string, unknown>
  data: Record<string, unknown>
  previous_data: Record<string, unknown>
}

/**
 * The records behind a Close mock. Arrays are materialised on first access and are live: the drift fault inserts
 * into them, lead writes (`POST`, `PUT`, `DELETE /lead/`) change them, and you may edit them in a test. Array order is the default list order (newest first).
 */
export interface CloseDataset {
  /** The seed the records were generated from. */
  readonly seed: number
  /** The fixed "now" of the data (ISO 8601); generated records are older, drift records newer. */
  readonly referenceTime: string
  /** Leads, newest first by `date_created`. */
  leads: CloseLead[]
  /** Every lead's contacts, flattened in lead order. */
  contacts: CloseContact[]
  /** Opportunities, newest first by `date_created`. */
  opportunities: CloseOpportunity[]
  /** Events of the last 30 days, newest first by `date_updated`. */
  events: CloseLogEvent[]
}
