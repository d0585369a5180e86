import { describe, expect, it } from 'vitest'
import { createCloseDataset, createPipedriveDataset, UNSAFE_NOTE_HTML } from './index'

const CLOSE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
const V1_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

describe('Close dataset', () => {
  it('is deterministic: the same seed gives identical records, another seed different ones', () => {
    const a = createCloseDataset({ seed: 42, leads: 300, events: 200 })
    const b = createCloseDataset({ seed: 42, leads: 300, events: 200 })
    const c = createCloseDataset({ seed: 43, leads: 300, events: 200 })
    expect(b.leads).toEqual(a.leads)
    expect(b.opportunities).toEqual(a.opportunities)
    expect(b.events).toEqual(a.events)
    expect(c.leads[0]?.id).not.toBe(a.leads[0]?.id)
  })

  it('does not depend on which resource is read first', () => {
    const a = createCloseDataset({ seed: 5, leads: 200, events: 100 })
    const b = createCloseDataset({ seed: 5, leads: 200, events: 100 })
    const eventsFirst = b.events
    expect(b.leads).toEqual(a.leads)
    expect(eventsFirst).toEqual(a.events)
  })

  it('has the default sizes and Close-shaped leads, newest first', () => {
    const dataset = createCloseDataset()
    expect(dataset.leads).toHaveLength(2500)
    expect(dataset.opportunities).toHaveLength(1500)
    expect(dataset.events).toHaveLength(1000)
    const lead = dataset.leads[0]!
    expect(Object.keys(lead).sort()).toEqual(
      [
        'addresses',
        'contacts',
        'created_by',
        'date_created',
        'date_updated',
        'description',
        'display_name',
        'html_url',
        'id',
        'name',
        'organization_id',
        'status_id',
        'status_label',
        'updated_by',
        'url',
      ].sort(),
    )
    expect(lead.id).toMatch(/^lead_[0-9A-Za-z]{22}$/)
    expect(lead.date_created).toMatch(CLOSE_TIME)
    expect(['Potential', 'Bad Fit', 'Qualified', 'Customer']).toContain(lead.status_label)
    const contact = lead.contacts[0]!
    expect(contact.id).toMatch(/^cont_[0-9A-Za-z]{22}$/)
    expect(contact.lead_id).toBe(lead.id)
    expect(contact.emails[0]).toEqual({
      email: expect.stringMatching(/^[a-z]+\.[a-z]+@[a-z0-9.]+$/),
      type: 'office',
    })
    const created = dataset.leads.map((l) => l.date_created)
    expect(created).toEqual([...created].sort().reverse())
    expect(new Set(dataset.leads.map((l) => l.id)).size).toBe(2500)
  })

  it('flattens contacts from leads and links opportunities to existing leads', () => {
    const dataset = createCloseDataset({ leads: 400 })
    expect(dataset.contacts).toEqual(dataset.leads.flatMap((lead) => lead.contacts))
    const names = new Map(dataset.leads.map((lead) => [lead.id, lead.display_name]))
    for (const opportunity of dataset.opportunities) {
      expect(opportunity.id).toMatch(/^oppo_/)
      expect(names.get(opportunity.lead_id)).toBe(opportunity.lead_name)
      expect(Number.isInteger(opportunity.value)).toBe(true)
      expect(opportunity.date_won === null).toBe(opportunity.status_type !== 'won')
    }
  })

  it('keeps 30 days of events, newest first, with every documented field', () => {
    const dataset = createCloseDataset()
    const event = dataset.events[0]!
    expect(Object.keys(event)).toEqual([
      'id',
      'date_created',
      'date_updated',
      'organization_id',
      'user_id',
      'request_id',
      'api_key_id',
      'object_type',
      'object_id',
      'lead_id',
      'action',
      'changed_fields',
      'meta',
      'data',
      'previous_data',
    ])
    const times = dataset.events.map((e) => Date.parse(e.date_updated.slice(0, 23) + 'Z'))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const newest = times[0]!
    expect(newest - times[times.length - 1]!).toBeLessThanOrEqual(30 * 24 * 3600 * 1000)
    expect(new Set(dataset.events.map((e) => e.action))).toEqual(
      new Set(['created', 'updated', 'deleted', 'merged']),
    )
  })

  it('builds 100,000 leads quickly', () => {
    const started = performance.now()
    const dataset = createCloseDataset({ leads: 100_000 })
    expect(dataset.leads).toHaveLength(100_000)
    // Typically 0.6–0.9 s; the bound only catches an accidental quadratic or a lost lazy build.
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('Pipedrive dataset', () => {
  it('is deterministic per seed', () => {
    const a = createPipedriveDataset({ seed: 9, deals: 200, persons: 100, notes: 200, leads: 50 })
    const b = createPipedriveDataset({ seed: 9, deals: 200, persons: 100, notes: 200, leads: 50 })
    expect(b.deals).toEqual(a.deals)
    expect(b.persons).toEqual(a.persons)
    expect(b.notes).toEqual(a.notes)
    expect(b.leads).toEqual(a.leads)
    expect(createPipedriveDataset({ seed: 10, deals: 1 }).deals[0]).not.toEqual(a.deals[0])
  })

  it('has the default sizes, integer ids ascending and the documented time formats', () => {
    const dataset = createPipedriveDataset()
    expect(dataset.deals).toHaveLength(2500)
    expect(dataset.persons).toHaveLength(1000)
    expect(dataset.notes).toHaveLength(2500)
    expect(dataset.leads).toHaveLength(500)
    expect(dataset.deals.map((d) => d.id)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1))
    const deal = dataset.deals[0]!
    expect(deal.add_time).toMatch(RFC3339)
    expect(deal.update_time >= deal.add_time).toBe(true)
    expect(['open', 'won', 'lost']).toContain(deal.status)
    const person = dataset.persons[0]!
    expect(person.name).toBe(`${person.first_name} ${person.last_name}`)
    expect(person.emails[0]).toEqual({ value: expect.stringContaining('@'), primary: true, label: 'work' })
    expect(dataset.notes[0]!.add_time).toMatch(V1_TIME)
    expect(dataset.leads[0]!.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(dataset.leads[0]!.add_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  it('writes notes as HTML, including hostile samples for rendering tests', () => {
    const dataset = createPipedriveDataset()
    expect(dataset.notes.filter((n) => n.content.startsWith('<p>')).length).toBeGreaterThan(2000)
    const hostile = dataset.notes.filter((n) => UNSAFE_NOTE_HTML.includes(n.content))
    expect(hostile.length).toBeGreaterThanOrEqual(25)
    expect(hostile[0]!.id).toBe(14)
    expect(hostile.some((n) => n.content.includes('<script>'))).toBe(true)
    expect(hostile.some((n) => n.content.includes('onerror='))).toBe(true)
  })

  it('links notes to their deal and person', () => {
    const dataset = createPipedriveDataset()
    const deals = new Map(dataset.deals.map((d) => [d.id, d]))
    const persons = new Map(dataset.persons.map((p) => [p.id, p]))
    for (const note of dataset.notes) {
      if (note.deal_id !== null) expect(note.deal?.title).toBe(deals.get(note.deal_id)?.title)
      if (note.person_id !== null) expect(note.person?.name).toBe(persons.get(note.person_id)?.name)
    }
  })
})
