import { z } from 'zod'
import { UnauthorizedError, ValidationError } from '../../db/domain/errors.ts'
import {
  deleteSessionsOfUser,
  lockIfExhausted,
  markSessionVerified,
  reserveLoginAttempt,
  resetLoginFailures,
  updateUser,
} from '../../db/mutations/users.ts'
import { findUserById } from '../../db/queries/users.ts'
import { audit } from '../audit.ts'
import { openSecret } from '../auth/secret-box.ts'
import { matchTotpStep } from '../auth/totp.ts'
import type { ServiceContext } from '../context.ts'
import { LOCK_MS } from './log-in.ts'

export const StepUpInput = z.object({ totp: z.string().max(16) }).strict()

/**
 * 再次验证身份 (matrix B6): a current TOTP code makes the session fresh for sensitive actions.
 * Guesses share the sign-in lockout (A3/A4): five wrong codes lock the account and end its
 * sessions, so a stolen session cannot brute-force its way to publishing. Codes are single-use.
 */
export async function stepUp(
  ctx: ServiceContext,
  sessionHash: string,
  input: z.infer<typeof StepUpInput>
) {
  const actor = ctx.actor!
  const user = (await findUserById(ctx.db, actor.id))!
  const refuse = async (reason: string) => {
    const locked = await lockIfExhausted(ctx.db, user.id, ctx.nowMs + LOCK_MS)
    await ctx.db.transaction(async (tx) => {
      if (locked) await deleteSessionsOfUser(tx, user.id)
      await audit(tx, ctx, {
        action: locked ? 'auth.login_locked' : 'auth.reauth',
        outcome: 'failure',
        objectType: 'user',
        objectId: user.username,
        reason,
      })
    })
    if (locked) throw new UnauthorizedError('UNAUTHORIZED', '动态口令多次错误，账号已锁定30分钟')
    return new ValidationError([
      { field: 'totp', code: 'invalid', message: '动态口令不正确，请核对手机上的6位数字' },
    ])
  }
  if (!user.totpSecret || !(await reserveLoginAttempt(ctx.db, user.id, ctx.nowMs)))
    throw await refuse('locked or no TOTP')
  const secret = await openSecret(user.totpSecret, ctx.config.PASSWORD_PEPPER)
  const step = matchTotpStep(secret, input.totp, ctx.nowMs)
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep))
    throw await refuse(step === null ? 'wrong totp' : 'totp replay')
  await ctx.db.transaction(async (tx) => {
    await resetLoginFailures(tx, user.id)
    await updateUser(tx, user.id, { totpLastStep: step })
    await markSessionVerified(tx, sessionHash, ctx.nowMs)
    await audit(tx, ctx, { action: 'auth.reauth', objectType: 'user', objectId: user.username })
  })
}
