import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm'
import type { ObjectionRecordType } from '../domain/objection.ts'
import { isPubliclyVisible } from '../domain/visibility.ts'
import {
  creditListEntries,
  creditRecords,
  objectionDocuments,
  objections,
  penalties,
  subjects,
  typicalCases,
} from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

/** 异议申诉 storage (issue 17); the rules live in functions/services/objections.ts. */
export type ObjectionRow = typeof objections.$inferSelect

/**
 * The record an objection is about, if it is public today: what to call it, whose it is and
 * which district handles it. Anything not public (a draft, a withdrawn or expired record) is null.
 */
export async function publicTarget(
  db: DbOrTx,
  type: ObjectionRecordType,
  id: string,
  today: string
): Promise<{ label: string; subjectId: string | null; districtCode: string } | null> {
  const n = /^\d+$/.test(id) ? Number(id) : -1
  if (type === 'penalty') {
    const [p] = await db.select().from(penalties).where(eq(penalties.id, n))
    if (!p || !isPubliclyVisible(p, today)) return null
    return {
      label: `${p.decisionNo}（${p.partyName}）`,
      subjectId: p.subjectId,
      districtCode: p.districtCode,
    }
  }
  if (type === 'list_entry') {
    const [row] = await db
      .select({ e: creditListEntries, name: subjects.name, district: subjects.districtCode })
      .from(creditListEntries)
      .innerJoin(subjects, eq(subjects.id, creditListEntries.subjectId))
      .where(eq(creditListEntries.id, n))
    const e = row?.e
    if (!e || e.status !== 'published' || e.removedOn || e.validUntil < today) return null
    const list = e.list === 'black' ? '黑名单' : '红名单'
    return {
      label: `${row.name}：列入${list}（${e.decisionNo}）`,
      subjectId: e.subjectId,
      districtCode: row.district,
    }
  }
  if (type === 'credit_record') {
    const [row] = await db
      .select({ r: creditRecords, district: subjects.districtCode })
      .from(creditRecords)
      .innerJoin(subjects, eq(subjects.id, creditRecords.subjectId))
      .where(eq(creditRecords.id, n))
    const r = row?.r
    if (!r || r.status !== 'published' || (r.kind === 'bad' && !isPubliclyVisible(r, today)))
      return null
    return { label: r.title, subjectId: r.subjectId, districtCode: row.district }
  }
  if (type === 'typical_case') {
    const [c] = await db.select().from(typicalCases).where(eq(typicalCases.id, n))
    if (!c || c.status !== 'published') return null
    return { label: c.title, subjectId: c.subjectId, districtCode: c.districtCode }
  }
  const [s] = await db.select().from(subjects).where(eq(subjects.id, id))
  if (!s || s.status !== 'published') return null
  return { label: `${s.name}的诚信档案`, subjectId: s.id, districtCode: s.districtCode }
}

export async function findObjection(db: DbOrTx, id: number): Promise<ObjectionRow | undefined> {
  const [row] = await db.select().from(objections).where(eq(objections.id, id))
  return row
}

export async function findObjectionByReceipt(db: DbOrTx, receiptNo: string) {
  const [row] = await db.select().from(objections).where(eq(objections.receiptNo, receiptNo))
  return row
}

export async function insertObjection(db: DbOrTx, values: typeof objections.$inferInsert) {
  const [row] = await db.insert(objections).values(values).returning({ id: objections.id })
  return row!.id
}

export async function insertObjectionDocument(
  db: DbOrTx,
  values: typeof objectionDocuments.$inferInsert
) {
  await db.insert(objectionDocuments).values(values)
}

export async function listObjectionRows(db: DbOrTx, district: string | null) {
  return db
    .select({
      id: objections.id,
      receiptNo: objections.receiptNo,
      recordType: objections.recordType,
      recordId: objections.recordId,
      status: objections.status,
      replyStatus: objections.replyStatus,
      submittedAt: objections.submittedAt,
      acceptedAt: objections.acceptedAt,
    })
    .from(objections)
    .where(district ? eq(objections.districtCode, district) : undefined)
    .orderBy(desc(objections.id))
    .limit(500)
}

export async function listObjectionDocuments(db: DbOrTx, objectionId: number) {
  return db
    .select({ id: objectionDocuments.id, mediaType: objectionDocuments.mediaType })
    .from(objectionDocuments)
    .where(eq(objectionDocuments.objectionId, objectionId))
}

export async function findObjectionDocument(db: DbOrTx, objectionId: number, documentId: number) {
  const [doc] = await db
    .select()
    .from(objectionDocuments)
    .where(
      and(eq(objectionDocuments.id, documentId), eq(objectionDocuments.objectionId, objectionId))
    )
  return doc
}

export async function advanceObjection(
  db: DbOrTx,
  id: number,
  version: number,
  set: Partial<typeof objections.$inferInsert>
) {
  const moved = await db
    .update(objections)
    .set({ ...set, version: version + 1 })
    .where(and(eq(objections.id, id), eq(objections.version, version)))
    .returning({ id: objections.id, status: objections.status })
  return moved[0]
}

/** Records with an objection still open (submitted, accepted or in progress), for 异议处理中. */
export async function openObjections(db: DbOrTx) {
  return db
    .select({
      recordType: objections.recordType,
      recordId: objections.recordId,
      submittedAt: objections.submittedAt,
    })
    .from(objections)
    .where(inArray(objections.status, ['submitted', 'accepted', 'in_progress']))
}

/** The retention period's end, as for complaints: contact and documents of closed objections. */
export async function eraseObjectionPersonalData(db: DbOrTx, closedBefore: number, nowMs: number) {
  const due = await db
    .select({ id: objections.id })
    .from(objections)
    .where(and(lt(objections.closedAt, closedBefore), isNull(objections.erasedAt)))
  const ids = due.map((r) => r.id)
  if (!ids.length) return ids
  await db.delete(objectionDocuments).where(inArray(objectionDocuments.objectionId, ids))
  await db
    .update(objections)
    .set({ contactSealed: null, erasedAt: nowMs })
    .where(inArray(objections.id, ids))
  return ids
}
