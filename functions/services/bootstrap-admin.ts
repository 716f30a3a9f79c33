import { passwordProblems } from '../../db/domain/password-policy.ts'
import { insertUser } from '../../db/mutations/users.ts'
import { countUsers } from '../../db/queries/users.ts'
import { audit } from '../audit.ts'
import { hashPassword } from '../auth/password.ts'
import type { ServiceContext } from '../context.ts'

/**
 * First start with no users: create `admin` with the given password (ADMIN_PASSWORD, which must
 * pass the policy) or a random one shown once. Either way it must be changed at first login, and
 * TOTP enrolled, before the account can do anything else (matrix A5: no default credential).
 */
export async function bootstrapAdmin(
  ctx: ServiceContext,
  given: string | undefined
): Promise<string | null> {
  if ((await countUsers(ctx.db)) > 0) return null
  if (given !== undefined) {
    const problems = passwordProblems(given, 'admin')
    if (problems.length) throw new Error(`ADMIN_PASSWORD is refused: ${problems.join('; ')}`)
  }
  const password = given ?? randomPassword()
  const passwordHash = await hashPassword(password, ctx.config.PASSWORD_PEPPER)
  await ctx.db.transaction(async (tx) => {
    await insertUser(tx, {
      username: 'admin',
      role: 'admin',
      districtCode: null,
      passwordHash,
      mustChangePassword: true,
      createdAt: ctx.nowMs,
    })
    await audit(tx, ctx, {
      action: 'user.bootstrap',
      actorName: 'system',
      objectType: 'user',
      objectId: 'admin',
    })
  })
  return password
}

/** 20 characters from all four classes, avoiding look-alikes (0/O, 1/l/I). */
export function randomPassword(): string {
  const sets = ['abcdefghjkmnpqrstuvwxyz', 'ABCDEFGHJKMNPQRSTUVWXYZ', '23456789', '#%+=?@^_~']
  const pick = (set: string) => set[crypto.getRandomValues(new Uint32Array(1))[0]! % set.length]!
  let out = ''
  for (let i = 0; i < 20; i++) out += pick(sets[i % 4]!)
  return out
}
