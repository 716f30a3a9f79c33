import { addDays } from '../../db/domain/dates.ts'
import { violationTypesFor } from '../../db/domain/violation-type.ts'
import type { World } from './world.ts'

/** 典型案例: every fourth penalty still in its publicity window, with the four sections. */
export function addTypicalCases(w: World): void {
  const current = w.penalised.filter((p) => {
    const until = w.data.penalties[p.id - 1]!.publicUntil
    return until != null && until >= w.today
  })
  current.forEach((p, i) => {
    if (i % 4 !== 0) return
    const penalty = w.data.penalties[p.id - 1]!
    const project = p.project ? w.data.projects[p.project - 1] : undefined
    const publishedOn = addDays(penalty.decisionDate, w.rng.int(3, 20))
    w.data.typicalCases.push({
      title: `${penalty.partyName}${project ? `在${project.name}` : ''}违规案`,
      subjectId: p.subject,
      projectId: p.project,
      penaltyId: p.id,
      districtCode: penalty.districtCode,
      authorityId: penalty.authorityId,
      // Never dated in the future: a recent decision is published today at the latest.
      publishedOn: publishedOn > w.today ? w.today : publishedOn,
      background: `${penalty.partyName}${project ? `为${project.name}（${project.households}户）提供物业服务` : `在${w.j.cityName}从事相关经营活动`}。${penalty.decisionDate.slice(0, 4)}年，主管部门在专项整治督查巡查中接到业主投诉后开展调查。`,
      violationFacts: penalty.facts,
      legalBasis: `${penalty.legalBasis}。`,
      outcome: `${penalty.content}当事人已按要求履行处罚决定并完成整改，主管部门已记入其诚信档案。`,
      status: 'published',
    })
  })
}

/** 挂牌督办: about 4 % of estates; past their deadline most are closed out with a published result. */
export function addListedSupervisions(w: World): void {
  const violations = violationTypesFor('property_company')
  for (const project of w.data.projects) {
    if (!w.rng.chance(0.04)) continue
    const listedOn = w.dateBefore(20, 500)
    const deadline = addDays(listedOn, 90)
    const done = deadline < w.today && w.rng.chance(0.7)
    const violation = w.rng.pick(violations)
    w.data.listedSupervisions.push({
      projectId: project.id!,
      subjectId: w.companyOfProject.get(project.id!) ?? null,
      districtCode: project.districtCode,
      violationType: violation.code,
      problem: `业主集中反映“${violation.title}”问题，投诉举报较多。`,
      authorityId: w.cityBureau,
      listedOn,
      deadline,
      progress: done ? 'closed_out' : deadline < w.today ? 'rectified' : 'supervising',
      result: done ? '经复查，问题已整改到位，业主满意度回访合格，予以销号。' : null,
      closedOutOn: done ? addDays(deadline, -w.rng.int(0, 30)) : null,
      status: 'published',
    })
  }
}
