import { addDays } from '../../db/domain/dates.ts'
import type { PenaltyCategory } from '../../db/domain/penalty.ts'
import { publicityWindow, ruleVersionFor, type Severity } from '../../db/domain/severity.ts'
import { violationTypesFor } from '../../db/domain/violation-type.ts'
import * as W from './words.ts'
import type { World } from './world.ts'

const CONTENT: Record<Severity, (fineYuan: number) => string> = {
  minor: () => '警告，责令限期改正。',
  general: (fine) => `警告，罚款人民币${fine}元，责令限期改正。`,
  serious: (fine) => `罚款人民币${fine}元，责令限期改正，六个月内限制承接新的物业服务项目。`,
}
const CATEGORIES: Record<Severity, PenaltyCategory[]> = {
  minor: ['warning'],
  general: ['warning', 'fine'],
  serious: ['fine', 'business_restriction'],
}

/**
 * 行政处罚 against companies (35 %) and developers (25 %), over the last ~3 years so that some have
 * passed their 公示期限. Facts and bases follow the seed plan's violation items.
 */
export function addPenalties(w: World): void {
  for (const kind of ['property_company', 'developer'] as const) {
    const violations = violationTypesFor(kind)
    for (const subject of w.byKind[kind]) {
      if (!w.rng.chance(kind === 'property_company' ? 0.35 : 0.25)) continue
      for (let k = w.rng.chance(0.25) ? 2 : 1; k > 0; k--) addPenalty(w, subject, violations)
    }
  }
  addWithdrawal(w)
}

function addPenalty(w: World, subject: string, violations: ReturnType<typeof violationTypesFor>) {
  const district = w.districtOf.get(subject)!
  const severity: Severity = w.rng.chance(0.1)
    ? 'minor'
    : w.rng.chance(0.22)
      ? 'serious'
      : 'general'
  const decisionDate = w.dateBefore(5, 1000)
  const version = ruleVersionFor(decisionDate)
  const window = publicityWindow(decisionDate, severity, version)
  const authority = severity === 'serious' ? w.cityBureau : w.bureauOf.get(district)!
  const violation = w.rng.pick(violations)
  const projects = w.projectsOf.get(subject) ?? []
  const project = projects.length ? w.rng.pick(projects) : null
  const projectName = project ? w.data.projects[project - 1]!.name : '相关项目'
  const fineYuan = severity === 'minor' ? 0 : w.rng.int(1, severity === 'serious' ? 30 : 10) * 5000
  const id = w.data.penalties.length + 1
  const name = w.nameOf.get(subject)!
  w.data.penalties.push({
    id,
    subjectId: subject,
    partyName: name,
    partyCategory: 'legal_person',
    partyUscc: subject,
    legalRepresentative: w.representativeOf.get(subject) ?? null,
    decisionNo: w.decisionNo(authority, decisionDate.slice(0, 4), '罚决'),
    violationType: violation.code,
    facts: `经查，${name}在${projectName}存在“${violation.title}”的行为。${W.FACT_DETAILS[violation.code]}`,
    legalBasis: violation.legalBasis
      ? `违反了${violation.legalBasis}的规定`
      : `违反了《物业管理条例》《${w.j.cityName}物业管理条例》的相关规定`,
    categories: CATEGORIES[severity],
    content: CONTENT[severity](fineYuan),
    fineFen: fineYuan ? fineYuan * 100 : null,
    confiscatedFen: null,
    licenceAffected: null,
    decisionDate,
    validUntil: addDays(decisionDate, severity === 'serious' ? 180 : 30),
    authorityId: authority,
    dataSourceId: authority,
    remark: null,
    severity,
    ruleVersion: version,
    repairableFrom: window?.repairableFrom ?? null,
    publicUntil: window?.publicUntil ?? null,
    districtCode: district,
    projectId: project,
    // 轻微 decisions are recorded but never published (NDRC Order 36).
    status: severity === 'minor' ? 'draft' : 'published',
    withdrawnOn: null,
    withdrawalReason: null,
  })
  if (severity !== 'minor') w.penalised.push({ id, subject, severity, project })
}

/** One decision revoked on review (复议撤销): it keeps its URL with the published reason. */
function addWithdrawal(w: World): void {
  const cutoff = addDays(w.today, -60)
  const withdrawn = w.penalised.find(
    (p) => p.severity === 'general' && w.data.penalties[p.id - 1]!.decisionDate <= cutoff
  )
  if (!withdrawn) return
  const row = w.data.penalties[withdrawn.id - 1]!
  row.status = 'withdrawn'
  row.withdrawnOn = addDays(row.decisionDate, 40)
  row.withdrawalReason =
    '该处罚决定经行政复议被撤销，依据《中华人民共和国行政处罚法》第四十八条撤回公示。'
  w.penalised = w.penalised.filter((p) => p !== withdrawn)
}
