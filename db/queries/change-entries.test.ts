import { describe, expect, it } from 'vitest'
import type { Penalty } from '../domain/penalty.ts'
import { changeEntries } from './change-entries.ts'

/** A published 一般 penalty whose last public day is `publicUntil`. */
const penalty = (id: number, publicUntil: string): Penalty =>
  ({
    id,
    subjectId: 'S1',
    decisionNo: `兴住建罚决〔2025〕${id}号`,
    districtCode: '211103',
    publicUntil,
    repairedOn: null,
    status: 'published',
  }) as Penalty

const published = (id: number, onDate: string) => ({
  id,
  objectType: 'penalty',
  objectId: String(id),
  subjectId: 'S1',
  event: 'published' as const,
  onDate,
  reason: null,
  changes: null,
  createdAt: new Date(),
})

const feed = (asOf: string, p: Penalty[], events: ReturnType<typeof published>[]) =>
  changeEntries({
    asOf,
    events,
    penalties: p,
    records: [],
    listEntries: [],
    cases: [],
    supervisions: [],
    subjects: new Map(),
  }).map((e) => `${e.on} ${e.eventLabel} ${e.objectId}`)

describe('the change feed and records that were never public', () => {
  it('announces a penalty approved on its last public day, then its expiry', () => {
    expect(feed('2026-11-28', [penalty(1, '2026-11-27')], [published(1, '2026-11-27')])).toEqual([
      '2026-11-28 期满停止公示 1',
      '2026-11-27 公示 1',
    ])
  })

  it('announces neither the publication nor the expiry of one approved after it', () => {
    // Approved before the rule existed: its period had ended the day before.
    expect(feed('2026-11-28', [penalty(2, '2026-11-26')], [published(2, '2026-11-27')])).toEqual([])
  })
})
