/** Job titles of contacts. */
export const JOB_TITLES: readonly string[] = [
  'CEO',
  'CTO',
  'Head of Sales',
  'VP Marketing',
  'Operations Manager',
  'Office Manager',
  'Founder',
  'Procurement Lead',
  'IT Director',
  'Account Executive',
  'Finance Director',
  'Product Manager',
  '',
]

/** What a deal or opportunity is about. */
export const DEAL_SUBJECTS: readonly string[] = [
  'Annual license',
  'Pilot',
  'Expansion',
  'Renewal',
  'Onboarding package',
  'Support plan',
  'Hardware order',
  'Consulting block',
  'Team upgrade',
  'Data migration',
  'Enterprise plan',
  'Training day',
  'API add-on',
]

/** Short lead descriptions. */
export const LEAD_DESCRIPTIONS: readonly string[] = [
  'Inbound from the pricing page.',
  'Met at the spring trade fair.',
  'Referred by an existing customer.',
  'Asked for a demo of the reporting module.',
  'Evaluating three vendors this quarter.',
  'Budget approved for next fiscal year.',
  '',
]

/** Phrases for opportunity notes and the text of Pipedrive notes (`{name}` is replaced). */
export const NOTE_SENTENCES: readonly string[] = [
  'Called {name} about the renewal.',
  'Sent the revised quote to {name}.',
  '{name} wants a second demo for the finance team.',
  'Follow up after the board meeting next week.',
  'Asked {name} for the procurement contact.',
  'Pricing feedback: too expensive for 10 seats.',
  '{name} confirmed the pilot start date.',
  'Legal review of the contract is in progress.',
  'Left a voicemail for {name}.',
  'Shared the security questionnaire.',
]

/**
 * Hostile note contents: Pipedrive note content is HTML, so some generated notes carry script and event-handler
 * markup. UI tests use them to prove that note text is rendered as text, never as HTML. Notes whose id is 14,
 * 111, 208, … (every 97th, starting at 14) carry one of these contents.
 *
 * @example
 * const hostile = createPipedriveDataset().notes.filter((note) => UNSAFE_NOTE_HTML.includes(note.content))
 */
export const UNSAFE_NOTE_HTML: readonly string[] = [
  '<p>Pasted from an e-mail: <script>alert(1)</script></p>',
  '<p>Logo attached <img src="x" onerror="alert(1)"></p>',
  '<a href="javascript:alert(1)">Open the proposal</a>',
]

/** Where Pipedrive leads come from (`source_name`). */
export const LEAD_SOURCES: readonly string[] = [
  'Manually created',
  'API',
  'Web forms',
  'Prospector',
  'Chatbot',
  'Import',
]
