import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client.ts'
import { authorities, subjects, typicalCases, users } from '../schema/index.ts'

/** A typical case in any status, with its subject and author, for the console. */
export async function getAdminTypicalCase(db: Db, id: number) {
  const author = alias(users, 'author')
  const [row] = await db
    .select({
      c: typicalCases,
      subjectName: subjects.name,
      createdByName: author.username,
      authorityName: authorities.name,
    })
    .from(typicalCases)
    .innerJoin(subjects, eq(subjects.id, typicalCases.subjectId))
    .leftJoin(author, eq(author.id, typicalCases.createdBy))
    .innerJoin(authorities, eq(authorities.id, typicalCases.authorityId))
    .where(eq(typicalCases.id, id))
  return row
    ? {
        ...row.c,
        subjectName: row.subjectName,
        createdByName: row.createdByName,
        authorityName: row.authorityName,
      }
    : undefined
}
