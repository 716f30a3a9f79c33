import type { CreditListEntry } from '../domain/credit-list.ts'
import type { CreditRecord } from '../domain/credit-record.ts'
import type { ListedSupervision } from '../domain/listed-supervision.ts'
import type { Penalty } from '../domain/penalty.ts'
import type { TypicalCase } from '../domain/typical-case.ts'
import type {
  creditListEntries,
  creditRecords,
  listedSupervisions,
  penalties,
  typicalCases,
} from '../schema/index.ts'
import type { Authority } from './reference-data.ts'

// Storage rows meet the public contract here, so a renamed column never changes published JSON.

function authorityOf(map: Map<number, Authority>, id: number): Authority {
  const a = map.get(id)
  if (!a) throw new Error(`authority ${id} missing`)
  return a
}

/** penalties row → Penalty. */
export function toPenalty(
  row: typeof penalties.$inferSelect,
  auth: Map<number, Authority>
): Penalty {
  const authority = authorityOf(auth, row.authorityId)
  const source = authorityOf(auth, row.dataSourceId)
  return {
    id: row.id,
    subjectId: row.subjectId,
    partyName: row.partyName,
    partyCategory: row.partyCategory,
    partyUscc: row.partyUscc,
    legalRepresentative: row.legalRepresentative,
    decisionNo: row.decisionNo,
    violationType: row.violationType,
    facts: row.facts,
    legalBasis: row.legalBasis,
    categories: row.categories as Penalty['categories'],
    content: row.content,
    fineFen: row.fineFen,
    confiscatedFen: row.confiscatedFen,
    licenceAffected: row.licenceAffected,
    decisionDate: row.decisionDate,
    validUntil: row.validUntil,
    authorityName: authority.name,
    authorityUscc: authority.uscc,
    dataSourceName: source.name,
    dataSourceUscc: source.uscc,
    remark: row.remark,
    severity: row.severity,
    ruleVersion: row.ruleVersion,
    repairableFrom: row.repairableFrom,
    publicUntil: row.publicUntil,
    repairedOn: row.repairedOn,
    districtCode: row.districtCode,
    projectId: row.projectId,
    status: row.status,
    withdrawal:
      row.withdrawnOn && row.withdrawalReason
        ? { on: row.withdrawnOn, reason: row.withdrawalReason }
        : null,
  }
}

/** credit_records row → CreditRecord. */
export function toCreditRecord(
  row: typeof creditRecords.$inferSelect,
  auth: Map<number, Authority>
): CreditRecord {
  return {
    id: row.id,
    subjectId: row.subjectId,
    kind: row.kind,
    category: row.category as CreditRecord['category'],
    title: row.title,
    content: row.content,
    authorityName: authorityOf(auth, row.authorityId).name,
    decisionNo: row.decisionNo,
    decisionDate: row.decisionDate,
    severity: row.severity,
    ruleVersion: row.ruleVersion,
    repairableFrom: row.repairableFrom,
    publicUntil: row.publicUntil,
    repairedOn: row.repairedOn,
    projectId: row.projectId,
    status: row.status,
  }
}

/** credit_list_entries row (+ subject name and district) → CreditListEntry. */
export function toCreditListEntry(
  row: typeof creditListEntries.$inferSelect,
  subject: { name: string; districtCode: string },
  auth: Map<number, Authority>
): CreditListEntry {
  return {
    id: row.id,
    subjectId: row.subjectId,
    subjectName: subject.name,
    districtCode: subject.districtCode,
    list: row.list,
    reason: row.reason,
    basis: row.basis,
    decisionNo: row.decisionNo,
    authorityName: authorityOf(auth, row.authorityId).name,
    decisionDate: row.decisionDate,
    validUntil: row.validUntil,
    measures: row.measures,
    removalRoute: row.removalRoute,
    removedOn: row.removedOn,
    removalReason: row.removalReason,
    status: row.status,
  }
}

/** typical_cases row → TypicalCase. */
export function toTypicalCase(
  row: typeof typicalCases.$inferSelect,
  names: { subjectName: string; projectName: string | null },
  auth: Map<number, Authority>
): TypicalCase {
  return {
    id: row.id,
    title: row.title,
    subjectId: row.subjectId,
    subjectName: names.subjectName,
    projectId: row.projectId,
    projectName: names.projectName,
    penaltyId: row.penaltyId,
    districtCode: row.districtCode,
    authorityName: authorityOf(auth, row.authorityId).name,
    publishedOn: row.publishedOn,
    background: row.background,
    violationFacts: row.violationFacts,
    legalBasis: row.legalBasis,
    outcome: row.outcome,
    status: row.status,
  }
}

/** listed_supervisions row → ListedSupervision. */
export function toListedSupervision(
  row: typeof listedSupervisions.$inferSelect,
  names: { projectName: string; subjectName: string | null },
  auth: Map<number, Authority>
): ListedSupervision {
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: names.projectName,
    subjectId: row.subjectId,
    subjectName: names.subjectName,
    districtCode: row.districtCode,
    violationType: row.violationType,
    problem: row.problem,
    authorityName: authorityOf(auth, row.authorityId).name,
    listedOn: row.listedOn,
    deadline: row.deadline,
    progress: row.progress,
    result: row.result,
    closedOutOn: row.closedOutOn,
    status: row.status,
  }
}
