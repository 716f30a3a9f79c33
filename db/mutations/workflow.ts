import { and, eq } from 'drizzle-orm'
import {
  changeRequests,
  creditListEntries,
  creditRecords,
  listedSupervisions,
  penalties,
  subjects,
  typicalCases,
} from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

/** Tables that go through draft → submitted → published (→ withdrawn), keyed by workflow kind. */
export const WORKFLOW_TABLES = {
  penalty: penalties,
  listEntry: creditListEntries,
  typicalCase: typicalCases,
  creditRecord: creditRecords,
  supervision: listedSupervisions,
  /** 变更申请: a new subject, or a correction of a published record. */
  change: changeRequests,
} as const
export type WorkflowKind = keyof typeof WORKFLOW_TABLES

/** The workflow columns every such table has. */
export type WorkflowRow = {
  id: number
  status: 'draft' | 'submitted' | 'published' | 'withdrawn'
  version: number
  createdBy: number | null
  districtCode: string
}

/**
 * Move a record from one status to the next only if nobody moved it first: the UPDATE matches
 * the expected status and version, so of two concurrent reviewers exactly one wins (matrix K6).
 */
export async function transitionRecord(
  db: DbOrTx,
  kind: WorkflowKind,
  id: number,
  from: { status: WorkflowRow['status']; version: number },
  set: Record<string, unknown>
): Promise<boolean> {
  // The tables share these columns; drizzle cannot type one update over a union of tables,
  // so the builder is given one of them. Only workflow and kind-specific columns are set.
  const table = WORKFLOW_TABLES[kind] as typeof penalties
  const rows = await db
    .update(table)
    .set({ ...set, version: from.version + 1 })
    .where(and(eq(table.id, id), eq(table.status, from.status), eq(table.version, from.version)))
    .returning({ id: table.id })
  return rows.length === 1
}

/** A record with the district that scopes it (a list entry takes its subject's district). */
export async function findWorkflowRow(db: DbOrTx, kind: WorkflowKind, id: number) {
  if (kind === 'penalty') {
    const [row] = await db.select().from(penalties).where(eq(penalties.id, id))
    return row
  }
  if (kind === 'typicalCase') {
    const [row] = await db.select().from(typicalCases).where(eq(typicalCases.id, id))
    return row
  }
  if (kind === 'change') {
    const [row] = await db.select().from(changeRequests).where(eq(changeRequests.id, id))
    return row
  }
  if (kind === 'supervision') {
    const [row] = await db.select().from(listedSupervisions).where(eq(listedSupervisions.id, id))
    return row
  }
  if (kind === 'creditRecord') {
    const [row] = await db
      .select({ record: creditRecords, districtCode: subjects.districtCode })
      .from(creditRecords)
      .innerJoin(subjects, eq(subjects.id, creditRecords.subjectId))
      .where(eq(creditRecords.id, id))
    return row ? { ...row.record, districtCode: row.districtCode } : undefined
  }
  const [row] = await db
    .select({ entry: creditListEntries, districtCode: subjects.districtCode })
    .from(creditListEntries)
    .innerJoin(subjects, eq(subjects.id, creditListEntries.subjectId))
    .where(eq(creditListEntries.id, id))
  return row ? { ...row.entry, districtCode: row.districtCode } : undefined
}
