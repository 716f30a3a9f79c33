import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm'
import { complaintPhotos, complaints, spentChallenges } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

/** 投诉举报 storage (issue 17); the rules live in functions/services/complaints.ts. */
export type ComplaintRow = typeof complaints.$inferSelect

/** Spend a solved ALTCHA challenge once; false when it was already used. Prunes expired ones. */
export async function spendChallenge(
  db: DbOrTx,
  signature: string,
  expiresAt: number,
  nowMs: number
) {
  await db.delete(spentChallenges).where(lt(spentChallenges.expiresAt, nowMs))
  const inserted = await db
    .insert(spentChallenges)
    .values({ signature, expiresAt })
    .onConflictDoNothing()
    .returning({ signature: spentChallenges.signature })
  return inserted.length === 1
}

export async function findComplaint(db: DbOrTx, id: number): Promise<ComplaintRow | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id))
  return row
}

export async function findComplaintByReceipt(db: DbOrTx, receiptNo: string) {
  const [row] = await db.select().from(complaints).where(eq(complaints.receiptNo, receiptNo))
  return row
}

export async function insertComplaint(db: DbOrTx, values: typeof complaints.$inferInsert) {
  const [row] = await db.insert(complaints).values(values).returning({ id: complaints.id })
  return row!.id
}

export async function insertComplaintPhoto(
  db: DbOrTx,
  values: typeof complaintPhotos.$inferInsert
) {
  await db.insert(complaintPhotos).values(values)
}

/** A district's complaints (all for city level), newest first, without contact or content. */
export async function listComplaintRows(db: DbOrTx, district: string | null) {
  return db
    .select({
      id: complaints.id,
      receiptNo: complaints.receiptNo,
      districtCode: complaints.districtCode,
      projectName: complaints.projectName,
      category: complaints.category,
      status: complaints.status,
      replyStatus: complaints.replyStatus,
      submittedAt: complaints.submittedAt,
      acceptedAt: complaints.acceptedAt,
    })
    .from(complaints)
    .where(district ? eq(complaints.districtCode, district) : undefined)
    .orderBy(desc(complaints.id))
    .limit(500)
}

export async function listComplaintPhotos(db: DbOrTx, complaintId: number) {
  return db
    .select({ id: complaintPhotos.id, mediaType: complaintPhotos.mediaType })
    .from(complaintPhotos)
    .where(eq(complaintPhotos.complaintId, complaintId))
}

export async function findComplaintPhoto(db: DbOrTx, complaintId: number, photoId: number) {
  const [photo] = await db
    .select()
    .from(complaintPhotos)
    .where(and(eq(complaintPhotos.id, photoId), eq(complaintPhotos.complaintId, complaintId)))
  return photo
}

/** Move a complaint only if nobody moved it first (the version matches). */
export async function advanceComplaint(
  db: DbOrTx,
  id: number,
  version: number,
  set: Partial<typeof complaints.$inferInsert>
) {
  const moved = await db
    .update(complaints)
    .set({ ...set, version: version + 1 })
    .where(and(eq(complaints.id, id), eq(complaints.version, version)))
    .returning({ id: complaints.id, status: complaints.status })
  return moved[0]
}

/**
 * The retention period's end (issue 17, 个人信息保护法 §19): contact and photos of complaints
 * closed before `closedBefore` are erased; the complaint itself (status, dates, reply) stays.
 * Returns the ids erased, for the audit row.
 */
export async function eraseComplaintPersonalData(db: DbOrTx, closedBefore: number, nowMs: number) {
  const due = await db
    .select({ id: complaints.id })
    .from(complaints)
    .where(and(lt(complaints.closedAt, closedBefore), isNull(complaints.erasedAt)))
  const ids = due.map((r) => r.id)
  if (!ids.length) return ids
  await db.delete(complaintPhotos).where(inArray(complaintPhotos.complaintId, ids))
  await db
    .update(complaints)
    .set({ contactSealed: null, erasedAt: nowMs })
    .where(inArray(complaints.id, ids))
  return ids
}
