import { changeColumns, targetOfObjectType } from '../domain/correction.ts'
import type { IsoDate } from '../domain/dates.ts'
import { publicityWindow, ruleVersionFor, type Severity } from '../domain/severity.ts'
import type { recordEvents } from '../schema/index.ts'

type Event = typeof recordEvents.$inferSelect
type Row = { id: number | string; status: string } & Record<string, unknown>

/**
 * Rows as they stood at the end of `asOf`: undo, newest first, every change-log line dated after
 * it — a later correction gets its old values back (and the publicity window they implied), a
 * later withdrawal, removal or repair is undone, and a record published later is not yet public.
 * The history API uses this (`?asOf=`); the site is always built from today's rows.
 */
export function rewindRows<T extends Row>(
  objectType: string,
  rows: T[],
  events: Event[],
  asOf: IsoDate
): T[] {
  const later = new Map<string, Event[]>()
  for (const e of events) {
    if (e.objectType !== objectType || e.onDate <= asOf) continue
    const list = later.get(e.objectId) ?? []
    list.push(e)
    later.set(e.objectId, list)
  }
  if (!later.size) return rows
  return rows.map((row) => {
    const undo = later.get(String(row.id))
    if (!undo) return row
    const copy: Record<string, unknown> = { ...row }
    for (const e of [...undo].sort((a, b) => (a.onDate < b.onDate ? 1 : -1) || b.id - a.id)) {
      if (e.event === 'published') copy.status = 'draft'
      if (e.event === 'withdrawn') {
        copy.status = 'published'
        copy.withdrawnOn = null
        copy.withdrawalReason = null
        if (objectType === 'list_entry') copy.removedOn = null
      }
      if (e.event === 'removed') {
        copy.removedOn = null
        copy.removalReason = null
      }
      if (e.event === 'repaired') copy.repairedOn = null
      if (e.event === 'corrected' && e.changes) {
        const back = e.changes.map((c) => ({ ...c, to: c.from }))
        Object.assign(copy, changeColumns(targetOfObjectType[objectType]!, back))
        const moved = e.changes.some((c) => c.field === 'decisionDate' || c.field === 'severity')
        if (moved && typeof copy.decisionDate === 'string' && copy.severity) {
          const window = publicityWindow(copy.decisionDate, copy.severity as Severity)
          copy.ruleVersion = ruleVersionFor(copy.decisionDate)
          copy.repairableFrom = window?.repairableFrom ?? null
          copy.publicUntil = window?.publicUntil ?? null
        }
      }
    }
    return copy as T
  })
}
