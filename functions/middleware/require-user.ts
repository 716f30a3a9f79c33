import { createMiddleware } from 'hono/factory'
import { DomainError, ForbiddenError, UnauthorizedError } from '../../db/domain/errors.ts'
import { countActionsSince } from '../../db/queries/audit.ts'
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
    c.set('verifiedAt', found.verifiedAt)
    c.set('restriction', restriction)
    await next()
  })

/** Actions that create records: each counts against the account's hourly quota (G2). */
const CREATES: ReadonlySet<Action> = new Set(['record.draft', 'record.import'])
const HOUR_MS = 3_600_000

/**
 * The role may perform the action (db/domain/policy.ts is the only place that says so), and a
 * creating action stays within the account's quota: WRITES_PER_HOUR successful actions in the
 * last hour (matrix G2) — a stolen session or a runaway script cannot flood the review queue.
 */
export const requireAction = (action: Action) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!isAllowed(c.var.actor.role, action)) throw new ForbiddenError()
    if (CREATES.has(action)) {
      const { db, now, config } = c.var.deps
      const since = new Date((now ?? Date.now)() - HOUR_MS).toISOString()
      const used = await countActionsSince(db, c.var.actor.username, since)
      if (used >= (config.WRITES_PER_HOUR ?? 1_000))
        throw new DomainError(
          'TOO_MANY_REQUESTS',
          '一小时内的操作次数已达上限，请稍后再试；如需批量录入请使用批量导入'
        )
    }
    await next()
  })

/** How long a sign-in or step-up counts as fresh for sensitive actions (matrix B6). */
export const STEP_UP_MS = 5 * 60_000

/**
 * Publishing, withdrawing, managing accounts and exporting the audit log need the person to have
 * entered their password or a TOTP code within the last 5 minutes (ASVS V3.7.1): a session left
 * open on an unattended desk cannot publish. The console asks for a code and retries.
 */
export const requireRecentAuth = createMiddleware<AppEnv>(async (c, next) => {
  const now = (c.var.deps.now ?? Date.now)()
  if (now - c.var.verifiedAt > STEP_UP_MS)
    throw new UnauthorizedError('REAUTH_REQUIRED', '此操作需要再次验证身份：请输入动态口令')
  await next()
})
