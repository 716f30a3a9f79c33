import { and, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm'
import { changeRequests, repairApplicationDocuments, repairApplications } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

/** 信用修复申请 online storage (issue 17); the rules live in functions/services/repair-applications.ts. */
export async function insertRepairApplication(
  db: DbOrTx,
  values: typeof repairApplications.$inferInsert
) {
  const [row] = await db
    .insert(repairApplications)
    .values(values)
    .returning({ id: repairApplications.id })
  return row!.id
}

export async function insertRepairApplicationDocument(
  db: DbOrTx,
  values: typeof repairApplicationDocuments.$inferInsert
) {
  await db.insert(repairApplicationDocuments).values(values)
}

export async function findRepairApplicationByReceipt(db: DbOrTx, receiptNo: string) {
  const [row] = await db
    .select({ a: repairApplications, change: changeRequests })
    .from(repairApplications)
    .innerJoin(changeRequests, eq(changeRequests.id, repairApplications.changeRequestId))
    .where(eq(repairApplications.receiptNo, receiptNo))
  return row
}

export async function findRepairApplicationByChange(db: DbOrTx, changeRequestId: number) {
  const [row] = await db
    .select()
    .from(repairApplications)
    .where(eq(repairApplications.changeRequestId, changeRequestId))
  return row
}

export async function findRepairApplication(db: DbOrTx, id: number) {
  const [row] = await db.select().from(repairApplications).where(eq(repairApplications.id, id))
  return row
}

export async function listRepairApplicationDocuments(db: DbOrTx, applicationId: number) {
  return db
    .select({
      id: repairApplicationDocuments.id,
      material: repairApplicationDocuments.material,
      mediaType: repairApplicationDocuments.mediaType,
    })
    .from(repairApplicationDocuments)
    .where(eq(repairApplicationDocuments.applicationId, applicationId))
}

export async function findRepairApplicationDocument(db: DbOrTx, applicationId: number, id: number) {
  const [doc] = await db
    .select()
    .from(repairApplicationDocuments)
    .where(
      and(
        eq(repairApplicationDocuments.id, id),
        eq(repairApplicationDocuments.applicationId, applicationId)
      )
    )
  return doc
}

/** Retention: contact and materials of applications decided before `decidedBefore`. */
export async function eraseRepairApplicationPersonalData(
  db: DbOrTx,
  decidedBefore: number,
  nowMs: number
) {
  const due = await db
    .select({ id: repairApplications.id })
    .from(repairApplications)
    .innerJoin(changeRequests, eq(changeRequests.id, repairApplications.changeRequestId))
    .where(
      and(
        isNull(repairApplications.erasedAt),
        // Decided: approved, or returned with a reason (不予修复) — the applicant applies anew.
        or(
          inArray(changeRequests.status, ['published', 'withdrawn']),
          and(eq(changeRequests.status, 'draft'), isNotNull(changeRequests.rejectionReason))
        ),
        lt(repairApplications.submittedAt, decidedBefore)
      )
    )
  const ids = due.map((r) => r.id)
  if (!ids.length) return ids
  await db
    .delete(repairApplicationDocuments)
    .where(inArray(repairApplicationDocuments.applicationId, ids))
  await db
    .update(repairApplications)
    .set({ contactSealed: null, erasedAt: nowMs })
    .where(inArray(repairApplications.id, ids))
  return ids
}
