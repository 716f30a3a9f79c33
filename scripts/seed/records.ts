import { addDays } from '../../db/domain/dates.ts'
import { publicityWindow, ruleVersionFor } from '../../db/domain/severity.ts'
import type { World } from './world.ts'

const BAD = {
  circulated_criticism: '因服务质量问题被通报批评',
  rectification_order: '被责令限期改正',
  interview: '被主管部门约谈',
} as const
const GOOD = {
  award: '获评市级物业服务优秀企业',
  commendation: '在专项整治中受到通报表扬',
  model_project: '所服务项目被选为物业管理现场观摩项目',
  standard_compliance: '物业服务标准化达标',
} as const

/**
 * 不良 records for a fifth of companies and committees; 良好 records for some without penalties,
 * a share of which (companies only) are on the red list.
 */
export function addRecordsAndRedList(w: World): void {
  const penalisedSubjects = new Set(w.penalised.map((p) => p.subject))
  for (const subject of [...w.byKind.property_company, ...w.byKind.owners_committee]) {
    const authority = w.bureauOf.get(w.districtOf.get(subject)!)!
    if (w.rng.chance(0.2)) {
      const decisionDate = w.dateBefore(10, 700)
      const window = publicityWindow(decisionDate, 'general')!
      const category = w.rng.pick(Object.keys(BAD) as (keyof typeof BAD)[])
      w.data.creditRecords.push({
        subjectId: subject,
        kind: 'bad',
        category,
        title: BAD[category],
        content: `经检查，该主体在专项整治督查巡查中被发现存在问题，${BAD[category]}，并已纳入不良信用记录。`,
        authorityId: authority,
        decisionNo: null,
        decisionDate,
        severity: 'general',
        ruleVersion: ruleVersionFor(decisionDate),
        repairableFrom: window.repairableFrom,
        publicUntil: window.publicUntil,
        projectId: null,
        penaltyId: null,
        status: 'published',
      })
    }
    if (penalisedSubjects.has(subject) || !w.rng.chance(0.18)) continue
    const decisionDate = w.dateBefore(10, 900)
    const category = w.rng.pick(Object.keys(GOOD) as (keyof typeof GOOD)[])
    w.data.creditRecords.push({
      subjectId: subject,
      kind: 'good',
      category,
      title: GOOD[category],
      content: `${GOOD[category]}，记入良好信用记录。`,
      authorityId: w.rng.chance(0.5) ? w.cityBureau : authority,
      decisionNo: null,
      decisionDate,
      severity: null,
      ruleVersion: null,
      repairableFrom: null,
      publicUntil: null,
      projectId: null,
      penaltyId: null,
      status: 'published',
    })
    if (w.kindOf.get(subject) === 'property_company' && w.rng.chance(0.4)) {
      w.data.creditListEntries.push({
        subjectId: subject,
        list: 'red',
        reason: '信用状况良好，服务质量获业主普遍认可，近三年无行政处罚和不良信用记录。',
        basis: '《盘锦市物业行业领域专项整治工作实施方案》六（五）“建立红黑名单制度”',
        decisionNo: w.decisionNo(w.cityBureau, decisionDate.slice(0, 4), '红'),
        authorityId: w.cityBureau,
        decisionDate,
        validUntil: addDays(decisionDate, 730),
        measures: '开辟“绿色通道”，优先提供服务便利，优化行政监管安排，推介承接物业服务项目。',
        removalRoute:
          '有效期届满自动移出；期间发生行政处罚或不良信用记录的，经认定机关核实后移出。',
        removedOn: null,
        removalReason: null,
        status: 'published',
      })
    }
  }
}

/** Black list: about half the subjects with a 严重 penalty, once each. */
export function addBlackList(w: World): void {
  const listed = new Set<string>()
  for (const p of w.penalised) {
    if (p.severity !== 'serious' || listed.has(p.subject) || !w.rng.chance(0.5)) continue
    listed.add(p.subject)
    const decisionDate = w.dateBefore(5, 300)
    w.data.creditListEntries.push({
      subjectId: p.subject,
      list: 'black',
      reason: '严重侵害群众权益、扰乱物业服务市场秩序，受到严重失信行政处罚。',
      basis: '《盘锦市物业行业领域专项整治工作实施方案》四（三）“及时记入黑名单”',
      decisionNo: w.decisionNo(w.cityBureau, decisionDate.slice(0, 4), '黑'),
      authorityId: w.cityBureau,
      decisionDate,
      validUntil: addDays(decisionDate, 1095),
      measures:
        '实施市场性、行业性、社会性约束和惩戒；限制承接新的物业服务项目；列为重点监管对象。',
      removalRoute:
        '有效期届满自动移出；满一年后完成整改并作出信用承诺的，可向认定机关申请信用修复，修复免费。',
      removedOn: null,
      removalReason: null,
      status: 'published',
    })
  }
}
