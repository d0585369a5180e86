/** A small seeded pseudo-random generator; every value is a pure function of its seed. */
export interface Rng {
  /** A float in `[0, 1)`. */
  next(): number
  /** An integer in `[min, max]` (both included). */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** `true` with probability `p`. */
  chance(p: number): boolean
}

/** Mixes integers into one well-spread 32-bit seed (a murmur3-style finaliser over each part). */
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    // The high bits of large parts (indexes above 2^32 never occur, but seeds may be floats).
    h = (h + Math.floor(part / 0x100000000)) | 0
  }
  return h >>> 0
}

/** mulberry32: 32-bit state, fast, good enough for test data (not for anything secret). */
class Mulberry32 implements Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T
  }

  chance(p: number): boolean {
    return this.next() < p
  }
}

/** A seeded generator; the same seed always gives the same sequence. */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed)
}

/** Salts that keep the random streams of different record kinds apart. */
export const SALT = {
  closeLead: 101,
  closeContact: 102,
  closeOpportunity: 103,
  closeEvent: 104,
  closeOrganization: 105,
  pipedriveDeal: 201,
  pipedrivePerson: 202,
  pipedriveNote: 203,
  pipedriveLead: 204,
  pipedriveOrganization: 205,
  pipedriveUser: 206,
  faultFailure: 301,
  faultLatency: 302,
} as const

/** The random stream of record `index` of one kind: record i depends only on (seed, kind, i). */
export function recordRng(seed: number, salt: number, index: number): Rng {
  return createRng(hashSeed(seed, salt, index))
}
