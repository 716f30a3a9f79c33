import type { Role } from './user.ts'

/**
 * The authorisation policy: which role may do what. This table is the single source of truth;
 * routes call `assertAllowed`, and the tests iterate it (security matrix C1). District scope is
 * checked separately (`inScope`), and a record outside it answers 404 so its existence does not leak.
 */
export const ACTIONS = [
  'record.read',
  'record.draft',
  'record.submit',
  'record.approve',
  'record.reject',
  'record.withdraw',
  'record.remove',
  'record.import',
  'user.manage',
  'audit.read',
] as const
export type Action = (typeof ACTIONS)[number]

export const POLICY: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  editor: ['record.read', 'record.draft', 'record.submit', 'record.import'],
  reviewer: ['record.read', 'record.approve', 'record.reject', 'record.withdraw', 'record.remove'],
  auditor: ['audit.read'],
}

export function isAllowed(role: Role, action: Action): boolean {
  return POLICY[role].includes(action)
}
