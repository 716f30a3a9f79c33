import { z } from 'zod'
import { DivisionCode } from './district.ts'

/**
 * 管理员 roles. `admin`: city level, users and every district. `editor`: drafts in its district
 * (city-wide when district is null). `reviewer`: approves within its scope. `auditor`: audit log only.
 */
export const ROLES = ['admin', 'editor', 'reviewer', 'auditor'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

export const Username = z.string().regex(/^[a-z][a-z0-9_.-]{2,31}$/, {
  message: '用户名为3–32位小写字母、数字或 _ . -，以字母开头',
})

/** The account as the API shows it (never the hash, salt or TOTP secret). */
export const PublicUser = z.object({
  username: z.string(),
  role: Role,
  district: DivisionCode.nullable(),
})
export type PublicUser = z.infer<typeof PublicUser>

/** Who acts: the logged-in user, for scoping and the audit trail. */
export type Actor = PublicUser & { id: number }

/** True when a record of `district` is inside the actor's scope (null = whole city). */
export function inScope(actor: Pick<Actor, 'district'>, district: string): boolean {
  return actor.district === null || actor.district === district
}
