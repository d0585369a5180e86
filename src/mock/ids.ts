import type { Rng } from './random'
import { hashSeed } from './random'
import { flat } from './flat'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const HEX = '0123456789abcdef'

/**
 * A bijection on 32-bit integers keyed by `key` (xor-shift-multiply rounds are each invertible), so distinct
 * indexes always give distinct ids, while consecutive indexes do not look consecutive.
 */
export function scramble32(value: number, key: number): number {
  let x = (value ^ key) >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0
  x = (x ^ (x >>> 16)) >>> 0
  return x
}

function base62Fixed(value: number, width: number): string {
  scratch.length = width
  let rest = value
  for (let i = width - 1; i >= 0; i -= 1) {
    scratch[i] = CODES[rest % 62] as number
    rest = Math.floor(rest / 62)
  }
  return String.fromCharCode.apply(null, scratch)
}

const CODES = Array.from(BASE62, (char) => char.charCodeAt(0))
const scratch: number[] = []

function base62Random(rng: Rng, width: number): string {
  scratch.length = width
  for (let i = 0; i < width; i += 1) scratch[i] = CODES[Math.floor(rng.next() * 62)] as number
  return String.fromCharCode.apply(null, scratch)
}

/**
 * A Close-style id: `prefix_` and 22 base62 characters. The first 6 characters encode the scrambled index
 * (62^6 > 2^32), which makes ids unique per kind; the other 16 are random.
 */
export function closeId(prefix: string, seed: number, salt: number, index: number, rng: Rng): string {
  return flat(prefix, '_', base62Fixed(scramble32(index, hashSeed(seed, salt)), 6), base62Random(rng, 16))
}

/** A short Close-style id for fixed entities (users, statuses, the organization). */
export function closeFixedId(prefix: string, seed: number, salt: number, index: number): string {
  const a = scramble32(index, hashSeed(seed, salt))
  const b = scramble32(index, hashSeed(seed, salt, 7))
  return flat(
    prefix,
    '_',
    base62Fixed(a, 6),
    base62Fixed(b, 6),
    base62Fixed((a ^ b) >>> 0, 6),
    base62Fixed(b >>> 3, 4),
  )
}

function hex(value: number, width: number): string {
  let out = ''
  let rest = value >>> 0
  for (let i = 0; i < width; i += 1) {
    out = HEX.charAt(rest & 15) + out
    rest >>>= 4
  }
  return out
}

/** A version-4 UUID whose first 8 hex digits encode the scrambled index (unique per kind). */
export function uuid(seed: number, salt: number, index: number, rng: Rng): string {
  const head = hex(scramble32(index, hashSeed(seed, salt)), 8)
  const r = (): number => Math.floor(rng.next() * 0x10000)
  const variant = HEX.charAt(8 + Math.floor(rng.next() * 4))
  return flat(
    head,
    '-',
    hex(r(), 4),
    '-4',
    hex(r(), 3),
    '-',
    variant,
    hex(r(), 3),
    '-',
    hex(r(), 4),
    hex(r(), 4),
    hex(r(), 4),
  )
}
