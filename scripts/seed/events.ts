import { addDays } from '../../db/domain/dates.ts'
import type { FieldChange } from '../../db/domain/correction.ts'
import type { RecordEvent } from '../../db/domain/record-event.ts'
import type { World } from './world.ts'

type Line = {
  objectType: string
  id: number
  subjectId: string | null | undefined
  event: RecordEvent
  onDate: string
  reason?: string | null
  changes?: FieldChange[]
}

function add(w: World, line: Line) {
  w.data.recordEvents.push({
    objectType: line.objectType,
    objectId: String(line.id),
    subjectId: line.subjectId ?? null,
    event: line.event,
    onDate: line.onDate,
    reason: line.reason ?? null,
    changes: line.changes ?? null,
    createdAt: new Date(`${line.onDate}T09:00:00+08:00`),
  })
}

/**
 * The public change log for everything the earlier phases published, as the workflow would have
 * written it: published a few days after the decision (within the 7-working-day duty), then
 * withdrawn or removed where that happened. One penalty also carries a 更正, so the demo shows
 * what a corrected record looks like. Runs last: it reads every other phase's rows.
 */
export function addRecordEvents(w: World): void {
  const publishedOn = (date: string) => {
    const d = addDays(date, 3)
    return d > w.today ? w.today : d
  }
  const published = (objectType: string, id: number, subjectId: Line['subjectId'], on: string) =>
    add(w, { objectType, id, subjectId, event: 'published', onDate: on })
  w.data.penalties.forEach((p, i) => {
    if (p.status === 'draft') return
    published('penalty', i + 1, p.subjectId, publishedOn(p.decisionDate))
    if (p.withdrawnOn) {
      add(w, {
        objectType: 'penalty',
        id: i + 1,
        subjectId: p.subjectId,
        event: 'withdrawn',
        onDate: p.withdrawnOn,
        reason: p.withdrawalReason,
      })
    }
  })
  w.data.creditRecords.forEach((r, i) =>
    published('credit_record', i + 1, r.subjectId, publishedOn(r.decisionDate))
  )
  w.data.creditListEntries.forEach((e, i) =>
    published('list_entry', i + 1, e.subjectId, publishedOn(e.decisionDate))
  )
  w.data.typicalCases.forEach((c, i) =>
    published('typical_case', i + 1, c.subjectId, c.publishedOn)
  )
  w.data.listedSupervisions.forEach((s, i) =>
    published('supervision', i + 1, s.subjectId, publishedOn(s.listedOn))
  )
  addCorrection(w)
}

/** The first published penalty with a fine had its amount corrected ten days after the decision. */
function addCorrection(w: World): void {
  const index = w.data.penalties.findIndex(
    (p) => p.status === 'published' && p.fineFen && p.decisionDate <= addDays(w.today, -30)
  )
  if (index < 0) return
  const p = w.data.penalties[index]!
  const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN')} 元`
  const to = p.fineFen!
  const from = to + 100_000
  add(w, {
    objectType: 'penalty',
    id: index + 1,
    subjectId: p.subjectId,
    event: 'corrected',
    onDate: addDays(p.decisionDate, 10),
    reason: '公示的罚款金额与处罚决定书不一致，依决定书更正。',
    changes: [
      {
        field: 'fineYuan',
        label: '罚款金额（元）',
        from: from / 100,
        to: to / 100,
        fromText: yuan(from),
        toText: yuan(to),
      },
    ],
  })
}
