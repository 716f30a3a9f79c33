import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { countUsers, findUserByUsername } from '../../db/queries/users.ts'
import { listAudit } from '../../db/queries/audit.ts'
import { openSecret } from '../auth/secret-box.ts'
import { totpCode } from '../auth/totp.ts'
import { bootstrapAdmin } from '../services/bootstrap-admin.ts'
import {
  addUser,
  createTestApp,
  get,
  logInAs,
  PASSWORD,
  PEPPER,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.cleanup())

const login = (username: string, password: string, totp?: string) =>
  post(t, '/api/v1/auth/login', { username, password, totp })
const errorCode = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code

describe('A3 lockout and throttle', () => {
  it('locks after five wrong passwords; the sixth attempt is LOCKED even with the right password', async () => {
    const { secret } = await addUser(t, 'editor1', 'editor', '211103')
    for (let i = 0; i < 5; i++)
      expect(await errorCode(await login('editor1', 'Wrong#Pass1234'))).toBe('INVALID_CREDENTIALS')
    const sixth = await login('editor1', PASSWORD, totpCode(secret, t.clock.now))
    expect(sixth.status).toBe(401)
    expect(await errorCode(sixth)).toBe('LOCKED')
    expect(
      (await listAudit(t.db, { actor: 'editor1' })).some((r) => r.action === 'auth.login_locked')
    ).toBe(true)
    t.clock.now += 30 * 60_000 + 1
    expect((await login('editor1', PASSWORD, totpCode(secret, t.clock.now))).status).toBe(200)
  })

  it('evaluates at most five guesses when 20 arrive in parallel', async () => {
    await addUser(t, 'editor1', 'editor', '211103')
    // From 20 addresses, as a distributed guesser would (one sender is throttled first, G1).
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(
          t,
          '/api/v1/auth/login',
          { username: 'editor1', password: 'Wrong#Pass1234' },
          { 'X-Forwarded-For': `10.0.0.${i + 1}` }
        )
      )
    )
    const codes = await Promise.all(results.map(errorCode))
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(5)
    expect(codes.every((c) => c === 'INVALID_CREDENTIALS' || c === 'LOCKED')).toBe(true)
    expect((await findUserByUsername(t.db, 'editor1'))!.lockedUntil).not.toBeNull()
  })

  it('answers an unknown user exactly like a wrong password', async () => {
    await addUser(t, 'editor1', 'editor', '211103')
    const unknown = await login('nobody', 'Wrong#Pass1234')
    const wrong = await login('editor1', 'Wrong#Pass1234')
    expect(unknown.status).toBe(wrong.status)
    const strip = (b: { error: { requestId?: string } }) => ({
      ...b,
      error: { ...b.error, requestId: null },
    })
    expect(strip(await unknown.json())).toEqual(strip(await wrong.json()))
  })
})

describe('G1 login throttle', () => {
  it('answers 429 with Retry-After past 20 attempts a minute from one address, not from others', async () => {
    const { secret } = await addUser(t, 'editor1', 'editor', '211103')
    const from = (ip: string, body: unknown) =>
      post(t, '/api/v1/auth/login', body, { 'X-Forwarded-For': ip })
    const statuses: number[] = []
    for (let i = 0; i < 200; i++)
      statuses.push((await from('203.0.113.9', { username: 'editor1', password: 'x' })).status)
    expect(statuses.slice(0, 20).every((s) => s !== 429)).toBe(true)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(180)
    const limited = await from('203.0.113.9', { username: 'editor1', password: 'x' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe(
      'TOO_MANY_REQUESTS'
    )
    // The flood used at most its 20 attempts on the account: locked after 5 (A3).
    expect((await findUserByUsername(t.db, 'editor1'))!.lockedUntil).not.toBeNull()
    // Someone else, elsewhere, is not throttled; a minute later the address may try again.
    const other = await from('198.51.100.7', {
      username: 'nobody',
      password: PASSWORD,
    })
    expect(other.status).toBe(401)
    t.clock.now += 60_000
    expect(
      (
        await from('203.0.113.9', {
          username: 'editor1',
          password: PASSWORD,
          totp: totpCode(secret, t.clock.now),
        })
      ).status
    ).not.toBe(429)
  })
})

describe('A4 admin MFA', () => {
  it('asks for TOTP after the right password, refuses a replayed code and codes two steps old', async () => {
    const { secret } = await addUser(t, 'reviewer1', 'reviewer', '211103')
    expect(await errorCode(await login('reviewer1', PASSWORD))).toBe('TOTP_REQUIRED')
    const code = totpCode(secret, t.clock.now)
    expect((await login('reviewer1', PASSWORD, code)).status).toBe(200)
    expect(await errorCode(await login('reviewer1', PASSWORD, code))).toBe('INVALID_CREDENTIALS')
    t.clock.now += 60_000
    expect(
      (await login('reviewer1', PASSWORD, totpCode(secret, t.clock.now - 60_000))).status
    ).toBe(401)
    expect(
      (await login('reviewer1', PASSWORD, totpCode(secret, t.clock.now - 30_000))).status
    ).toBe(200)
  })

  it('counts wrong TOTP codes towards the lockout', async () => {
    await addUser(t, 'reviewer1', 'reviewer', '211103')
    for (let i = 0; i < 5; i++) await login('reviewer1', PASSWORD, '000000')
    expect(await errorCode(await login('reviewer1', PASSWORD, '000000'))).toBe('LOCKED')
  })

  it('lets an account without TOTP do nothing but enrol', async () => {
    await addUser(t, 'admin1', 'admin', null)
    const user = (await findUserByUsername(t.db, 'admin1'))!
    const { updateUser } = await import('../../db/mutations/users.ts')
    await updateUser(t.db, user.id, { totpSecret: null })
    const res = await login('admin1', PASSWORD)
    expect(res.status).toBe(200)
    const Cookie = res.headers.get('set-cookie')!.split(';')[0]!
    expect(await errorCode(await get(t, '/api/v1/users', { Cookie }))).toBe(
      'TOTP_ENROLMENT_REQUIRED'
    )
    const setup = (await (await post(t, '/api/v1/auth/totp/setup', {}, { Cookie })).json()) as {
      secret: string
      otpauthUrl: string
    }
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//)
    expect(
      (await post(t, '/api/v1/auth/totp/confirm', { code: '123456' }, { Cookie })).status
    ).toBe(422)
    expect(
      (
        await post(
          t,
          '/api/v1/auth/totp/confirm',
          { code: totpCode(setup.secret, t.clock.now) },
          { Cookie }
        )
      ).status
    ).toBe(200)
    expect((await get(t, '/api/v1/users', { Cookie })).status).toBe(200)
  })
})

describe('A6 credential change notice', () => {
  it('ends the other sessions when the password changes, and tells the account at its next sign-in', async () => {
    const { secret } = await addUser(t, 'editor1', 'editor', '211103')
    const first = await logInAs(t, 'editor1', secret)
    const second = await logInAs(t, 'editor1', secret)
    const NEW = 'Zr4%pWq8!Lm2vYt'
    const changed = await post(
      t,
      '/api/v1/auth/password',
      { currentPassword: PASSWORD, newPassword: NEW },
      { ...first, 'X-Forwarded-For': '10.9.8.7' }
    )
    expect(changed.status).toBe(200)
    // The other session is over at once; the one that changed it continues with a new cookie.
    expect((await get(t, '/api/v1/auth/me', second)).status).toBe(401)
    expect((await get(t, '/api/v1/auth/me', first)).status).toBe(401)
    const renewed = { Cookie: changed.headers.get('set-cookie')!.split(';')[0]! }
    expect((await get(t, '/api/v1/auth/me', renewed)).status).toBe(200)
    // Signing in again (elsewhere), the account sees what happened, when and from where.
    t.clock.now += 30_000
    const again = await post(t, '/api/v1/auth/login', {
      username: 'editor1',
      password: NEW,
      totp: totpCode(secret, t.clock.now),
    })
    const Cookie = again.headers.get('set-cookie')!.split(';')[0]!
    const me = (await (await get(t, '/api/v1/auth/me', { Cookie })).json()) as {
      notices: { action: string; sourceIp: string | null }[]
    }
    expect(me.notices[0]).toMatchObject({ action: 'auth.password_change', sourceIp: '10.9.8.7' })
  })
})

describe('I5 secrets at rest', () => {
  it('stores TOTP secrets sealed with a key the database does not hold', async () => {
    await addUser(t, 'admin1', 'admin', null)
    const user = (await findUserByUsername(t.db, 'admin1'))!
    const { updateUser } = await import('../../db/mutations/users.ts')
    await updateUser(t.db, user.id, { totpSecret: null })
    const Cookie = (await login('admin1', PASSWORD)).headers.get('set-cookie')!.split(';')[0]!
    const { secret } = (await (
      await post(t, '/api/v1/auth/totp/setup', {}, { Cookie })
    ).json()) as {
      secret: string
    }
    const code = totpCode(secret, t.clock.now)
    expect((await post(t, '/api/v1/auth/totp/confirm', { code }, { Cookie })).status).toBe(200)
    const stored = (await findUserByUsername(t.db, 'admin1'))!.totpSecret!
    expect(stored).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/)
    expect(stored).not.toContain(secret)
    // The raw database row alone reveals nothing a scan of the file could find either.
    const raw = await t.db.$client.execute('select totp_secret, totp_pending_secret from users')
    expect(JSON.stringify(raw.rows)).not.toContain(secret)
    // Sealed under another pepper (a copied database elsewhere): it does not open.
    await expect(openSecret(stored, 'another-pepper-0123456789abcdefghijkl')).rejects.toThrow()
    expect(await openSecret(stored, PEPPER)).toBe(secret)
    // And the account signs in with it.
    t.clock.now += 30_000
    expect((await login('admin1', PASSWORD, totpCode(secret, t.clock.now))).status).toBe(200)
  })
})

describe('A5 default accounts', () => {
  it('creates admin with a random one-time password that must be changed first', async () => {
    const password = await bootstrapAdmin(t.ctx(), undefined)
    expect(password).toMatch(/^.{20}$/)
    expect(await bootstrapAdmin(t.ctx(), undefined)).toBeNull()
    expect(await countUsers(t.db)).toBe(1)
    const admin = (await findUserByUsername(t.db, 'admin'))!
    expect(admin.mustChangePassword).toBe(true)
    expect(admin.passwordHash).not.toContain(password!)
  })

  it('refuses an ADMIN_PASSWORD that fails the policy', async () => {
    await expect(bootstrapAdmin(t.ctx(), 'admin123')).rejects.toThrow(/ADMIN_PASSWORD/)
  })

  it('ends a disabled user’s live session at once', async () => {
    const admin = await addUser(t, 'admin1', 'admin', null)
    const editor = await addUser(t, 'editor1', 'editor', '211103')
    const editorCookie = await logInAs(t, 'editor1', editor.secret)
    expect((await get(t, '/api/v1/admin/penalties', editorCookie)).status).toBe(200)
    const adminCookie = await logInAs(t, 'admin1', admin.secret)
    expect((await post(t, '/api/v1/users/editor1/disable', {}, adminCookie)).status).toBe(200)
    expect((await get(t, '/api/v1/admin/penalties', editorCookie)).status).toBe(401)
  })
})

describe('B1 cookie attributes', () => {
  it('sets a __Host- cookie: Secure, HttpOnly, SameSite=Strict, Path=/, no Domain (outside localhost)', async () => {
    const { secret } = await addUser(t, 'editor1', 'editor', '211103')
    const res = await t.app.request('https://wuye.example.gov.cn/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://wuye.example.gov.cn' },
      body: JSON.stringify({
        username: 'editor1',
        password: PASSWORD,
        totp: totpCode(secret, t.clock.now),
      }),
    })
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^__Host-sid=/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Strict/)
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).not.toMatch(/Domain=/i)
  })
})

describe('B2 idle and absolute timeout', () => {
  it('ends a session idle for more than 15 minutes', async () => {
    const { secret } = await addUser(t, 'editor1', 'editor', '211103')
    const cookie = await logInAs(t, 'editor1', secret)
    t.clock.now += 14 * 60_000 + 59_000
    expect((await get(t, '/api/v1/auth/me', cookie)).status).toBe(200)
    t.clock.now += 15 * 60_000 + 1_000
    expect((await get(t, '/api/v1/auth/me', cookie)).status).toBe(401)
  })

  it('ends a session after 8 hours even while it is in use', async () => {
    const { secret } = await addUser(t, 'editor1', 'editor', '211103')
    const cookie = await logInAs(t, 'editor1', secret)
    for (let i = 0; i < 48; i++) {
      t.clock.now += 10 * 60_000
      expect((await get(t, '/api/v1/auth/me', cookie)).status, `${i}`).toBe(200)
    }
    t.clock.now += 60_000 + 1
    expect((await get(t, '/api/v1/auth/me', cookie)).status).toBe(401)
  })
})

describe('B3 logout invalidation', () => {
  it('refuses the old cookie after logout', async () => {
    const { secret } = await addUser(t, 'editor1', 'editor', '211103')
    const cookie = await logInAs(t, 'editor1', secret)
    expect((await post(t, '/api/v1/auth/logout', {}, cookie)).status).toBe(200)
    expect((await get(t, '/api/v1/auth/me', cookie)).status).toBe(401)
  })
})

describe('B4 fixation', () => {
  it('issues a new token at login and never accepts a planted one', async () => {
    const { secret } = await addUser(t, 'editor1', 'editor', '211103')
    const planted = { Cookie: 'sid=planted-token-value' }
    const res = await post(
      t,
      '/api/v1/auth/login',
      { username: 'editor1', password: PASSWORD, totp: totpCode(secret, t.clock.now) },
      planted
    )
    expect(res.headers.get('set-cookie')).not.toContain('planted-token-value')
    expect((await get(t, '/api/v1/auth/me', planted)).status).toBe(401)
  })
})
