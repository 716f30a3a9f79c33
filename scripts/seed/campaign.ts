import { addDays, type IsoDate } from '../../db/domain/dates.ts'
import {
  CAMPAIGN,
  LEDGER_SOURCES,
  monthOf,
  monthRange,
  RETURN_FIGURES,
  campaignStart,
} from '../../db/domain/campaign.ts'
import { violationTypesFor } from '../../db/domain/violation-type.ts'
import type { World } from './world.ts'

const MEASURES = [
  '限期恢复正常服务，向业主书面说明情况，建立问题整改回访制度。',
  '按合同约定补充服务人员，公示服务标准和收费标准，接受业主监督。',
  '清理占用的共用部位，恢复原状，收益纳入共有资金并公示。',
  '完善消防设施检查记录，整改安全隐患，开展消防宣传。',
]
const PARTIES = ['项目经理', '企业负责人', '项目客服主管', '工程维修主管']

/**
 * 示例数据 for the campaign: ledger items found across the campaign so far (more in 督查巡查),
 * most rectified and closed out by now, some open and a few past their deadline; returns from
 * most districts for the months that have passed; two projects chosen for on-site observation.
 */
export function addCampaign(w: World): void {
  const start = campaignStart()
  if (w.today < start) return
  const types = violationTypesFor('property_company')
  const span = Math.max(1, daysBetween(start, w.today))
  for (const project of w.data.projects) {
    if (!w.rng.chance(0.3)) continue
    const company = w.companyOfProject.get(project.id!) ?? null
    const foundOn = addDays(start, w.rng.int(0, span))
    const deadline = addDays(foundOn, w.rng.int(15, 45))
    const type = w.rng.pick(types)
    const due = deadline < w.today
    const roll = w.rng.next()
    const status = due
      ? roll < 0.75
        ? 'closed_out'
        : roll < 0.85
          ? 'rectified'
          : 'rectifying'
      : roll < 0.3
        ? 'closed_out'
        : roll < 0.5
          ? 'rectified'
          : roll < 0.75
            ? 'rectifying'
            : 'open'
    const rectifiedOn =
      status === 'closed_out' || status === 'rectified'
        ? minDate(addDays(foundOn, w.rng.int(3, 30)), w.today)
        : null
    w.data.ledgerItems.push({
      districtCode: project.districtCode,
      subjectId: company,
      projectId: project.id!,
      source: w.rng.pick(LEDGER_SOURCES),
      violationType: type.code,
      foundOn,
      problem: `${project.name}存在“${type.title}”问题。`,
      responsibleParty: w.rng.pick(PARTIES),
      measures: w.rng.pick(MEASURES),
      deadline,
      status,
      evidence: rectifiedOn ? '已按期整改，附整改前后照片和业主确认材料。' : null,
      rectifiedOn,
      closedOutOn:
        status === 'closed_out' ? minDate(addDays(rectifiedOn!, w.rng.int(1, 10)), w.today) : null,
      version: 1,
      createdBy: null,
      createdAt: Date.parse(`${foundOn}T09:00:00+08:00`),
    })
  }
  // Returns for every month of the campaign whose 25th has passed, from most districts.
  for (let month = monthOf(start); monthRange(month).to < w.today; month = nextMonth(month)) {
    for (const d of w.j.districts) {
      if (!w.rng.chance(0.85)) continue
      const figures = Object.fromEntries(RETURN_FIGURES.map(([k]) => [k, 0]))
      const { from, to } = monthRange(month)
      for (const item of w.data.ledgerItems) {
        if (item.districtCode !== d.code) continue
        if (from <= item.foundOn && item.foundOn <= to) figures.itemsFound!++
        if (item.rectifiedOn && from <= item.rectifiedOn && item.rectifiedOn <= to)
          figures.itemsRectified!++
        if (item.closedOutOn && from <= item.closedOutOn && item.closedOutOn <= to)
          figures.itemsClosedOut!++
      }
      for (const p of w.data.penalties) {
        if (p.districtCode !== d.code || p.status !== 'published') continue
        if (from <= p.decisionDate && p.decisionDate <= to) {
          figures.penalties!++
          figures.finesYuan! += Math.round((p.fineFen ?? 0) / 100)
        }
      }
      w.data.monthlyReturns.push({
        districtCode: d.code,
        month,
        figures: JSON.stringify(figures),
        computed: JSON.stringify(figures),
        achievements: `${d.name}本月组织检查住宅小区物业服务项目，对发现的问题逐一建立台账，实行销号管理。`,
        submittedBy: null,
        submittedAt: Date.parse(
          `${month}-${String(w.rng.int(18, 25)).padStart(2, '0')}T16:00:00+08:00`
        ),
      })
    }
  }
  if (w.today > CAMPAIGN.observationDeadline) {
    const chosen = new Set<number>()
    for (const project of w.data.projects) {
      if (chosen.size === 2) break
      if (w.rng.chance(0.2)) chosen.add(project.id!)
    }
    for (const projectId of chosen)
      w.data.observationProjects.push({
        projectId,
        citation: '服务标准公开透明，设施设备维护到位，业主满意度高，矛盾纠纷化解机制健全。',
        chosenOn: addDays(CAMPAIGN.observationDeadline, -w.rng.int(1, 10)),
        createdBy: null,
      })
  }
}

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b)
const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
