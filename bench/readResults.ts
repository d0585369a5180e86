/** Reading result files written by other scripts, which may be missing, partial or of another format. */
import { existsSync, readFileSync, statSync } from 'node:fs'

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A result file as found. */
export type ResultFile =
  | { status: 'missing'; file: string }
  | { status: 'invalid'; file: string; error: string }
  | { status: 'ok'; file: string; data: unknown; modified: string }

export function readResultFile(file: string): ResultFile {
  if (!existsSync(file)) return { status: 'missing', file }
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return { status: 'ok', file, data, modified: statSync(file).mtime.toISOString() }
  } catch (error) {
    return { status: 'invalid', file, error: error instanceof Error ? error.message : String(error) }
  }
}

/** A target of issue 7 and whether this run meets it. */
export interface Target {
  target: string
  measured: string
  status: 'met' | 'missed' | 'not run' | 'unknown'
}
