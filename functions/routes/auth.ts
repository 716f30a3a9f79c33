import { Hono } from 'hono'
import { deleteSession } from '../../db/mutations/users.ts'
import { accountNotices } from '../../db/queries/audit.ts'
import { audit } from '../audit.ts'
import { clearSessionCookie, startSession } from '../auth/session.ts'
import type { AppEnv } from '../context.ts'
import { requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { ChangePasswordInput, changePassword } from '../services/change-password.ts'
import { confirmTotp, ConfirmTotpInput, setUpTotp } from '../services/enrol-totp.ts'
import { logIn, LogInInput } from '../services/log-in.ts'
import { stepUp, StepUpInput } from '../services/step-up.ts'
import { jsonBody } from '../validate.ts'

/** 登录、退出、动态口令绑定、修改密码. */
export const auth = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const ctx = serviceCtx(c)
    const result = await logIn(ctx, await jsonBody(c, LogInInput), async (tx, userId) => {
      await startSession(c, tx, userId, ctx.nowMs)
    })
    return c.json(result)
  })
  .post('/logout', requireUser({ allowRestricted: true }), async (c) => {
    const ctx = serviceCtx(c)
    await ctx.db.transaction(async (tx) => {
      await deleteSession(tx, c.var.sessionHash)
      await audit(tx, ctx, {
        action: 'auth.logout',
        objectType: 'user',
        objectId: c.var.actor.username,
      })
    })
    clearSessionCookie(c)
    return c.json({ ok: true })
  })
  .get('/me', requireUser({ allowRestricted: true }), async (c) => {
    const { db, now } = c.var.deps
    // A6: the last 30 days' security events on this account (password changed, locked, …), so
    // a change made elsewhere is seen at the next sign-in, with who and from where.
    const since = new Date((now ?? Date.now)() - 30 * 86_400_000).toISOString()
    return c.json({
      user: {
        username: c.var.actor.username,
        role: c.var.actor.role,
        district: c.var.actor.district,
      },
      restriction: c.var.restriction,
      notices: await accountNotices(db, c.var.actor.username, since),
    })
  })
  // B6: a current TOTP code makes this session fresh for publishing and other sensitive actions.
  .post('/reauth', requireUser(), async (c) => {
    await stepUp(serviceCtx(c), c.var.sessionHash, await jsonBody(c, StepUpInput))
    return c.json({ ok: true })
  })
  .post('/totp/setup', requireUser({ allowRestricted: true }), async (c) =>
    c.json(await setUpTotp(serviceCtx(c)))
  )
  .post('/totp/confirm', requireUser({ allowRestricted: true }), async (c) => {
    await confirmTotp(serviceCtx(c), await jsonBody(c, ConfirmTotpInput))
    return c.json({ ok: true })
  })
  .post('/password', requireUser({ allowRestricted: true }), async (c) => {
    const ctx = serviceCtx(c)
    await changePassword(ctx, await jsonBody(c, ChangePasswordInput), async (tx, userId) => {
      await startSession(c, tx, userId, ctx.nowMs)
    })
    return c.json({ ok: true })
  })
