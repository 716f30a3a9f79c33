import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client.ts'
import { CORRECTABLE, currentValues, type ChangeTarget } from '../domain/correction.ts'
import { findSubjectRow } from '../mutations/penalties.ts'
import { findWorkflowRow } from '../mutations/workflow.ts'
import { changeRequests, subjects, users } from '../schema/index.ts'

/** A change request with its authors' names and the name of the subject it concerns. */
export async function getAdminChange(db: Db, id: number) {
  const author = alias(users, 'author')
  const reviewer = alias(users, 'reviewer')
  const [row] = await db
    .select({
      change: changeRequests,
      createdByName: author.username,
      reviewedByName: reviewer.username,
    })
    .from(changeRequests)
    .leftJoin(author, eq(author.id, changeRequests.createdBy))
    .leftJoin(reviewer, eq(reviewer.id, changeRequests.reviewedBy))
    .where(eq(changeRequests.id, id))
  if (!row) return undefined
  const c = row.change
  const subjectId = c.targetKind === 'subject' ? c.targetId : null
  const [subject] = subjectId
    ? await db.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, subjectId))
    : []
  return {
    ...c,
    createdByName: row.createdByName,
    reviewedByName: row.reviewedByName,
    subjectName: subject?.name ?? null,
  }
}

/**
 * What the correction form starts from: each correctable field of a record with its current
 * value, label and input kind. Undefined when the record does not exist.
 */
export async function getCorrectable(db: Db, target: ChangeTarget, id: string) {
  const row =
    target === 'subject'
      ? await findSubjectRow(db, id)
      : Number.isSafeInteger(Number(id))
        ? await findWorkflowRow(db, target, Number(id))
        : undefined
  if (!row) return undefined
  const values = currentValues(target, row as Record<string, unknown>)
  return {
    districtCode: row.districtCode,
    status: row.status,
    version: row.version,
    fields: Object.entries(CORRECTABLE[target]).map(([name, spec]) => ({
      name,
      label: spec.label,
      input: spec.input,
      options: spec.options ?? null,
      optional: spec.schema.safeParse(null).success,
      value: values[name] ?? null,
    })),
  }
}
