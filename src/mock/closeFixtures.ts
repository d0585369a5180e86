import type { CloseLeadStatusLabel } from './closeTypes'
import { closeFixedId } from './ids'
import { SALT } from './random'

/** A user of the mock Close organization. */
export interface CloseUser {
  id: string
  name: string
}

/** The fixed entities every Close record refers to. */
export interface CloseFixtures {
  organizationId: string
  users: CloseUser[]
  leadStatuses: { id: string; label: CloseLeadStatusLabel }[]
  opportunityStatuses: { id: string; type: 'active' | 'won' | 'lost'; label: 'Active' | 'Won' | 'Lost' }[]
}

const USER_NAMES = ['Ada Moreno', 'Ben Okoro', 'Cleo Varga', 'Dev Raman', 'Esme Laurent', 'Finn Ahlberg']
const LEAD_STATUS_LABELS: CloseLeadStatusLabel[] = ['Potential', 'Bad Fit', 'Qualified', 'Customer']

/** The organization, users and statuses of the mock Close account for `seed`. */
export function closeFixtures(seed: number): CloseFixtures {
  return {
    organizationId: closeFixedId('orga', seed, SALT.closeOrganization, 0),
    users: USER_NAMES.map((name, i) => ({
      id: closeFixedId('user', seed, SALT.closeOrganization, 10 + i),
      name,
    })),
    leadStatuses: LEAD_STATUS_LABELS.map((label, i) => ({
      id: closeFixedId('stat', seed, SALT.closeOrganization, 20 + i),
      label,
    })),
    opportunityStatuses: (['active', 'won', 'lost'] as const).map((type, i) => ({
      id: closeFixedId('stat', seed, SALT.closeOrganization, 30 + i),
      type,
      label: type === 'active' ? 'Active' : type === 'won' ? 'Won' : 'Lost',
    })),
  }
}
