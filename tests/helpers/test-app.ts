import type { Db } from '../../db/client.ts'
import type { Role } from '../../db/domain/user.ts'
import { updateUser } from '../../db/mutations/users.ts'
import { findUserByUsername } from '../../db/queries/users.ts'
import { createApp } from '../../functions/app.ts'
import { sealSecret } from '../../functions/auth/secret-box.ts'
import { newTotpSecret, totpCode } from '../../functions/auth/totp.ts'
import type { ServiceContext } from '../../functions/context.ts'
import { createUser } from '../../functions/services/manage-users.ts'
import { createTestDb } from './test-db.ts'

export const PEPPER = 'test-pepper-0123456789abcdefghijklmnop'
export const PASSWORD = 'Qh7#vLm2$Tz9wXk'
export const ORIGIN = 'http://localhost'

/**
 * The real app on a temporary libSQL file, with a clock tests move by hand. `publishes` counts
 * onPublish calls (the rebuild trigger).
 */
export async function createTestApp(opts: Parameters<typeof createTestDb>[0] = {}) {
  const { db, url, cleanup } = await createTestDb(opts)
  const clock = { now: Date.parse('2026-11-27T02:00:00Z') }
  const calls = { publishes: 0 }
  const config = { PASSWORD_PEPPER: PEPPER, ALLOWED_ORIGINS: '' }
  const app = createApp({
    db,
    config,
    now: () => clock.now,
    onPublish: () => void calls.publishes++,
  })
  const ctx = (): ServiceContext => ({
    db,
    config,
    nowMs: clock.now,
    actor: null,
    requestId: 'test',
    ip: null,
  })
  return { app, db, url, clock, calls, ctx, cleanup }
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** A ready account: password set, TOTP enrolled, no forced change. Returns its TOTP secret. */
export async function addUser(t: TestApp, username: string, role: Role, district: string | null) {
  await createUser(
    { ...t.ctx(), actor: { id: 0, username: 'setup', role: 'admin', district: null } },
    { username, password: PASSWORD, role, district }
  )
  const user = (await findUserByUsername(t.db, username))!
  const secret = newTotpSecret()
  await updateUser(t.db, user.id, {
    totpSecret: await sealSecret(secret, PEPPER),
    mustChangePassword: false,
  })
  return { id: user.id, secret }
}

/** POST JSON the way the console does (same origin, application/json). */
export function post(
  t: TestApp,
  path: string,
  body: unknown,
  headers: Record<string, string> = {}
) {
  return t.app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  })
}

export function get(t: TestApp, path: string, headers: Record<string, string> = {}) {
  return t.app.request(`${ORIGIN}${path}`, { headers })
}

/** Log in with password + current TOTP; returns the Cookie header to send. */
export async function logInAs(
  t: TestApp,
  username: string,
  secret: string
): Promise<{ Cookie: string }> {
  // Each login uses a fresh time step, so TOTP replay protection never bites a test by accident.
  t.clock.now += 30_000
  const res = await post(t, '/api/v1/auth/login', {
    username,
    password: PASSWORD,
    totp: totpCode(secret, t.clock.now),
  })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!
  return { Cookie: cookie }
}

export type { Db }
