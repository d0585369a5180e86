import type { SimulatedRecord } from './simulatedServer'

const INITIAL = 'rec-'
const INSERTED = 'new-'
const CURSOR = 'after:'

/**
 * The list behind a simulated server: `size` records present from the start (`rec-0` first), and records inserted
 * at its head while it is paged (newest first, as a list sorted by creation date, newest first, grows). Inserting
 * costs nothing per record already there, so a 5,000-record list can drift between every request.
 *
 * Cursors are keyset cursors, "after record X": the list issues them and remembers which ones it issued.
 */
export class SimulatedList {
  /** The records present from the start, in list order. */
  readonly initial: readonly SimulatedRecord[]
  /** Inserted records, oldest first: the last one is at the head of the list. */
  readonly #inserted: SimulatedRecord[] = []
  readonly #issued = new Set<string>()

  constructor(size: number) {
    this.initial = Array.from({ length: size }, (_, index) => ({ id: `${INITIAL}${index}` }))
  }

  /** Number of records in the list now. */
  get size(): number {
    return this.#inserted.length + this.initial.length
  }

  /** Number of records inserted so far. */
  get inserted(): number {
    return this.#inserted.length
  }

  /** Inserts `count` new records at the head of the list. */
  insertAtHead(count: number): void {
    for (let index = 0; index < count; index++)
      this.#inserted.push({ id: `${INSERTED}${this.#inserted.length}` })
  }

  /** Up to `count` records from `position` on. */
  slice(position: number, count: number): SimulatedRecord[] {
    const records: SimulatedRecord[] = []
    const end = Math.min(position + count, this.size)
    for (let at = position; at < end; at++) records.push(this.#at(at))
    return records
  }

  /** The cursor of the page after `record`. */
  cursorAfter(record: SimulatedRecord): string {
    const cursor = `${CURSOR}${record.id}`
    this.#issued.add(cursor)
    return cursor
  }

  /** Position of the first record after the one `cursor` names; `undefined` for a cursor this list never issued. */
  positionAfter(cursor: string): number | undefined {
    if (!this.#issued.has(cursor)) return undefined
    return this.positionOf(cursor.slice(CURSOR.length)) + 1
  }

  /** Position now of the record with this id (one of this list's). */
  positionOf(id: string): number {
    const index = Number(id.slice(id.indexOf('-') + 1))
    // Inserted records sit above the initial ones, newest first.
    if (id.startsWith(INITIAL)) return this.#inserted.length + index
    return this.#inserted.length - 1 - index
  }

  /**
   * Position of the first record `keeps` keeps, or `size` when it keeps none, for a filter that keeps a tail of the
   * list (a keyset window). Binary search: a 5,000-record list takes a dozen calls.
   */
  firstKept(keeps: (record: SimulatedRecord) => boolean): number {
    let low = 0
    let high = this.size
    while (low < high) {
      const middle = (low + high) >>> 1
      if (keeps(this.#at(middle))) high = middle
      else low = middle + 1
    }
    return low
  }

  #at(position: number): SimulatedRecord {
    const inserted = this.#inserted.length
    if (position < inserted) return this.#inserted[inserted - 1 - position] as SimulatedRecord
    return this.initial[position - inserted] as SimulatedRecord
  }
}
