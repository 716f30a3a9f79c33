import { z } from 'zod'
import { ValidationError } from '../../db/domain/errors.ts'
import { passwordProblems } from '../../db/domain/password-policy.ts'
import { deleteSessionsOfUser, updateUser, type DbOrTx } from '../../db/mutations/users.ts'
import { findUserById } from '../../db/queries/users.ts'
import { audit } from '../audit.ts'
import { hashPassword, verifyPassword } from '../auth/password.ts'
import type { ServiceContext } from '../context.ts'

export const ChangePasswordInput = z
  .object({ currentPassword: z.string().max(512), newPassword: z.string().max(1024) })
  .strict()

/** Change one's own password; every session ends and this request gets a fresh one. */
export async function changePassword(
  ctx: ServiceContext,
  input: z.infer<typeof ChangePasswordInput>,
  startSession: (db: DbOrTx, userId: number) => Promise<void>
) {
  const actor = ctx.actor!
  const user = (await findUserById(ctx.db, actor.id))!
  if (
    !(await verifyPassword(input.currentPassword, user.passwordHash, ctx.config.PASSWORD_PEPPER))
  ) {
    throw new ValidationError([
      { field: 'currentPassword', code: 'invalid', message: '当前密码不正确' },
    ])
  }
  const problems = passwordProblems(input.newPassword, user.username)
  if (problems.length) {
    throw new ValidationError(
      problems.map((message) => ({ field: 'newPassword', code: 'weak', message }))
    )
  }
  const passwordHash = await hashPassword(input.newPassword, ctx.config.PASSWORD_PEPPER)
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash, mustChangePassword: false })
    await deleteSessionsOfUser(tx, user.id)
    await startSession(tx, user.id)
    await audit(tx, ctx, {
      action: 'auth.password_change',
      objectType: 'user',
      objectId: user.username,
    })
  })
}
