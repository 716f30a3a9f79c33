import { desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { penalties, subjects, users } from '../schema/index.ts'

/** A penalty as the console shows it: every status, with the people behind each step. */
export type AdminPenalty = typeof penalties.$inferSelect & {
  subjectName: string
  createdByName: string | null
  reviewedByName: string | null
}

/** Penalties in a district (or all, for city-wide scope), newest first, for the dashboard. */
export async function listAdminPenalties(
  db: Db,
  district: string | null,
  limit = 200
): Promise<AdminPenalty[]> {
  const rows = await db
    .select({ p: penalties, subjectName: subjects.name })
    .from(penalties)
    .innerJoin(subjects, eq(subjects.id, penalties.subjectId))
    .where(district ? eq(penalties.districtCode, district) : undefined)
    .orderBy(desc(penalties.id))
    .limit(limit)
  return withNames(db, rows)
}

export async function getAdminPenalty(db: Db, id: number): Promise<AdminPenalty | undefined> {
  const rows = await db
    .select({ p: penalties, subjectName: subjects.name })
    .from(penalties)
    .innerJoin(subjects, eq(subjects.id, penalties.subjectId))
    .where(eq(penalties.id, id))
  return (await withNames(db, rows))[0]
}

async function withNames(
  db: Db,
  rows: { p: typeof penalties.$inferSelect; subjectName: string }[]
) {
  const ids = [
    ...new Set(
      rows.flatMap((r) => [r.p.createdBy, r.p.reviewedBy]).filter((x): x is number => x !== null)
    ),
  ]
  const names = new Map(
    ids.length
      ? (
          await db
            .select({ id: users.id, username: users.username })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((u) => [u.id, u.username])
      : []
  )
  return rows.map(({ p, subjectName }) => ({
    ...p,
    subjectName,
    createdByName: p.createdBy ? (names.get(p.createdBy) ?? null) : null,
    reviewedByName: p.reviewedBy ? (names.get(p.reviewedBy) ?? null) : null,
  }))
}
