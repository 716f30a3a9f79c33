import type { Db } from '../db/client.ts'
import { createNodeApp, listen } from '../functions/node/node-server.ts'
import { createPublisher } from '../functions/node/publisher.ts'
import { SiteBuilder } from '../functions/node/site-builder.ts'
import { totpCode } from '../functions/auth/totp.ts'
import { createAccounts, type E2eAccount } from './ready-accounts.ts'
import { ROOT } from './lib.ts'

/**
 * The product as `npm start` runs it (Node server, real builder, publish → rebuild) on loopback,
 * with ready accounts (password + TOTP), for the benchmark and the security scan.
 */
export async function startLocalServer(db: Db, env: NodeJS.ProcessEnv, buildsDir: string) {
  const builder = new SiteBuilder(ROOT, buildsDir, env)
  const started = performance.now()
  await builder.request()
  if (builder.state.state !== 'idle') throw new Error(`build failed: ${builder.state.lastError}`)
  const firstBuildMs = performance.now() - started
  const config = {
    PASSWORD_PEPPER: 'local-pepper-0123456789abcdefghijklmnop',
    ALLOWED_ORIGINS: '',
    // The bench measures the password step's throughput and sqlmap probes the login: both send
    // far more than 10 attempts a minute from loopback, so the per-address throttle (G1, tested
    // in functions/routes/auth.test.ts) is lifted here. The account lockout still applies.
    LOGIN_ATTEMPTS_PER_MINUTE: 10_000,
    // Likewise the load run sends ≈ 1,200 writes a minute as one editor; the hourly quota (G2,
    // tested in functions/routes/imports.test.ts) is lifted here.
    WRITES_PER_HOUR: 1_000_000,
    // sqlmap probes the public complaint channel and the 回执 lookup thousands of times (N1–N3
    // are tested with the real limits in functions/routes/complaints-security.test.ts).
    PUBLIC_POSTS_PER_MINUTE: 100_000,
    PUBLIC_LOOKUPS_PER_MINUTE: 100_000,
  }
  const accounts: E2eAccount[] = await createAccounts(db, config)
  const publish = createPublisher(db, builder)
  const server = await listen(
    // Each request's log line is serialised as in production, then dropped: the bench and the
    // scan measure the server, not a terminal.
    createNodeApp(
      builder,
      { db, config, onPublish: () => void publish() },
      { log: (line) => void JSON.stringify(line) }
    ),
    0,
    '127.0.0.1'
  )
  const base = `http://127.0.0.1:${server.port}`
  const account = (username: string) => accounts.find((a) => a.username === username)!
  const logIn = (username: string) => logInOverApi(base, account(username))
  return {
    base,
    accounts,
    builder,
    firstBuildMs,
    account,
    logIn,
    close: async () => {
      server.close()
      // Requests a load run left in flight finish before the caller closes the database.
      await new Promise((r) => setTimeout(r, 1000))
      await publish()
      await builder.stop()
    },
  }
}

/** Sign in through the API as a person does (password + current TOTP); the session cookie. */
export async function logInOverApi(base: string, a: E2eAccount): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username: a.username,
      password: a.password,
      totp: totpCode(a.secret, Date.now()),
    }),
  })
  if (res.status !== 200) throw new Error(`login ${a.username}: ${res.status}`)
  return res.headers.get('set-cookie')!.split(';')[0]!
}
