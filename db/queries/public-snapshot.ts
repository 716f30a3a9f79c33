import { eq, inArray } from 'drizzle-orm'
import { buildTimeline, listStatusOf, type CreditFile } from '../domain/credit-file.ts'
import { isCurrentListEntry, type CreditListEntry } from '../domain/credit-list.ts'
import type { CreditRecord } from '../domain/credit-record.ts'
import type { IsoDate } from '../domain/dates.ts'
import type { District } from '../domain/district.ts'
import type { ListedSupervision } from '../domain/listed-supervision.ts'
import type { Penalty } from '../domain/penalty.ts'
import type { Project } from '../domain/project.ts'
import type { Subject, SubjectSummary } from '../domain/subject.ts'
import type { TypicalCase } from '../domain/typical-case.ts'
import { isPubliclyVisible } from '../domain/visibility.ts'
import type { ReadDb } from '../read-db.ts'
import { loadPublicCampaign, type PublicCampaign } from './campaign.ts'
import { openObjectionDates, substantiatedComplaints } from './complaint-stats.ts'
import {
  creditListEntries,
  creditRecords,
  listedSupervisions,
  penalties,
  projectManagements,
  projects,
  recordEvents,
  subjects,
  typicalCases,
} from '../schema/index.ts'
import {
  toCreditListEntry,
  toCreditRecord,
  toListedSupervision,
  toPenalty,
  toTypicalCase,
} from './mappers.ts'
import { getJurisdiction, isDemoData, listDistricts, mapAuthorities } from './reference-data.ts'
import type { Jurisdiction } from '../domain/jurisdiction.ts'
import { creditListLabel, creditRecordKindLabel } from '../domain/labels.ts'
import { rateCompany } from '../domain/rating.ts'
import { changeEntries, type ChangeEntry } from './change-entries.ts'
import { rewindRows } from './rewind.ts'
import type { ChangeLogLine } from '../domain/record-event.ts'

/**
 * A penalty page's state: full record, withdrawn notice, or a bare notice once its publicity
 * ended — by reaching its end date (已期满) or by an approved credit repair (已信用修复).
 */
type PenaltyKey = { id: number; decisionNo: string }
export type PenaltyPage =
  | (PenaltyKey & {
      state: 'public' | 'withdrawn'
      penalty: Penalty
      changeLog: ChangeLogLine[]
      /** 异议处理中: the date an open objection to it was received (ADR 018), else null. */
      objectionSince: IsoDate | null
    })
  | (PenaltyKey & { state: 'expired' | 'repaired' })

/** A case page: the case, or the withdrawal notice that replaces it. */
export type CasePage =
  | {
      state: 'public'
      typicalCase: TypicalCase
      changeLog: ChangeLogLine[]
      objectionSince: IsoDate | null
    }
  | {
      state: 'withdrawn'
      typicalCase: TypicalCase
      withdrawal: { on: IsoDate; reason: string }
      changeLog: ChangeLogLine[]
    }

/**
 * 公示快照 — everything public on `asOf`, read with one query per table. It is the single data
 * module behind every public page and the public API, so the date rules are applied in one place.
 */
export type PublicSnapshot = {
  asOf: IsoDate
  demoData: boolean
  jurisdiction: Jurisdiction
  districts: District[]
  subjects: SubjectSummary[]
  creditFiles: CreditFile[]
  penalties: Penalty[]
  penaltyPages: PenaltyPage[]
  listEntries: CreditListEntry[]
  cases: TypicalCase[]
  casePages: CasePage[]
  supervisions: ListedSupervision[]
  /** 专项整治: phases, per-district figures, observation projects (the /campaign/ page). */
  campaign: PublicCampaign
  /** The change feed: publications, corrections, withdrawals, removals, repairs and expiries. */
  changes: ChangeEntry[]
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = map.get(k)
    if (list) list.push(item)
    else map.set(k, [item])
  }
  return map
}

const byDateDesc =
  <T>(date: (x: T) => string) =>
  (a: T, b: T) =>
    date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : 0

/** What the full-text search is built from (site/lib/search-records.ts), known before the rest. */
export type SearchablePart = Pick<PublicSnapshot, 'penalties' | 'cases' | 'districts'>

/**
 * Load the public snapshot as of a calendar date (Asia/Shanghai). `onSearchable` is called with
 * the snapshot's own penalties, cases and districts as soon as they are known, before the
 * tables only credit files need are read: a build starts Pagefind, its longest phase, on them
 * (at 100,000 subjects ≈ 1.5 s into a 5–6 s load). Not called for a past date (`rewind`), whose
 * rows are known only with every event.
 */
export async function loadPublicSnapshot(
  db: ReadDb,
  asOf: IsoDate,
  opts: { rewind?: boolean; onSearchable?: (part: SearchablePart) => void } = {}
): Promise<PublicSnapshot> {
  const published = 'published' as const
  const ever = ['published', 'withdrawn'] as const
  const events = () => db.select().from(recordEvents).orderBy(recordEvents.onDate, recordEvents.id)
  // What penalties and cases need comes first (with every event only to rewind them).
  const [
    jurisdiction,
    auth,
    districtList,
    demoData,
    allSubjectRows,
    projectRows,
    penaltyRowsNow,
    caseRowsNow,
    eventsFirst,
  ] = await Promise.all([
    getJurisdiction(db),
    mapAuthorities(db),
    listDistricts(db),
    isDemoData(db),
    db.select().from(subjects).where(eq(subjects.status, published)),
    db.select().from(projects).where(eq(projects.status, published)),
    db.select().from(penalties),
    db.select().from(typicalCases).where(inArray(typicalCases.status, ever)),
    opts.rewind ? events() : null,
  ])
  // For a past date (the history API), undo what happened after it; the site uses today's rows.
  const at = <T extends { id: number | string; status: string }>(type: string, rows: T[]) =>
    opts.rewind ? (rewindRows(type, rows as never, eventsFirst!, asOf) as unknown as T[]) : rows
  const subjectRows = at('subject', allSubjectRows).filter((s) => s.status === published)
  const penaltyRows = at('penalty', penaltyRowsNow)
  const caseRows = at('typical_case', caseRowsNow).filter(
    (r) => r.status === 'published' || r.status === 'withdrawn'
  )
  const subjectById = new Map(subjectRows.map((s) => [s.id, s]))
  const projectById = new Map(projectRows.map((p) => [p.id, p]))

  // Only decisions that were ever public get a page: published or withdrawn, of a public
  // subject, with a publicity window (轻微 has none and is never published).
  const allPenalties = penaltyRows
    .filter(
      (r) =>
        (r.status === 'published' || r.status === 'withdrawn') &&
        r.publicUntil !== null &&
        subjectById.has(r.subjectId)
    )
    .map((r) => toPenalty(r, auth))
  const visiblePenalties = allPenalties
    .filter((p) => isPubliclyVisible(p, asOf))
    .sort(byDateDesc((p) => p.decisionDate))
  const allCases = caseRows
    .filter((r) => subjectById.has(r.subjectId))
    .map((r) =>
      toTypicalCase(
        r,
        {
          subjectName: subjectById.get(r.subjectId)!.name,
          projectName: r.projectId ? (projectById.get(r.projectId)?.name ?? null) : null,
        },
        auth
      )
    )
    .sort(byDateDesc((c) => c.publishedOn))
  const cases = allCases.filter((c) => c.status === 'published')
  if (!opts.rewind)
    opts.onSearchable?.({ penalties: visiblePenalties, cases, districts: districtList })

  const [managementRows, recordRowsNow, listRowsNow, supervisionRowsNow, allEvents] =
    await Promise.all([
      db.select().from(projectManagements),
      db.select().from(creditRecords).where(inArray(creditRecords.status, ever)),
      db.select().from(creditListEntries).where(inArray(creditListEntries.status, ever)),
      db.select().from(listedSupervisions).where(inArray(listedSupervisions.status, ever)),
      eventsFirst ?? events(),
    ])
  const eventRows = opts.rewind ? allEvents.filter((e) => e.onDate <= asOf) : allEvents
  const recordRows = at('credit_record', recordRowsNow).filter((r) => r.status === published)
  const listRows = at('list_entry', listRowsNow).filter((r) => r.status === published)
  const supervisionRows = at('supervision', supervisionRowsNow).filter(
    (r) => r.status === published
  )
  const changeLogOf = changeLogIndex(eventRows)

  const managementsByProject = groupBy(managementRows, (m) => m.projectId)

  const allProjects: Project[] = projectRows.map((p) => ({
    id: p.id,
    name: p.name,
    districtCode: p.districtCode,
    address: p.address,
    households: p.households,
    developerId: p.developerId,
    developerName: p.developerId ? (subjectById.get(p.developerId)?.name ?? null) : null,
    completedOn: p.completedOn,
    managements: (managementsByProject.get(p.id) ?? [])
      .filter((m) => subjectById.has(m.companyId))
      .map((m) => ({
        companyId: m.companyId,
        companyName: subjectById.get(m.companyId)!.name,
        since: m.since,
        until: m.until,
      }))
      .sort(byDateDesc((m) => m.since)),
  }))

  // 异议处理中 (ADR 018): open objections received by the snapshot's date, earliest per record.
  const objectionSince = await openObjectionDates(db, asOf, opts.rewind)
  const since = (type: string, id: string | number) => objectionSince.get(`${type}:${id}`) ?? null
  const penaltyPages: PenaltyPage[] = allPenalties.map((p) => {
    const key = { id: p.id, decisionNo: p.decisionNo }
    const changeLog = changeLogOf('penalty', p.id, p.authorityName)
    if (p.status === 'withdrawn')
      return { ...key, state: 'withdrawn', penalty: p, changeLog, objectionSince: null }
    if (isPubliclyVisible(p, asOf))
      return {
        ...key,
        state: 'public',
        penalty: p,
        changeLog,
        objectionSince: since('penalty', p.id),
      }
    // Ended: only the decision number survives (conventions: 已期满停止公示).
    if (p.repairedOn && p.repairedOn <= asOf) return { ...key, state: 'repaired' }
    return { ...key, state: 'expired' }
  })

  const records: CreditRecord[] = recordRows
    .map((r) => toCreditRecord(r, auth))
    .filter((r) => r.kind === 'good' || isPubliclyVisible(r, asOf))
  const listEntries = listRows
    .filter((r) => subjectById.has(r.subjectId))
    .map((r) => toCreditListEntry(r, subjectById.get(r.subjectId)!, auth))
    .filter((e) => isCurrentListEntry(e, asOf))
    .sort(byDateDesc((e) => e.decisionDate))
  // A withdrawn case keeps its URL with the published reason; the lists no longer show it.
  const caseRowById = new Map(caseRows.map((r) => [r.id, r]))
  const casePages: CasePage[] = allCases.map((c) => {
    const row = caseRowById.get(c.id)!
    return c.status === 'withdrawn'
      ? {
          state: 'withdrawn',
          typicalCase: c,
          withdrawal: { on: row.withdrawnOn ?? c.publishedOn, reason: row.withdrawalReason ?? '' },
          changeLog: changeLogOf('typical_case', c.id, c.authorityName),
        }
      : {
          state: 'public',
          typicalCase: c,
          changeLog: changeLogOf('typical_case', c.id, c.authorityName),
          objectionSince: since('typical_case', c.id),
        }
  })
  const supervisions = supervisionRows
    .filter((r) => projectById.has(r.projectId))
    // An unpublished responsible subject is neither named nor linked.
    .map((r) => (r.subjectId && !subjectById.has(r.subjectId) ? { ...r, subjectId: null } : r))
    .map((r) =>
      toListedSupervision(
        r,
        {
          projectName: projectById.get(r.projectId)!.name,
          subjectName: r.subjectId ? (subjectById.get(r.subjectId)?.name ?? null) : null,
        },
        auth
      )
    )
    .sort(byDateDesc((s) => s.listedOn))

  const publicProjectById = new Map(allProjects.map((p) => [p.id, p]))
  const withdrawnBySubject = groupBy(
    allPenalties.filter((p) => p.status === 'withdrawn'),
    (p) => p.subjectId
  )
  const penaltiesBySubject = groupBy(visiblePenalties, (p) => p.subjectId)
  const recordsBySubject = groupBy(records, (r) => r.subjectId)
  const listBySubject = groupBy(listEntries, (e) => e.subjectId)
  const casesBySubject = groupBy(cases, (c) => c.subjectId)
  const supervisionsBySubject = groupBy(supervisions, (s) => s.subjectId)
  const projectsByCompany = new Map<string, Project[]>()
  for (const project of allProjects) {
    const related = new Set(project.managements.map((m) => m.companyId))
    if (project.developerId) related.add(project.developerId)
    for (const id of related) {
      const list = projectsByCompany.get(id) ?? []
      list.push(project)
      projectsByCompany.set(id, list)
    }
  }

  const substantiated = await substantiatedComplaints(db, asOf)
  const creditFiles: CreditFile[] = subjectRows.map((row) => {
    const subject: Subject = {
      id: row.id,
      uscc: row.uscc,
      kind: row.kind,
      name: row.name,
      districtCode: row.districtCode,
      legalRepresentative: row.legalRepresentative,
      address: row.address,
      establishedOn: row.establishedOn,
      registeredCapitalWan: row.registeredCapitalWan,
      projectId: row.projectId,
      termEndsOn: row.termEndsOn,
    }
    const ownProject = row.projectId ? publicProjectById.get(row.projectId) : undefined
    const parts = {
      subject,
      asOf,
      listEntries: listBySubject.get(row.id) ?? [],
      penalties: penaltiesBySubject.get(row.id) ?? [],
      records: (recordsBySubject.get(row.id) ?? []).sort(byDateDesc((r) => r.decisionDate)),
      projects: projectsByCompany.get(row.id) ?? (ownProject ? [ownProject] : []),
      cases: casesBySubject.get(row.id) ?? [],
      supervisions: supervisionsBySubject.get(row.id) ?? [],
    }
    return {
      ...parts,
      rating: row.kind === 'property_company' ? rateCompany(parts) : null,
      listStatus: listStatusOf(parts.listEntries),
      timeline: buildTimeline(parts),
      history: subjectHistory(row.id, parts, withdrawnBySubject.get(row.id) ?? [], changeLogOf),
      complaintsSubstantiated: substantiated.get(row.id) ?? 0,
      objectionsOpen: Object.fromEntries(
        [
          ['subject', row.id],
          ...parts.penalties.map((p) => ['penalty', p.id]),
          ...parts.listEntries.map((e) => ['list_entry', e.id]),
          ...parts.records.map((r) => ['credit_record', r.id]),
        ]
          .map(([type, id]) => [`${type}:${id}`, since(String(type), String(id))])
          .filter(([, date]) => date !== null)
      ),
    }
  })
  creditFiles.sort((a, b) => a.subject.name.localeCompare(b.subject.name, 'zh-CN'))

  const summaries: SubjectSummary[] = creditFiles.map((f) => ({
    id: f.subject.id,
    uscc: f.subject.uscc,
    kind: f.subject.kind,
    name: f.subject.name,
    districtCode: f.subject.districtCode,
    listStatus: f.listStatus,
    grade: f.rating?.grade ?? null,
    penaltyCount: f.penalties.length,
    projectCount: f.projects.length,
  }))

  const changes = changeEntries({
    asOf,
    events: eventRows,
    penalties: allPenalties,
    records: recordRows,
    listEntries: listRows,
    cases: caseRows.filter((c) => subjectById.has(c.subjectId)),
    supervisions: supervisionRows
      .filter((s) => projectById.has(s.projectId))
      .map((s) => ({ ...s, projectName: projectById.get(s.projectId)!.name })),
    subjects: subjectById,
  })

  return {
    asOf,
    changes,
    demoData,
    jurisdiction,
    districts: districtList,
    subjects: summaries,
    creditFiles,
    penalties: visiblePenalties,
    penaltyPages,
    listEntries,
    cases,
    casePages,
    supervisions,
    campaign: await loadPublicCampaign(db, asOf, districtList, opts.rewind),
  }
}

/** A record's lines; `authority` is the body responsible for it, named on each line. */
type ChangeLogOf = (objectType: string, id: string | number, authority?: string) => ChangeLogLine[]

/** Change-log lines of each record, oldest first, looked up by object type and id. */
function changeLogIndex(rows: (typeof recordEvents.$inferSelect)[]): ChangeLogOf {
  const byObject = groupBy(rows, (r) => `${r.objectType}:${r.objectId}`)
  return (objectType, id, authority) =>
    (byObject.get(`${objectType}:${id}`) ?? []).map((r) => ({
      event: r.event,
      authority: authority ?? null,
      on: r.onDate,
      reason: r.reason,
      changes: (r.changes ?? []).map(({ label, fromText, toText }) => ({
        label,
        fromText,
        toText,
      })),
    }))
}

/**
 * A subject's history: the change-log lines of its basic information and of every record that is
 * on a public surface today (withdrawn penalties keep their notice page). Lines of expired
 * records are left out with the records themselves. Newest first.
 */
function subjectHistory(
  subjectId: string,
  parts: Pick<CreditFile, 'penalties' | 'records' | 'listEntries' | 'cases' | 'supervisions'>,
  withdrawn: Penalty[],
  changeLogOf: ChangeLogOf
): ChangeLogLine[] {
  const about = (
    objectType: string,
    record: { id: string | number; authorityName?: string },
    text: string,
    href?: string
  ) =>
    changeLogOf(objectType, record.id, record.authorityName).map((line) => ({
      ...line,
      about: text,
      href,
    }))
  const lines = [
    ...about('subject', { id: subjectId }, '基本信息'),
    ...[...parts.penalties, ...withdrawn].flatMap((p) =>
      about('penalty', p, `行政处罚 ${p.decisionNo}`, `/penalties/${p.id}/`)
    ),
    ...parts.records.flatMap((r) =>
      about('credit_record', r, `${creditRecordKindLabel[r.kind]}：${r.title}`)
    ),
    ...parts.listEntries.flatMap((e) =>
      about('list_entry', e, `${creditListLabel[e.list]} ${e.decisionNo}`)
    ),
    ...parts.cases.flatMap((c) =>
      about('typical_case', c, `典型案例：${c.title}`, `/cases/${c.id}/`)
    ),
    ...parts.supervisions.flatMap((s) => about('supervision', s, `挂牌督办：${s.projectName}`)),
  ]
  return lines.sort(byDateDesc((l) => l.on))
}
