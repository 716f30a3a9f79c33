import { and, eq } from 'drizzle-orm'
import { authorities, penalties, subjects } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

export async function insertPenalty(db: DbOrTx, row: typeof penalties.$inferInsert) {
  const [created] = await db.insert(penalties).values(row).returning()
  return created!
}

/**
 * Move a penalty from one status to the next only if nobody moved it first: the UPDATE matches
 * the expected status and version, so of two concurrent reviewers exactly one wins (matrix K6).
 */
export async function transitionPenalty(
  db: DbOrTx,
  id: number,
  from: { status: string; version: number },
  set: Partial<typeof penalties.$inferInsert>
): Promise<boolean> {
  const rows = await db
    .update(penalties)
    .set({ ...set, version: from.version + 1 })
    .where(
      and(
        eq(penalties.id, id),
        eq(penalties.status, from.status as 'draft'),
        eq(penalties.version, from.version)
      )
    )
    .returning({ id: penalties.id })
  return rows.length === 1
}

export async function findPenaltyRow(db: DbOrTx, id: number) {
  const [row] = await db.select().from(penalties).where(eq(penalties.id, id))
  return row
}

export async function findAuthorityByName(db: DbOrTx, name: string) {
  const [row] = await db.select().from(authorities).where(eq(authorities.name, name))
  return row
}

export async function findSubjectRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(subjects).where(eq(subjects.id, id))
  return row
}

export async function findPenaltyByDecisionNo(db: DbOrTx, authorityId: number, decisionNo: string) {
  const [row] = await db
    .select({ id: penalties.id })
    .from(penalties)
    .where(and(eq(penalties.authorityId, authorityId), eq(penalties.decisionNo, decisionNo)))
  return row
}
