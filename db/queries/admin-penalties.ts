import { desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { penalties, subjects, users } from '../schema/index.ts'
import { listDistricts, mapAuthorities } from './reference-data.ts'

/** A penalty as the console shows it: every status, with the people behind each step. */
export type AdminPenalty = typeof penalties.$inferSelect & {
  subjectName: string
  createdByName: string | null
  reviewedByName: string | null
  /** What the public page shows beside the ids (the review page shows the same rows). */
  authorityName: string
  authorityUscc: string | null
  dataSourceName: string
  dataSourceUscc: string | null
  districtName: string
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
  const authority = await mapAuthorities(db)
  const district = new Map((await listDistricts(db)).map((d) => [d.code, d.name]))
  return rows.map(({ p, subjectName }) => ({
    ...p,
    subjectName,
    authorityName: authority.get(p.authorityId)?.name ?? '',
    authorityUscc: authority.get(p.authorityId)?.uscc ?? null,
    dataSourceName: authority.get(p.dataSourceId)?.name ?? '',
    dataSourceUscc: authority.get(p.dataSourceId)?.uscc ?? null,
    districtName: district.get(p.districtCode) ?? p.districtCode,
    createdByName: p.createdBy ? (names.get(p.createdBy) ?? null) : null,
    reviewedByName: p.reviewedBy ? (names.get(p.reviewedBy) ?? null) : null,
  }))
}
