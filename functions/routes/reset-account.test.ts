import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findUserByUsername } from '../../db/queries/users.ts'
import { listAudit } from '../../db/queries/audit.ts'
import {
  addUser,
  createTestApp,
  get,
  logInAs,
  PEPPER,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.cleanup())

async function people() {
  const admin = await addUser(t, 'admin-a', 'admin', null)
  const admin2 = await addUser(t, 'admin-b', 'admin', null)
  const clerk = await addUser(t, 'clerk-a', 'editor', '211103')
  return {
    admin: await logInAs(t, 'admin-a', admin.secret),
    admin2: await logInAs(t, 'admin-b', admin2.secret),
    clerk: await logInAs(t, 'clerk-a', clerk.secret),
  }
}

describe('重置账号 (issue 16, item 4)', () => {
  it('resets a lost phone and a forgotten password: sessions end, re-enrolment is required, audited', async () => {
    const p = await people()
    const res = await post(
      t,
      '/api/v1/users/clerk-a/reset',
      { password: 'Nw4$kPz8#Lq2vRt', totp: true },
      p.admin
    )
    expect(res.status).toBe(200)
    const clerk = (await findUserByUsername(t.db, 'clerk-a'))!
    expect(clerk).toMatchObject({ totpSecret: null, mustChangePassword: true, failedAttempts: 0 })
    // The clerk's open session has ended.
    expect((await get(t, '/api/v1/auth/me', p.clerk)).status).toBe(401)
    const rows = await listAudit(t.db, { objectType: 'user', objectId: 'clerk-a' })
    expect(rows.find((r) => r.action === 'user.reset')).toMatchObject({ actorName: 'admin-a' })
  })

  it('refuses to reset one’s own account, a weak password, and an empty request', async () => {
    const p = await people()
    const own = await post(t, '/api/v1/users/admin-a/reset', { totp: true }, p.admin)
    expect(own.status).toBe(403)
    expect(JSON.stringify(await own.json())).toContain('不能重置自己的账号')
    const weak = await post(
      t,
      '/api/v1/users/clerk-a/reset',
      { password: 'password', totp: false },
      p.admin
    )
    expect(weak.status).toBe(422)
    const nothing = await post(t, '/api/v1/users/clerk-a/reset', { totp: false }, p.admin)
    expect(nothing.status).toBe(422)
    // Another admin may reset the first one.
    expect((await post(t, '/api/v1/users/admin-a/reset', { totp: true }, p.admin2)).status).toBe(
      200
    )
    // An editor may not reset anyone.
    expect((await post(t, '/api/v1/users/admin-b/reset', { totp: true }, p.clerk)).status).toBe(403)
  })

  it('refuses to disable one’s own account: an admin would lock themselves out', async () => {
    const p = await people()
    const own = await post(t, '/api/v1/users/admin-a/disable', {}, p.admin)
    expect(own.status).toBe(403)
    expect(JSON.stringify(await own.json())).toContain('不能停用自己的账号')
    expect((await findUserByUsername(t.db, 'admin-a'))!.disabled).toBe(false)
    expect((await post(t, '/api/v1/users/admin-a/disable', {}, p.admin2)).status).toBe(200)
  })

  it('recovers the last admin from the command line, printing a new password once', async () => {
    await addUser(t, 'admin-a', 'admin', null)
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/account-recover.ts', 'admin-a'],
      { env: { ...process.env, DATABASE_URL: t.url, PASSWORD_PEPPER: PEPPER } }
    )
    expect(stdout).toMatch(/新的初始密码（只显示这一次，首次登录须修改）：\S{20}/)
    const admin = (await findUserByUsername(t.db, 'admin-a'))!
    expect(admin).toMatchObject({ totpSecret: null, mustChangePassword: true })
    const rows = await listAudit(t.db, { objectType: 'user', objectId: 'admin-a' })
    expect(rows.find((r) => r.action === 'user.reset')?.actorName).toMatch(/^cli:/)
  })
})
