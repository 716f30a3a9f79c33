import { z } from 'zod'
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../db/domain/errors.ts'
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
  // An admin who disabled their own account would be locked out at once, and with it possibly
  // the city's last admin: another admin does it, as with 重置.
  if (ctx.actor && ctx.actor.id === user.id)
    throw new ForbiddenError('不能停用自己的账号。如确需停用，请另一名系统管理员办理')
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { disabled: true })
    await deleteSessionsOfUser(tx, user.id)
    await audit(tx, ctx, { action: 'user.disable', objectType: 'user', objectId: username })
  })
}

export const ResetAccountInput = z
  .object({
    /** A new initial password, to be changed at next sign-in; omitted = keep the password. */
    password: z.string().max(1024).optional(),
    /** Unbind the authenticator: the person binds a new one at next sign-in. */
    totp: z.boolean(),
  })
  .strict()
  .refine((v) => v.password !== undefined || v.totp, {
    message: '请选择要重置的内容：密码、动态口令，或两者',
    path: ['totp'],
  })

/**
 * 重置账号 (issue 16, item 4): a lost phone or a forgotten password. The person must set a new
 * password and/or bind a new authenticator at next sign-in; their sessions end now; the lock from
 * failed attempts is lifted. An admin never resets their own account alone — another admin does,
 * or, for the last admin, `npm run account:recover` on the server (`operator` names who ran it).
 */
export async function resetAccount(
  ctx: ServiceContext,
  username: string,
  input: z.infer<typeof ResetAccountInput>,
  operator?: string
) {
  const user = await findUserByUsername(ctx.db, username)
  if (!user) throw new NotFoundError('用户', username)
  if (ctx.actor && ctx.actor.id === user.id)
    throw new ForbiddenError(
      '不能重置自己的账号。请另一名系统管理员办理；如您是唯一的系统管理员，请由服务器运维人员执行 npm run account:recover'
    )
  if (input.password !== undefined) {
    const problems = passwordProblems(input.password, username)
    if (problems.length)
      throw new ValidationError(
        problems.map((message) => ({ field: 'password', code: 'weak', message }))
      )
  }
  const passwordHash =
    input.password === undefined
      ? undefined
      : await hashPassword(input.password, ctx.config.PASSWORD_PEPPER)
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      ...(passwordHash ? { passwordHash, mustChangePassword: true } : {}),
      ...(input.totp ? { totpSecret: null } : {}),
      failedAttempts: 0,
      lockedUntil: null,
    })
    await deleteSessionsOfUser(tx, user.id)
    await audit(tx, ctx, {
      action: 'user.reset',
      actorName: operator,
      objectType: 'user',
      objectId: username,
      detail: { password: passwordHash !== undefined, totp: input.totp },
    })
  })
  return { username, password: passwordHash !== undefined, totp: input.totp }
}
