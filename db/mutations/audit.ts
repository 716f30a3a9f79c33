import { desc } from 'drizzle-orm'
import { auditLog } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

/** What an audit row records (security matrix H2). Values are stored as data, never interpreted. */
export type AuditEntry = {
  at: string
  actorId: number | null
  actorName: string | null
  actorRole: string | null
  actorDistrict: string | null
  sourceIp: string | null
  action: string
  objectType: string | null
  objectId: string | null
  outcome: 'success' | 'failure'
  reason: string | null
  requestId: string | null
  detail: string | null
}

const FIELDS: (keyof AuditEntry)[] = [
  'at',
  'actorId',
  'actorName',
  'actorRole',
  'actorDistrict',
  'sourceIp',
  'action',
  'objectType',
  'objectId',
  'outcome',
  'reason',
  'requestId',
  'detail',
]

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** hash = sha256(prevHash + JSON of the fields in a fixed order): the chain the verifier walks. */
export function auditHash(prevHash: string, entry: AuditEntry): Promise<string> {
  return sha256Hex(prevHash + JSON.stringify(FIELDS.map((f) => entry[f])))
}

export const GENESIS_HASH = '0'.repeat(64)

/**
 * Append one row, chained to the previous one. Call it inside the write's transaction (opened
 * with `behavior: 'immediate'`), so the chain cannot fork and the row commits with the change.
 */
export async function appendAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  const [last] = await db
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1)
  const prevHash = last?.hash ?? GENESIS_HASH
  await db.insert(auditLog).values({ ...entry, prevHash, hash: await auditHash(prevHash, entry) })
}

/**
 * Re-import exported audit rows verbatim (ids, hashes and all) into an empty log, as the drill
 * of restoring an offsite export into a fresh database does (matrix H5, K9). The caller verifies
 * the chain afterwards; nothing here recomputes or repairs a hash.
 */
export async function insertAuditRows(db: DbOrTx, rows: (typeof auditLog.$inferSelect)[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db.insert(auditLog).values(rows.slice(i, i + 200))
}
