import { z } from 'zod'
import { UnauthorizedError } from '../../db/domain/errors.ts'
import type { PublicUser } from '../../db/domain/user.ts'
import {
  clearExpiredLock,
  lockIfExhausted,
  reserveLoginAttempt,
  resetLoginFailures,
  updateUser,
  type DbOrTx,
} from '../../db/mutations/users.ts'
import { findUserByUsername } from '../../db/queries/users.ts'
import { audit } from '../audit.ts'
import { DUMMY_HASH, verifyPassword } from '../auth/password.ts'
import { openSecret } from '../auth/secret-box.ts'
import { matchTotpStep } from '../auth/totp.ts'
import type { ServiceContext } from '../context.ts'

export const LOCK_MS = 30 * 60_000

export const LogInInput = z
  .object({
    username: z.string().max(64),
    password: z.string().max(512),
    totp: z.string().max(16).optional(),
  })
  .strict()

export type LogInResult = { user: PublicUser; mustChangePassword: boolean; totpEnrolled: boolean }

/**
 * 登录: password, then TOTP once enrolled. Every guess first reserves one of five attempts
 * (matrix A3/A4: TOTP guesses share the lockout); an unknown user costs the same hashing time and
 * gets the same answer as a wrong password.
 */
export async function logIn(
  ctx: ServiceContext,
  input: z.infer<typeof LogInInput>,
  startSession: (db: DbOrTx, userId: number) => Promise<void>
): Promise<LogInResult> {
  const username = input.username.normalize('NFKC').trim().toLowerCase()
  const user = await findUserByUsername(ctx.db, username)
  const fail = async (
    action: string,
    code: 'INVALID_CREDENTIALS' | 'LOCKED' | 'TOTP_REQUIRED',
    reason: string
  ) => {
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, {
        action,
        outcome: 'failure',
        actorName: username,
        objectType: 'user',
        objectId: username,
        reason,
      })
    )
    const messages = {
      INVALID_CREDENTIALS: '用户名、密码或动态口令不正确',
      LOCKED: '账号已锁定，请30分钟后再试',
      TOTP_REQUIRED: '请输入动态口令',
    }
    return new UnauthorizedError(code, messages[code])
  }
  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH, ctx.config.PASSWORD_PEPPER)
    throw await fail('auth.login_failed', 'INVALID_CREDENTIALS', 'unknown user')
  }
  await clearExpiredLock(ctx.db, user.id, ctx.nowMs)
  if (!(await reserveLoginAttempt(ctx.db, user.id, ctx.nowMs))) {
    throw await fail('auth.login_locked', 'LOCKED', 'account locked')
  }
  const failed = async (reason: string) => {
    const locked = await lockIfExhausted(ctx.db, user.id, ctx.nowMs + LOCK_MS)
    if (locked) await fail('auth.login_locked', 'LOCKED', `${reason}; locked`)
    return fail('auth.login_failed', 'INVALID_CREDENTIALS', reason)
  }
  if (
    !(await verifyPassword(input.password, user.passwordHash, ctx.config.PASSWORD_PEPPER)) ||
    user.disabled
  ) {
    throw await failed(user.disabled ? 'disabled' : 'wrong password')
  }
  let step: number | null = null
  if (user.totpSecret) {
    if (!input.totp) {
      // Asking for the code is not a failed guess: give the reserved attempt back.
      await resetLoginFailures(ctx.db, user.id)
      throw new UnauthorizedError('TOTP_REQUIRED', '请输入动态口令')
    }
    const secret = await openSecret(user.totpSecret, ctx.config.PASSWORD_PEPPER)
    step = matchTotpStep(secret, input.totp, ctx.nowMs)
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
      throw await failed(step === null ? 'wrong totp' : 'totp replay')
    }
  }
  const actorCtx = {
    ...ctx,
    actor: { id: user.id, username: user.username, role: user.role, district: user.districtCode },
  }
  await ctx.db.transaction(async (tx) => {
    await resetLoginFailures(tx, user.id)
    if (step !== null) await updateUser(tx, user.id, { totpLastStep: step })
    await startSession(tx, user.id)
    await audit(tx, actorCtx, { action: 'auth.login', objectType: 'user', objectId: user.username })
  })
  return {
    user: { username: user.username, role: user.role, district: user.districtCode },
    mustChangePassword: user.mustChangePassword,
    totpEnrolled: user.totpSecret !== null,
  }
}
