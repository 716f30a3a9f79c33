import { creditListLabel, creditRecordKindLabel } from '../domain/labels.ts'
import type { Penalty } from '../domain/penalty.ts'
import { addDays, type IsoDate } from '../domain/dates.ts'
import { recordEventLabel, type RecordEvent } from '../domain/record-event.ts'
import type {
  creditListEntries,
  creditRecords,
  listedSupervisions,
  recordEvents,
  subjects,
  typicalCases,
} from '../schema/index.ts'

/** How far back the change feed reaches. */
const WINDOW_DAYS = 90

/**
 * One line of the public change feed: something appeared, changed or left public view. Copies of
 * the data elsewhere follow it to remove what was withdrawn, repaired or has expired.
 */
export type ChangeEntry = {
  on: IsoDate
  event: RecordEvent | 'expired'
  eventLabel: string
  objectType: string
  objectId: string
  title: string
  href: string | null
  reason: string | null
  districtCode: string | null
  subjectId: string | null
}

type Rows = {
  asOf: IsoDate
  events: (typeof recordEvents.$inferSelect)[]
  penalties: Penalty[]
  records: (typeof creditRecords.$inferSelect)[]
  listEntries: (typeof creditListEntries.$inferSelect)[]
  cases: (typeof typicalCases.$inferSelect)[]
  supervisions: (typeof listedSupervisions.$inferSelect & { projectName: string })[]
  subjects: Map<string, typeof subjects.$inferSelect>
}

/**
 * The change feed as of a date: the change-log lines of the last 90 days, plus expiries that
 * follow from end dates (no row records those). An entry names a record the way its own page
 * does after the change (a decision number, not a party, once a penalty has left view).
 */
export function changeEntries(r: Rows): ChangeEntry[] {
  const from = addDays(r.asOf, -WINDOW_DAYS)
  const penalty = new Map(r.penalties.map((p) => [String(p.id), p]))
  const record = new Map(r.records.map((x) => [String(x.id), x]))
  const entry = new Map(r.listEntries.map((x) => [String(x.id), x]))
  const kase = new Map(r.cases.map((x) => [String(x.id), x]))
  const supervision = new Map(r.supervisions.map((x) => [String(x.id), x]))
  const districtOf = (subjectId: string | null | undefined) =>
    (subjectId && r.subjects.get(subjectId)?.districtCode) || null

  const describe = (
    objectType: string,
    id: string
  ): Pick<ChangeEntry, 'title' | 'href' | 'districtCode' | 'subjectId'> | null | undefined => {
    if (objectType === 'penalty') {
      const p = penalty.get(id)
      return (
        p && {
          title: `行政处罚 ${p.decisionNo}`,
          href: `/penalties/${p.id}/`,
          districtCode: p.districtCode,
          subjectId: p.subjectId,
        }
      )
    }
    if (objectType === 'list_entry') {
      const e = entry.get(id)
      return e && r.subjects.has(e.subjectId)
        ? {
            title: `${creditListLabel[e.list]} ${e.decisionNo}`,
            href: null,
            districtCode: districtOf(e.subjectId),
            subjectId: e.subjectId,
          }
        : null
    }
    if (objectType === 'credit_record') {
      const x = record.get(id)
      return x && r.subjects.has(x.subjectId)
        ? {
            title: `${creditRecordKindLabel[x.kind]}：${x.title}`,
            href: null,
            districtCode: districtOf(x.subjectId),
            subjectId: x.subjectId,
          }
        : null
    }
    if (objectType === 'typical_case') {
      const c = kase.get(id)
      return (
        c && {
          title: `典型案例：${c.title}`,
          href: `/cases/${c.id}/`,
          districtCode: c.districtCode,
          subjectId: c.subjectId,
        }
      )
    }
    if (objectType === 'supervision') {
      const s = supervision.get(id)
      return (
        s && {
          title: `挂牌督办：${s.projectName}`,
          href: '/supervision/',
          districtCode: s.districtCode,
          subjectId: s.subjectId,
        }
      )
    }
    if (objectType === 'subject') {
      const s = r.subjects.get(id)
      return (
        s && {
          title: `主体基本信息：${s.name}`,
          href: `/enterprises/${s.id}/`,
          districtCode: s.districtCode,
          subjectId: s.id,
        }
      )
    }
    return null
  }

  // A dated record is public from its publication to its last day. One "published" after that
  // day was never on any page (issue 15: approved past its period): nothing about it is news,
  // neither the publication nor a later correction, withdrawal or expiry.
  const lastDay = (objectType: string, id: string): string | null =>
    (objectType === 'penalty'
      ? penalty.get(id)?.publicUntil
      : objectType === 'credit_record'
        ? record.get(id)?.publicUntil
        : objectType === 'list_entry'
          ? entry.get(id)?.validUntil
          : null) ?? null
  const publishedOn = new Map<string, string>()
  for (const e of r.events)
    if (e.event === 'published') publishedOn.set(`${e.objectType}:${e.objectId}`, e.onDate)
  const wasPublic = (objectType: string, id: string) => {
    const last = lastDay(objectType, id)
    const published = publishedOn.get(`${objectType}:${id}`)
    return !last || !published || published <= last
  }

  const out: ChangeEntry[] = []
  for (const e of r.events) {
    if (e.onDate < from || e.onDate > r.asOf) continue
    if (!wasPublic(e.objectType, e.objectId)) continue
    const about = describe(e.objectType, e.objectId)
    if (!about) continue
    out.push({
      on: e.onDate,
      event: e.event,
      eventLabel: recordEventLabel[e.event],
      objectType: e.objectType,
      objectId: e.objectId,
      reason: e.reason,
      ...about,
    })
  }
  // Expiry: the day after the last public day, for records that were not withdrawn or repaired.
  const expired = (objectType: string, id: number, lastDay: string | null) => {
    if (!lastDay) return
    const on = addDays(lastDay, 1)
    if (on < from || on > r.asOf) return
    if (!wasPublic(objectType, String(id))) return
    const about = describe(objectType, String(id))
    if (!about) return
    out.push({
      on,
      event: 'expired',
      eventLabel: '期满停止公示',
      objectType,
      objectId: String(id),
      reason: null,
      ...about,
    })
  }
  for (const p of r.penalties)
    if (p.status === 'published' && !p.repairedOn) expired('penalty', p.id, p.publicUntil)
  for (const x of r.records)
    if (x.status === 'published' && !x.repairedOn) expired('credit_record', x.id, x.publicUntil)
  for (const e of r.listEntries)
    if (e.status === 'published' && !e.removedOn) expired('list_entry', e.id, e.validUntil)
  return out.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))
}
