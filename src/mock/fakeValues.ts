import { CITIES, COMPANY_HEADS, COMPANY_SUFFIXES, COMPANY_TRADES, STREETS, TLDS } from './companies'
import { FIRST_NAMES, LAST_NAMES, toAscii } from './names'
import type { Rng } from './random'
import { flat } from './flat'

/** A generated company: display name and web domain. */
export interface FakeCompany {
  name: string
  domain: string
}

/** A generated person's name. */
export interface FakePerson {
  first: string
  last: string
  full: string
}

/** A generated postal location. */
export interface FakeLocation {
  street: string
  suite: string
  city: string
  state: string
  zipcode: string
  country: string
  dial: string
}

/** A company name such as `Cobalt Robotics GmbH`, with a matching domain such as `cobaltrobotics.de`. */
export function fakeCompany(rng: Rng): FakeCompany {
  const head = rng.pick(COMPANY_HEADS)
  const trade = rng.pick(COMPANY_TRADES)
  const suffix = rng.pick(COMPANY_SUFFIXES)
  const tld = rng.pick(TLDS)
  return {
    name: suffix === '' ? flat(head, ' ', trade) : flat(head, ' ', trade, ' ', suffix),
    domain: flat(toAscii(head), toAscii(trade), '.', tld),
  }
}

/** A person's given and family name. */
export function fakePerson(rng: Rng): FakePerson {
  const first = rng.pick(FIRST_NAMES)
  const last = rng.pick(LAST_NAMES)
  return { first, last, full: flat(first, ' ', last) }
}

/** A work e-mail address such as `ana.becker@cobaltrobotics.de`. */
export function fakeEmail(person: FakePerson, domain: string): string {
  return flat(toAscii(person.first), '.', toAscii(person.last), '@', domain)
}

/** An E.164 phone number in the location's country (`+` then 9–11 digits). */
export function fakePhone(rng: Rng, dial: string): string {
  const length = 10 - Math.min(dial.length, 2)
  const rest = Math.floor(rng.next() * 10 ** length)
  return flat('+', dial, String(rng.int(2, 9)), String(rest).padStart(length, '0'))
}

/** A street address in one of the known cities. */
export function fakeLocation(rng: Rng): FakeLocation {
  const place = rng.pick(CITIES)
  const zipcode = place.zip.replace(/#/g, () => String(rng.int(0, 9)))
  return {
    street: flat(String(rng.int(1, 420)), ' ', rng.pick(STREETS)),
    suite: rng.chance(0.3) ? flat('Suite ', String(rng.int(100, 950))) : '',
    city: place.city,
    state: place.state,
    zipcode,
    country: place.country,
    dial: place.dial,
  }
}

/** A money amount with a realistic shape: mostly round numbers, a long tail of large ones. */
export function fakeAmount(rng: Rng, min: number, max: number): number {
  const skewed = min + (max - min) * rng.next() ** 3
  const step = skewed > 10_000 ? 500 : skewed > 1_000 ? 50 : 5
  return Math.max(min, Math.round(skewed / step) * step)
}
