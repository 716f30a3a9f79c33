import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { auditHash, GENESIS_HASH, type AuditEntry } from '../mutations/audit.ts'
import { auditLog } from '../schema/index.ts'

export type AuditRow = typeof auditLog.$inferSelect
export type AuditFilter = {
  actor?: string
  objectType?: string
  objectId?: string
  from?: string
  to?: string
}

/** Audit rows newest first, filtered by person, object and date (ISO, inclusive). */
export async function listAudit(db: Db, f: AuditFilter, limit = 500): Promise<AuditRow[]> {
  const where: SQL[] = []
  if (f.actor) where.push(eq(auditLog.actorName, f.actor))
  if (f.objectType) where.push(eq(auditLog.objectType, f.objectType))
  if (f.objectId) where.push(eq(auditLog.objectId, f.objectId))
  if (f.from) where.push(gte(auditLog.at, f.from))
  if (f.to) where.push(lte(auditLog.at, `${f.to}\uffff`))
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit)
}

/** The id of the first row (in id order) whose link to the one before is broken, or null. */
export async function firstBrokenLink(rows: AuditRow[]): Promise<number | null> {
  let prev = GENESIS_HASH
  for (const row of rows) {
    const { id: _id, prevHash, hash, ...entry } = row
    if (prevHash !== prev || hash !== (await auditHash(prev, entry as AuditEntry))) return row.id
    prev = hash
  }
  return null
}

/** Walk the whole chain; returns the id of the first row whose link is broken, or null. */
export async function verifyAuditChain(db: Db): Promise<number | null> {
  return firstBrokenLink(await db.select().from(auditLog).orderBy(asc(auditLog.id)))
}

/**
 * How many successful actions an account took since `sinceIso` — every write leaves exactly one
 * audit row (matrix H1), so the log is the write counter for quotas (G2).
 */
export async function countActionsSince(db: Db, actorName: string, sinceIso: string) {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorName, actorName),
        gte(auditLog.at, sinceIso),
        eq(auditLog.outcome, 'success')
      )
    )
  return row!.n
}

/** Events a person should hear about on their own account (A6): who changed what, from where. */
export const ACCOUNT_NOTICE_ACTIONS = [
  'auth.password_change',
  'auth.totp_confirm',
  'auth.login_locked',
  'user.create',
  'user.disable',
  'user.reset',
] as const

/** The account's security events since `sinceIso`, newest first (at most `limit`). */
export async function accountNotices(db: Db, username: string, sinceIso: string, limit = 5) {
  return db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actorName: auditLog.actorName,
      sourceIp: auditLog.sourceIp,
      outcome: auditLog.outcome,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.objectType, 'user'),
        eq(auditLog.objectId, username),
        gte(auditLog.at, sinceIso),
        inArray(auditLog.action, [...ACCOUNT_NOTICE_ACTIONS])
      )
    )
    .orderBy(desc(auditLog.id))
    .limit(limit)
}
