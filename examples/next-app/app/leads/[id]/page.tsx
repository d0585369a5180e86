import Link from 'next/link'
import { closeGet } from '../../../lib/close'

export const dynamic = 'force-dynamic'

interface Contact {
  id: string
  name: string
  title: string
}

/** One lead's contacts, fetched on the server (the browser makes no API request for this page). */
export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const contacts = await closeGet<{ data: Contact[] }>('/contact/', {
    lead_id: id,
    _fields: 'id,name,title',
    _limit: '20',
  })
  return (
    <main>
      <p>
        <Link href="/">All leads</Link>
      </p>
      <h1>Contacts of {id}</h1>
      <ul aria-label="Contacts">
        {contacts.data.map((contact) => (
          <li key={contact.id}>
            {contact.name}, {contact.title}
          </li>
        ))}
      </ul>
    </main>
  )
}
