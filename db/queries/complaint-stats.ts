import { and, eq, inArray, lte } from 'drizzle-orm'
import type { ReadDb } from '../read-db.ts'
import { addMonths, type IsoDate } from '../domain/dates.ts'
import { COMPLAINT_RULES } from '../domain/complaint.ts'
import { complaints, objections } from '../schema/index.ts'

/**
 * What the public learns about complaints (issue 17): counts only — per district, and per company
 * the complaints closed as 查实 in the last 12 months. Never a complaint's text or anyone's
 * details; those stay in the console.
 */
export type ComplaintFigures = {
  districtCode: string
  districtName: string
  received: number
  accepted: number
  closed: number
  closedOnTime: number
}

/** The end of `asOf` in Beijing time, as epoch ms: what was submitted by then counts. */
const endOf = (asOf: IsoDate) => Date.parse(`${asOf}T23:59:59.999+08:00`)

export async function complaintFigures(
  db: ReadDb,
  asOf: IsoDate,
  districts: { code: string; name: string }[],
  rewind = false
): Promise<ComplaintFigures[]> {
  // The site shows the current state; the history API (rewind) what was known by `asOf`.
  const end = rewind ? endOf(asOf) : Number.MAX_SAFE_INTEGER
  const rows = await db
    .select({
      districtCode: complaints.districtCode,
      status: complaints.status,
      acceptedAt: complaints.acceptedAt,
      closedAt: complaints.closedAt,
    })
    .from(complaints)
    .where(lte(complaints.submittedAt, end))
  const day = 86_400_000
  return districts.map((d) => {
    const mine = rows.filter((r) => r.districtCode === d.code)
    const accepted = mine.filter((r) => r.acceptedAt !== null && r.acceptedAt <= end)
    const closed = accepted.filter((r) => r.status === 'closed' && r.closedAt! <= end)
    return {
      districtCode: d.code,
      districtName: d.name,
      received: mine.length,
      accepted: accepted.length,
      closed: closed.length,
      closedOnTime: closed.filter(
        (r) => r.closedAt! <= r.acceptedAt! + COMPLAINT_RULES.closeWithinDays * day
      ).length,
    }
  })
}

/** Per company: complaints closed as 查实 within the 12 months up to `asOf`. */
export async function substantiatedComplaints(db: ReadDb, asOf: IsoDate) {
  const end = endOf(asOf)
  const from = Date.parse(`${addMonths(asOf, -12)}T00:00:00+08:00`)
  const rows = await db
    .select({ subjectId: complaints.subjectId, closedAt: complaints.closedAt })
    .from(complaints)
    .where(and(eq(complaints.status, 'closed'), eq(complaints.substantiated, true)))
  const counts = new Map<string, number>()
  for (const r of rows)
    if (r.subjectId && r.closedAt! > from && r.closedAt! <= end)
      counts.set(r.subjectId, (counts.get(r.subjectId) ?? 0) + 1)
  return counts
}

/**
 * 异议处理中 (ADR 018): records with an objection still open on `asOf`, keyed `type:id`, with the
 * Beijing date the earliest open one was received. The date only — never who objected or why.
 */
export async function openObjectionDates(db: ReadDb, asOf: IsoDate, rewind = false) {
  const rows = await db
    .select({
      recordType: objections.recordType,
      recordId: objections.recordId,
      submittedAt: objections.submittedAt,
    })
    .from(objections)
    .where(
      and(
        inArray(objections.status, ['submitted', 'accepted', 'in_progress']),
        lte(objections.submittedAt, rewind ? endOf(asOf) : Number.MAX_SAFE_INTEGER)
      )
    )
  const since = new Map<string, IsoDate>()
  for (const r of rows) {
    const key = `${r.recordType}:${r.recordId}`
    const day = new Date(r.submittedAt + 8 * 3600_000).toISOString().slice(0, 10)
    if (!since.has(key) || day < since.get(key)!) since.set(key, day)
  }
  return since
}
