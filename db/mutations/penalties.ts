import { and, eq } from 'drizzle-orm'
import { authorities, penalties, subjects } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

export async function insertPenalty(db: DbOrTx, row: typeof penalties.$inferInsert) {
  const [created] = await db.insert(penalties).values(row).returning()
  return created!
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
