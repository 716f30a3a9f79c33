import { z } from 'zod'
import { ConflictError, NotFoundError, ValidationError } from '../../db/domain/errors.ts'
import { DivisionCode } from '../../db/domain/district.ts'
import { passwordProblems } from '../../db/domain/password-policy.ts'
import { Role, Username, type PublicUser } from '../../db/domain/user.ts'
import { deleteSessionsOfUser, insertUser, updateUser } from '../../db/mutations/users.ts'
import { findUserByUsername } from '../../db/queries/users.ts'
import { listDistricts } from '../../db/queries/reference-data.ts'
import { audit } from '../audit.ts'
import { hashPassword } from '../auth/password.ts'
import type { ServiceContext } from '../context.ts'

export const CreateUserInput = z
  .object({
    username: Username,
    password: z.string().max(1024),
    role: Role,
    district: DivisionCode.nullable(),
  })
  .strict()

/** Create an account (admin only). It must change its password and enrol TOTP at first login. */
export async function createUser(
  ctx: ServiceContext,
  input: z.infer<typeof CreateUserInput>
): Promise<PublicUser> {
  const problems = passwordProblems(input.password, input.username)
  if (problems.length)
    throw new ValidationError(
      problems.map((message) => ({ field: 'password', code: 'weak', message }))
    )
  if (input.district && !(await listDistricts(ctx.db)).some((d) => d.code === input.district)) {
    throw new ValidationError([
      { field: 'district', code: 'unknown', message: '县区代码不在本辖区配置中' },
    ])
  }
  if (await findUserByUsername(ctx.db, input.username)) throw new ConflictError('用户名已存在')
  const passwordHash = await hashPassword(input.password, ctx.config.PASSWORD_PEPPER)
  await ctx.db.transaction(async (tx) => {
    await insertUser(tx, {
      username: input.username,
      role: input.role,
      districtCode: input.district,
      passwordHash,
      mustChangePassword: true,
      createdAt: ctx.nowMs,
    })
    await audit(tx, ctx, {
      action: 'user.create',
      objectType: 'user',
      objectId: input.username,
      detail: { role: input.role, district: input.district },
    })
  })
  return { username: input.username, role: input.role, district: input.district }
}

/** Disable an account; its sessions end at once (matrix A5). */
export async function disableUser(ctx: ServiceContext, username: string) {
  const user = await findUserByUsername(ctx.db, username)
  if (!user) throw new NotFoundError('用户', username)
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { disabled: true })
    await deleteSessionsOfUser(tx, user.id)
    await audit(tx, ctx, { action: 'user.disable', objectType: 'user', objectId: username })
  })
}
