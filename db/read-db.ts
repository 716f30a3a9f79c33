import { existsSync } from 'node:fs'
import { LibsqlError } from '@libsql/client'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import { drizzle } from 'drizzle-orm/sqlite-proxy'
import Database from 'libsql'
import { createDb, databaseFilePath, type DbConfig } from './client.ts'
import * as schema from './schema/index.ts'

/**
 * Any drizzle database over this schema that can be read from: the server's client, a
 * transaction in it, or a snapshot reader (below). Code that only reads takes this.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each driver has its own run result
export type ReadDb = BaseSQLiteDatabase<'async', any, typeof schema>

/** SQLite's primary result codes by number, as @libsql/client names them (LibsqlError.code). */
const PRIMARY_CODES = [
  'SQLITE_OK',
  'SQLITE_ERROR',
  'SQLITE_INTERNAL',
  'SQLITE_PERM',
  'SQLITE_ABORT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_NOMEM',
  'SQLITE_READONLY',
  'SQLITE_INTERRUPT',
  'SQLITE_IOERR',
  'SQLITE_CORRUPT',
  'SQLITE_NOTFOUND',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
  'SQLITE_EMPTY',
  'SQLITE_SCHEMA',
  'SQLITE_TOOBIG',
  'SQLITE_CONSTRAINT',
  'SQLITE_MISMATCH',
  'SQLITE_MISUSE',
  'SQLITE_NOLFS',
  'SQLITE_AUTH',
  'SQLITE_FORMAT',
  'SQLITE_RANGE',
  'SQLITE_NOTADB',
]

/** The engine's error as @libsql/client reports it, so callers tell 503 from 500 the same way. */
function asLibsqlError(err: unknown): unknown {
  if (!(err instanceof Error) || typeof (err as { code?: unknown }).code !== 'string') return err
  const { code, rawCode } = err as Error & { code: string; rawCode?: number }
  const primary = rawCode === undefined ? code : (PRIMARY_CODES[rawCode & 0xff] ?? code)
  return new LibsqlError(err.message, primary, code, rawCode, err)
}

/**
 * A read-only database for loading the public snapshot (ADR 024). For an embedded file it reads
 * through the libSQL engine's own statements, rows as plain arrays, which drizzle maps as it does
 * for any driver: @libsql/client builds every row as an object of defined properties with each
 * integer a BigInt first, which was 40 % of a snapshot load at 100,000 subjects (9.7–11.0 s;
 * 4.9–5.7 s this way, the same snapshot). A remote database (Turso) is read through the client.
 *
 * It refuses a file that is not there: SQLite would create an empty one, and a database moved
 * or deleted under the server would then be read as one with nothing public (matrix K10).
 */
export function createReadDb(config: DbConfig): ReadDb & { $close: () => void } {
  const file = databaseFilePath(config.DATABASE_URL)
  if (!file) return createDb(config)
  let connection: Database.Database | undefined
  const open = () => {
    // Checked on every read: an open connection would go on reading a deleted file.
    if (!existsSync(file)) throw new LibsqlError('the database file is gone', 'SQLITE_CANTOPEN')
    // The same wait for another process's lock as the server's client (db/client.ts).
    return (connection ??= new Database(file, { timeout: 5_000 }))
  }
  const db = drizzle(
    async (sql, params, method) => {
      if (method === 'run') throw new Error('the snapshot reader does not write')
      try {
        // Integers arrive as numbers: none of this schema's reaches 2^53 (ids, counts, amounts
        // in fen, millisecond timestamps; dates are text).
        const statement = open().prepare(sql).raw(true)
        // In raw mode a row is an array of its values; `get` answers one row (or none).
        const rows = method === 'get' ? statement.get(params) : statement.all(params)
        return { rows: rows as unknown[] }
      } catch (err) {
        throw asLibsqlError(err)
      }
    },
    { schema }
  )
  return Object.assign(db, { $close: () => connection?.close() })
}
