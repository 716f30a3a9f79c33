import type { Role } from './user.ts'

/**
 * The authorisation policy: which role may do what. This table is the single source of truth;
 * routes call `assertAllowed`, and the tests iterate it (security matrix C1). District scope is
 * checked separately (`inScope`), and a record outside it answers 404 so its existence does not leak.
 */
export const ACTIONS = [
  'record.read',
  'penalty.draft',
  'penalty.submit',
  'penalty.approve',
  'penalty.reject',
  'penalty.withdraw',
  'record.import',
  'user.manage',
  'audit.read',
] as const
export type Action = (typeof ACTIONS)[number]

export const POLICY: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  editor: ['record.read', 'penalty.draft', 'penalty.submit', 'record.import'],
  reviewer: ['record.read', 'penalty.approve', 'penalty.reject', 'penalty.withdraw'],
  auditor: ['audit.read'],
}

export function isAllowed(role: Role, action: Action): boolean {
  return POLICY[role].includes(action)
}
