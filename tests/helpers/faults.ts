import { LibsqlError, type Client, type Transaction } from '@libsql/client'

/** How the next statements fail: at the Nth from now, or by losing the answer to a commit. */
export type FaultPlan = {
  /** Statements counted since the plan was last reset (reads, writes, commits). */
  count: number
  /** Fail the statement with this count (1-based); null = none. */
  failAt: number | null
  /** The error thrown: an I/O failure of the embedded file, or the remote transport failing. */
  error: () => Error
  /** The next commit succeeds on disk, then the caller gets an error (an ambiguous commit, K3). */
  loseNextCommit: boolean
}

export const ioError = () => new LibsqlError('disk I/O error (injected)', 'SQLITE_IOERR')
export const networkDown = () => new TypeError('fetch failed (injected)')

/**
 * Fault injection for the real libSQL client (security matrix K1–K3, C4). It wraps the driver
 * under drizzle and our write queue, so the product code runs unchanged: every `execute`,
 * `batch` and `commit` — in or out of a transaction — counts as one statement, and the planned
 * one throws the way the driver would.
 */
export function faultInjector() {
  const plan: FaultPlan = { count: 0, failAt: null, error: ioError, loseNextCommit: false }
  const tick = () => {
    plan.count++
    if (plan.failAt === plan.count) throw plan.error()
  }
  const counted =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      tick()
      return run(...args)
    }

  const wrapTransaction = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown
        if (typeof value !== 'function') return value
        const bound = value.bind(target) as (...a: unknown[]) => Promise<unknown>
        if (prop === 'execute' || prop === 'batch') return counted(bound)
        if (prop === 'commit') {
          return async () => {
            if (plan.loseNextCommit) {
              plan.loseNextCommit = false
              await bound()
              throw networkDown()
            }
            tick()
            return bound()
          }
        }
        return bound
      },
    })

  const wrap = (client: Client): Client =>
    new Proxy(client, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown
        if (typeof value !== 'function') return value
        const bound = value.bind(target) as (...a: unknown[]) => Promise<unknown>
        if (prop === 'execute' || prop === 'batch') return counted(bound)
        if (prop === 'transaction') {
          return async (...args: unknown[]) => {
            tick()
            return wrapTransaction((await bound(...args)) as Transaction)
          }
        }
        return bound
      },
    })

  /** Start counting afresh with a new plan. */
  const arm = (next: Partial<Omit<FaultPlan, 'count'>> = {}) =>
    Object.assign(plan, { count: 0, failAt: null, error: ioError, loseNextCommit: false }, next)

  return { plan, wrap, arm }
}
