import { readFileSync } from 'node:fs'
import os from 'node:os'

/** The machine a benchmark ran on. Figures are only compared within one run, but the reader should know the box. */
export interface MachineInfo {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  kernel: string
  arch: string
  node: string
  /** Load average over the last minute when the figures were taken (the machine is shared). */
  loadAverage1m: number
}

/** `PRETTY_NAME` of /etc/os-release where there is one, else the platform name. */
function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8')
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1]
    if (pretty) return pretty
  } catch {
    // Not Linux, or no os-release: fall back to the platform name.
  }
  return `${os.type()} ${os.release()}`
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    kernel: os.release(),
    arch: os.arch(),
    node: process.version,
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  }
}
