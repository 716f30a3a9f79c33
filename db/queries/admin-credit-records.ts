import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client.ts'
import { authorities, creditRecords, subjects, users } from '../schema/index.ts'

/** A credit record in any status, with its subject (and district) and author, for the console. */
export async function getAdminCreditRecord(db: Db, id: number) {
  const author = alias(users, 'author')
  const [row] = await db
    .select({
      r: creditRecords,
      subjectName: subjects.name,
      districtCode: subjects.districtCode,
      createdByName: author.username,
      authorityName: authorities.name,
    })
    .from(creditRecords)
    .innerJoin(subjects, eq(subjects.id, creditRecords.subjectId))
    .leftJoin(author, eq(author.id, creditRecords.createdBy))
    .innerJoin(authorities, eq(authorities.id, creditRecords.authorityId))
    .where(eq(creditRecords.id, id))
  return row
    ? {
        ...row.r,
        subjectName: row.subjectName,
        districtCode: row.districtCode,
        createdByName: row.createdByName,
        authorityName: row.authorityName,
      }
    : undefined
}
