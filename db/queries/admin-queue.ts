import { and, eq, inArray } from 'drizzle-orm'
import { changeActionLabel, changeTargetLabel } from '../domain/correction.ts'
import type { Db } from '../client.ts'
import {
  changeRequests,
  creditListEntries,
  creditRecords,
  listedSupervisions,
  penalties,
  projects,
  subjects,
  typicalCases,
  users,
} from '../schema/index.ts'

/** One record waiting in the workflow (draft or submitted), whatever its kind. */
export type QueueItem = {
  kind: 'penalty' | 'listEntry' | 'creditRecord' | 'typicalCase' | 'supervision' | 'change'
  id: number
  title: string
  status: 'draft' | 'submitted'
  districtCode: string
  createdBy: number | null
  createdByName: string | null
  rejectionReason: string | null
}

const OPEN = ['draft', 'submitted'] as const

/**
 * 工作台 queues: every draft and submitted record of every kind inside the district scope
 * (null = whole city), with the author's name, so the console can show what awaits whom.
 */
export async function listWorkQueue(db: Db, district: string | null): Promise<QueueItem[]> {
  const [p, l, r, c, s, ch, people] = await Promise.all([
    db
      .select({
        id: penalties.id,
        title: penalties.decisionNo,
        name: penalties.partyName,
        status: penalties.status,
        districtCode: penalties.districtCode,
        createdBy: penalties.createdBy,
        rejectionReason: penalties.rejectionReason,
      })
      .from(penalties)
      .where(inArray(penalties.status, OPEN)),
    db
      .select({
        id: creditListEntries.id,
        title: creditListEntries.decisionNo,
        name: subjects.name,
        status: creditListEntries.status,
        districtCode: subjects.districtCode,
        createdBy: creditListEntries.createdBy,
        rejectionReason: creditListEntries.rejectionReason,
      })
      .from(creditListEntries)
      .innerJoin(subjects, eq(subjects.id, creditListEntries.subjectId))
      .where(inArray(creditListEntries.status, OPEN)),
    db
      .select({
        id: creditRecords.id,
        title: creditRecords.title,
        name: subjects.name,
        status: creditRecords.status,
        districtCode: subjects.districtCode,
        createdBy: creditRecords.createdBy,
        rejectionReason: creditRecords.rejectionReason,
      })
      .from(creditRecords)
      .innerJoin(subjects, eq(subjects.id, creditRecords.subjectId))
      .where(inArray(creditRecords.status, OPEN)),
    db
      .select({
        id: typicalCases.id,
        title: typicalCases.title,
        name: subjects.name,
        status: typicalCases.status,
        districtCode: typicalCases.districtCode,
        createdBy: typicalCases.createdBy,
        rejectionReason: typicalCases.rejectionReason,
      })
      .from(typicalCases)
      .innerJoin(subjects, eq(subjects.id, typicalCases.subjectId))
      .where(inArray(typicalCases.status, OPEN)),
    db
      .select({
        id: listedSupervisions.id,
        title: listedSupervisions.problem,
        name: projects.name,
        status: listedSupervisions.status,
        districtCode: listedSupervisions.districtCode,
        createdBy: listedSupervisions.createdBy,
        rejectionReason: listedSupervisions.rejectionReason,
      })
      .from(listedSupervisions)
      .innerJoin(projects, eq(projects.id, listedSupervisions.projectId))
      .where(inArray(listedSupervisions.status, OPEN)),
    db
      .select({ row: changeRequests, name: subjects.name })
      .from(changeRequests)
      .leftJoin(
        subjects,
        and(eq(changeRequests.targetKind, 'subject'), eq(subjects.id, changeRequests.targetId))
      )
      .where(inArray(changeRequests.status, OPEN)),
    db.select({ id: users.id, username: users.username }).from(users),
  ])
  const nameOf = new Map(people.map((u) => [u.id, u.username]))
  const tag = (kind: QueueItem['kind'], rows: typeof p) =>
    rows.map((row) => ({
      kind,
      id: row.id,
      title: `${row.title} · ${row.name}`,
      status: row.status as QueueItem['status'],
      districtCode: row.districtCode,
      createdBy: row.createdBy,
      createdByName: row.createdBy === null ? null : (nameOf.get(row.createdBy) ?? null),
      rejectionReason: row.rejectionReason,
    }))
  return [
    ...tag('penalty', p),
    ...tag('listEntry', l),
    ...tag('creditRecord', r),
    ...tag('typicalCase', c),
    ...tag('supervision', s),
    ...tag(
      'change',
      ch.map(({ row, name }) => ({
        ...row,
        title: changeActionLabel[row.action],
        name:
          row.action === 'create'
            ? String(row.values?.name ?? row.targetId)
            : `${changeTargetLabel[row.targetKind]} ${name ?? `编号 ${row.targetId}`}`,
      }))
    ),
  ].filter((item) => district === null || item.districtCode === district)
}
