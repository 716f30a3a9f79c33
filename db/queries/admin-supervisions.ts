import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client.ts'
import { authorities, listedSupervisions, projects, users } from '../schema/index.ts'

/** A 挂牌督办 item in any status, with its project and the people behind it, for the console. */
export async function getAdminSupervision(db: Db, id: number) {
  const author = alias(users, 'author')
  const resulter = alias(users, 'resulter')
  const [row] = await db
    .select({
      s: listedSupervisions,
      projectName: projects.name,
      createdByName: author.username,
      authorityName: authorities.name,
      resultByName: resulter.username,
    })
    .from(listedSupervisions)
    .innerJoin(projects, eq(projects.id, listedSupervisions.projectId))
    .leftJoin(author, eq(author.id, listedSupervisions.createdBy))
    .innerJoin(authorities, eq(authorities.id, listedSupervisions.authorityId))
    .leftJoin(resulter, eq(resulter.id, listedSupervisions.resultBy))
    .where(eq(listedSupervisions.id, id))
  return row
    ? {
        ...row.s,
        projectName: row.projectName,
        createdByName: row.createdByName,
        authorityName: row.authorityName,
        resultByName: row.resultByName,
      }
    : undefined
}
