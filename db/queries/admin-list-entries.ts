import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { authorities, creditListEntries, subjects, users } from '../schema/index.ts'
import { alias } from 'drizzle-orm/sqlite-core'

/** A list entry as the console shows it: every status, with subject, authority and people. */
export async function listAdminListEntries(db: Db, district: string | null, id?: number) {
  const author = alias(users, 'author')
  const reviewer = alias(users, 'reviewer')
  const rows = await db
    .select({
      entry: creditListEntries,
      subjectName: subjects.name,
      districtCode: subjects.districtCode,
      authorityName: authorities.name,
      createdByName: author.username,
      reviewedByName: reviewer.username,
    })
    .from(creditListEntries)
    .innerJoin(subjects, eq(subjects.id, creditListEntries.subjectId))
    .innerJoin(authorities, eq(authorities.id, creditListEntries.authorityId))
    .leftJoin(author, eq(author.id, creditListEntries.createdBy))
    .leftJoin(reviewer, eq(reviewer.id, creditListEntries.reviewedBy))
    .where(
      and(
        id === undefined ? undefined : eq(creditListEntries.id, id),
        district === null ? undefined : eq(subjects.districtCode, district)
      )
    )
    .orderBy(desc(creditListEntries.id))
    .limit(200)
  return rows.map(({ entry, ...names }) => ({ ...entry, ...names }))
}
