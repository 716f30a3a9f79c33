import { createClient, type Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { z } from 'zod'
import * as schema from './schema/index.ts'
import { serializeWrites } from './serialize-writes.ts'

/**
 * Database settings. Locally an embedded libSQL file (`file:data/local.db`); on Cloudflare a Turso
 * URL plus token. Read once by the env readers and passed in — nothing else reads process.env.
 */
export const DbConfig = z.object({
  // Matrix I4: the embedded file, or Turso over TLS. Plain http:// or ws:// would send the auth
  // token and every record in clear text, so such a URL stops the server at start — except to
  // this host's own loopback address (a libSQL server, sqld, beside the runtime), which never
  // leaves the machine.
  DATABASE_URL: z
    .string()
    .min(1)
    .refine(
      (url) =>
        /^(file:|libsql:\/\/|https:\/\/|wss:\/\/)/.test(url) ||
        /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url),
      {
        message:
          'DATABASE_URL 只能是 file:（本地文件）、libsql:// / https:// / wss://（加密连接），或本机回环地址 http://127.0.0.1:端口',
      }
    )
    .default('file:data/local.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
})
export type DbConfig = z.infer<typeof DbConfig>

/** Parse database settings from an env-like object, failing fast with the key at fault. */
export function readDbConfig(env: Record<string, string | undefined>): DbConfig {
  const parsed = DbConfig.safeParse(env)
  if (!parsed.success) {
    throw new Error(`❌ Invalid database environment: ${z.prettifyError(parsed.error)}`)
  }
  return parsed.data
}

/**
 * The file of an embedded database's URL — `file:/abs/path`, `file:relative/path` (from the
 * working directory) or `file:///abs/path`, without any query — or null for a remote one.
 */
export function databaseFilePath(url: string | undefined): string | null {
  if (!url?.startsWith('file:')) return null
  return url
    .slice('file:'.length)
    .replace(/^\/\/(?=\/)/, '')
    .replace(/\?.*$/, '')
}

/** A drizzle client over libSQL (embedded file or remote Turso). */
export function createDb(
  config: DbConfig,
  // Fault-injection tests (matrix K1–K3, C4) wrap the driver; production passes nothing.
  opts: { wrapClient?: (client: Client) => Client } = {}
) {
  const raw = createClient({
    url: config.DATABASE_URL,
    authToken: config.DATABASE_AUTH_TOKEN,
    // Local files: another process (a seed, a build) holding the lock is waited for. Writers in
    // this process never wait here: serializeWrites queues them. Remote clients ignore it.
    timeout: 5_000,
  })
  const client = opts.wrapClient ? opts.wrapClient(raw) : raw
  const local = config.DATABASE_URL.startsWith('file:')
  const db = drizzle(local ? serializeWrites(client) : client, { schema })
  return Object.assign(db, { $close: () => raw.close() })
}
export type Db = ReturnType<typeof createDb>
