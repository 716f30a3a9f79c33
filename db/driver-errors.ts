import { LibsqlError } from '@libsql/client'

/**
 * Driver codes that mean "the database could not do it now", not "the request was wrong":
 * locks held too long, I/O failures, a full disk, and the remote (Turso/Hrana) transport failing.
 * A constraint violation is not here: that is a bug, and stays a 500.
 */
const UNAVAILABLE =
  /^(SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|PROTOCOL|NOMEM|INTERRUPT)|HRANA_|SERVER_ERROR|STREAM_|TRANSACTION_TIMEOUT|CLIENT_CLOSED)/
const NETWORK = /fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up/i

/**
 * True when an error (or anything in its `cause` chain — drizzle wraps the driver's error) says
 * the database is unreachable or unable to answer. Callers answer 503 and change nothing: every
 * write runs in one transaction, so a failure anywhere in it rolls the whole write back.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof LibsqlError && UNAVAILABLE.test(e.code)) return true
    if (NETWORK.test(e.message)) return true
  }
  return false
}

/**
 * What may be logged about a database failure: the driver's code and message only. Drizzle's own
 * message quotes the SQL and its parameters, which can carry personal information or token
 * hashes (matrix H3), so it never reaches a log.
 */
export function describeDatabaseError(err: unknown): string | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof LibsqlError) return e.message // the driver prefixes its code
    if (NETWORK.test(e.message)) return e.message
  }
  return undefined
}

/** The driver's own error in an error's `cause` chain, if any (to pass on across a thread). */
export function driverError(err: unknown): LibsqlError | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++)
    if (e instanceof LibsqlError) return e
  return undefined
}
