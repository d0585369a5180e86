/**
 * A simulated server threw (in `respond`, `corrupt` or `appliesTo`; a throw in `readRequest` means "malformed
 * request" and is the adapter's fault). `verifyAdapter` rejects with it: the server needs fixing, not the adapter.
 *
 * @example
 * await expect(verifyAdapter(adapter, { server })).rejects.not.toThrow(SimulatedServerFault)
 */
export class SimulatedServerFault extends Error {
  constructor(serverName: string, what: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(
      `[pagewise/testing] the simulated server ${JSON.stringify(serverName)} threw in ${what}: ${reason}`,
      {
        cause,
      },
    )
    this.name = 'SimulatedServerFault'
  }
}
