import type { Listening } from './node-server.ts'

export type ShutdownSteps = {
  listening: Listening
  /** Abandons a running build and starts no other (SiteBuilder.stop). */
  stopBuilder: () => Promise<void>
  /** Timers (the daily rebuild, the outbox poll). */
  stopTimers: () => void
  /** Waits for a publish in progress, then closes the database. */
  closeDatabase: () => Promise<void>
  /** How long in-flight requests may take before their connections are cut. */
  graceMs?: number
  log?: (line: Record<string, unknown>) => void
}

/**
 * Graceful shutdown on SIGTERM (systemd stop) and SIGINT (Ctrl-C): stop accepting connections,
 * let every request in flight finish and be answered (each write commits with its audit row or
 * not at all), abandon a running build (its publishes stay in the outbox for the next start),
 * close the database, exit 0. A second signal, or requests still running after the grace
 * period, end the process at once.
 */
export function handleShutdown(steps: ShutdownSteps, exit = (code: number) => process.exit(code)) {
  const log = steps.log ?? ((line) => console.log(JSON.stringify(line)))
  let shuttingDown = false
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      log({ msg: 'second signal: exiting now', signal })
      return exit(1)
    }
    shuttingDown = true
    const started = Date.now()
    log({ msg: 'shutting down: no new connections, finishing requests in flight', signal })
    steps.stopTimers()
    const grace = setTimeout(() => {
      log({ msg: 'grace period over: closing connections still open' })
      steps.listening.server.closeAllConnections()
    }, steps.graceMs ?? 10_000)
    grace.unref()
    await Promise.all([steps.listening.close(), steps.stopBuilder()])
    await steps.closeDatabase()
    log({ msg: 'stopped', ms: Date.now() - started })
    exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
  return shutdown
}
