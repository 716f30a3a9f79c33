import { z } from 'zod'
import { ValidationError } from '../../db/domain/errors.ts'
import { updateUser } from '../../db/mutations/users.ts'
import { findUserById } from '../../db/queries/users.ts'
import { audit } from '../audit.ts'
import { openSecret, sealSecret } from '../auth/secret-box.ts'
import { matchTotpStep, newTotpSecret, otpauthUrl } from '../auth/totp.ts'
import type { ServiceContext } from '../context.ts'

/** Start TOTP enrolment: a fresh secret, sealed at rest (I5), waits until a code confirms it. */
export async function setUpTotp(
  ctx: ServiceContext
): Promise<{ secret: string; otpauthUrl: string }> {
  const actor = ctx.actor!
  const secret = newTotpSecret()
  const sealed = await sealSecret(secret, ctx.config.PASSWORD_PEPPER)
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, actor.id, { totpPendingSecret: sealed })
    await audit(tx, ctx, {
      action: 'auth.totp_setup',
      objectType: 'user',
      objectId: actor.username,
    })
  })
  return { secret, otpauthUrl: otpauthUrl(secret, actor.username) }
}

export const ConfirmTotpInput = z.object({ code: z.string().max(16) }).strict()

/** Confirm enrolment with a current code; the pending secret becomes the account's secret. */
export async function confirmTotp(ctx: ServiceContext, input: z.infer<typeof ConfirmTotpInput>) {
  const actor = ctx.actor!
  const user = await findUserById(ctx.db, actor.id)
  const step = user?.totpPendingSecret
    ? matchTotpStep(
        await openSecret(user.totpPendingSecret, ctx.config.PASSWORD_PEPPER),
        input.code,
        ctx.nowMs
      )
    : null
  if (!user?.totpPendingSecret || step === null) {
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, {
        action: 'auth.totp_confirm',
        outcome: 'failure',
        objectType: 'user',
        objectId: actor.username,
      })
    )
    throw new ValidationError([
      { field: 'code', code: 'invalid', message: '动态口令不正确，请核对手机上的6位数字' },
    ])
  }
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, actor.id, {
      totpSecret: user.totpPendingSecret,
      totpPendingSecret: null,
      totpLastStep: step,
    })
    await audit(tx, ctx, {
      action: 'auth.totp_confirm',
      objectType: 'user',
      objectId: actor.username,
    })
  })
}
