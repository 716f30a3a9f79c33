import { createMiddleware } from 'hono/factory'
import { ForbiddenError, UnauthorizedError } from '../../db/domain/errors.ts'
import { isAllowed, type Action } from '../../db/domain/policy.ts'
import { loadSession } from '../auth/session.ts'
import type { AppEnv } from '../context.ts'

/**
 * A logged-in user. Until TOTP is enrolled and a one-time password changed, the session may only
 * reach the routes that do exactly that (`allowRestricted`).
 */
export const requireUser = (opts: { allowRestricted?: boolean } = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { db, now } = c.var.deps
    const found = await loadSession(c, db, (now ?? Date.now)())
    if (!found) throw new UnauthorizedError()
    const { user, tokenHash } = found
    const restriction =
      user.totpSecret === null ? 'totp' : user.mustChangePassword ? 'password' : null
    if (restriction && !opts.allowRestricted) {
      throw restriction === 'totp'
        ? new ForbiddenError('请先绑定动态口令（TOTP）', 'TOTP_ENROLMENT_REQUIRED')
        : new ForbiddenError('请先修改初始密码', 'PASSWORD_CHANGE_REQUIRED')
    }
    c.set('actor', {
      id: user.id,
      username: user.username,
      role: user.role,
      district: user.districtCode,
    })
    c.set('sessionHash', tokenHash)
    c.set('restriction', restriction)
    await next()
  })

/** The role may perform the action (db/domain/policy.ts is the only place that says so). */
export const requireAction = (action: Action) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!isAllowed(c.var.actor.role, action)) throw new ForbiddenError()
    await next()
  })
