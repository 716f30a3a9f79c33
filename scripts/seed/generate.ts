import { addDays, type IsoDate } from '../../db/domain/dates.ts'
import type { Jurisdiction } from '../../db/domain/jurisdiction.ts'
import type { PenaltyCategory } from '../../db/domain/penalty.ts'
import { publicityWindow, ruleVersionFor, type Severity } from '../../db/domain/severity.ts'
import type { SubjectKind } from '../../db/domain/subject-kind.ts'
import { orgCodeCheckChar, usccCheckChar, USCC_ALPHABET } from '../../db/domain/uscc.ts'
import { violationTypesFor } from '../../db/domain/violation-type.ts'
import type * as schema from '../../db/schema/index.ts'
import { Random } from './random.ts'
import * as W from './words.ts'

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert']

/** A complete synthetic data set, in insertion order. */
export type SeedData = {
  authorities: Insert<typeof schema.authorities>[]
  subjects: Insert<typeof schema.subjects>[]
  projects: Insert<typeof schema.projects>[]
  projectManagements: Insert<typeof schema.projectManagements>[]
  penalties: Insert<typeof schema.penalties>[]
  creditRecords: Insert<typeof schema.creditRecords>[]
  creditListEntries: Insert<typeof schema.creditListEntries>[]
  typicalCases: Insert<typeof schema.typicalCases>[]
  listedSupervisions: Insert<typeof schema.listedSupervisions>[]
}

export type SeedOptions = { subjects: number; seed: number; today: IsoDate }

const CREATED_AT = new Date('2026-01-01T00:00:00Z')

/** A valid USCC: 9 (市场监管) + category + division code + GB 11714 org code + check char. */
function makeUscc(rng: Random, prefix: string, division: string): string {
  let body = ''
  for (let i = 0; i < 8; i++) body += USCC_ALPHABET[rng.int(0, 30)]
  // The body uses the USCC alphabet and the GB 11714 check yields a digit or X, both inside it.
  const first17 = `${prefix}${division}${body}${orgCodeCheckChar(body)}`
  return first17 + usccCheckChar(first17)
}

function personName(rng: Random): string {
  return rng.pick(W.SURNAMES) + rng.pick(W.GIVEN_NAMES)
}

function dateBefore(rng: Random, today: IsoDate, minDays: number, maxDays: number): IsoDate {
  return addDays(today, -rng.int(minDays, maxDays))
}

/** Generate a deterministic, realistic data set for the jurisdiction. */
export function generateSeedData(j: Jurisdiction, opts: SeedOptions): SeedData {
  const rng = new Random(opts.seed)
  const { today } = opts
  const data: SeedData = {
    authorities: [],
    subjects: [],
    projects: [],
    projectManagements: [],
    penalties: [],
    creditRecords: [],
    creditListEntries: [],
    typicalCases: [],
    listedSupervisions: [],
  }

  // Authorities: the city bureau decides serious cases; each district bureau its own.
  const cityBureau = 1
  data.authorities.push({
    id: cityBureau,
    name: j.publisher.name,
    uscc: makeUscc(rng, '11', j.cityCode),
    districtCode: null,
  })
  const bureauOf = new Map<string, number>()
  j.districts.forEach((d, i) => {
    bureauOf.set(d.code, i + 2)
    data.authorities.push({
      id: i + 2,
      name: `${j.cityName}${d.name}住房和城乡建设局`,
      uscc: makeUscc(rng, '11', d.code),
      districtCode: d.code,
    })
  })

  const usedNames = new Set<string>()
  const uniqueName = (make: () => string): string => {
    for (let i = 0; i < 50; i++) {
      const name = make()
      if (!usedNames.has(name)) {
        usedNames.add(name)
        return name
      }
    }
    const name = `${make()}${usedNames.size}`
    usedNames.add(name)
    return name
  }
  const tradeName = (district: string) =>
    rng.chance(0.3)
      ? rng.pick(W.PLACE_WORDS[district] ?? ['盘锦']) + rng.pick(W.TRADE_SYLLABLES)
      : rng.pick(W.TRADE_SYLLABLES) + rng.pick(W.TRADE_SYLLABLES)
  const cityShort = j.cityName.replace(/市$/, '')

  // Subjects: 60 % property companies, 20 % developers, 20 % owners' committees.
  const n = opts.subjects
  const nDevelopers = Math.max(1, Math.round(n * 0.2))
  const nCommittees = Math.max(0, Math.round(n * 0.2))
  const nCompanies = Math.max(1, n - nDevelopers - nCommittees)
  const codes = j.districts.map((d) => d.code)
  const byKind: Record<SubjectKind, string[]> = {
    property_company: [],
    developer: [],
    owners_committee: [],
  }
  const districtOf = new Map<string, string>()
  const addOrganisation = (kind: 'property_company' | 'developer') => {
    const district = rng.pick(codes)
    const suffixes = kind === 'developer' ? W.DEVELOPER_SUFFIXES : W.COMPANY_SUFFIXES
    const name = uniqueName(() => cityShort + tradeName(district) + rng.pick(suffixes))
    const uscc = makeUscc(rng, '91', district)
    data.subjects.push({
      id: uscc,
      uscc,
      kind,
      name,
      districtCode: district,
      legalRepresentative: personName(rng),
      address: `${j.cityName}${j.districts.find((d) => d.code === district)!.name}${rng.pick(W.ROADS)}${rng.int(1, 399)}号`,
      establishedOn: dateBefore(rng, today, 400, 9000),
      registeredCapitalWan: rng.pick([50, 100, 200, 300, 500, 1000, 2000, 5000]),
      projectId: null,
      termEndsOn: null,
      // A few drafts prove that unpublished subjects never reach the site.
      status: rng.chance(0.02) ? 'draft' : 'published',
      createdAt: CREATED_AT,
    })
    byKind[kind].push(uscc)
    districtOf.set(uscc, district)
  }
  for (let i = 0; i < nCompanies; i++) addOrganisation('property_company')
  for (let i = 0; i < nDevelopers; i++) addOrganisation('developer')

  // Projects: each company manages 1–3 estates, built by a developer of the same district if any.
  let projectId = 0
  const projectDistrict = new Map<number, string>()
  const projectCompany = new Map<number, string>()
  for (const company of byKind.property_company) {
    const district = districtOf.get(company)!
    for (let k = rng.int(1, 3); k > 0; k--) {
      projectId++
      const localDevelopers = byKind.developer.filter((d) => districtOf.get(d) === district)
      const name = uniqueName(
        () =>
          rng.pick([...(W.PLACE_WORDS[district] ?? []), ...W.TRADE_SYLLABLES]) +
          rng.pick(W.TRADE_SYLLABLES) +
          rng.pick(W.ESTATE_SUFFIXES)
      )
      data.projects.push({
        id: projectId,
        name,
        districtCode: district,
        address: `${j.districts.find((d) => d.code === district)!.name}${rng.pick(W.ROADS)}${rng.int(1, 299)}号`,
        households: rng.int(120, 2400),
        developerId: rng.pick(localDevelopers.length ? localDevelopers : byKind.developer),
        completedOn: dateBefore(rng, today, 700, 8000),
        status: 'published',
      })
      const since = dateBefore(rng, today, 200, 3000)
      // Some estates changed company: the earlier manager stays in the history.
      if (rng.chance(0.15) && byKind.property_company.length > 1) {
        const previous = rng.pick(byKind.property_company.filter((c) => c !== company))
        data.projectManagements.push({
          projectId,
          companyId: previous,
          since: dateBefore(rng, since, 400, 2000),
          until: since,
        })
      }
      data.projectManagements.push({ projectId, companyId: company, since, until: null })
      projectDistrict.set(projectId, district)
      projectCompany.set(projectId, company)
    }
  }

  // Owners' committees: one per estate until the quota is met; no USCC, so a local id.
  const localSeq = new Map<string, number>()
  for (let p = 1; p <= Math.min(nCommittees, projectId); p++) {
    const project = data.projects[p - 1]!
    const district = project.districtCode
    const seq = (localSeq.get(district) ?? 0) + 1
    localSeq.set(district, seq)
    const id = `L${district}${String(seq).padStart(5, '0')}`
    data.subjects.push({
      id,
      uscc: null,
      kind: 'owners_committee',
      name: uniqueName(() => `${project.name}业主委员会`),
      districtCode: district,
      legalRepresentative: null,
      address: null,
      establishedOn: dateBefore(rng, today, 100, 1800),
      registeredCapitalWan: null,
      projectId: project.id!,
      termEndsOn: addDays(today, rng.int(-200, 1500)),
      status: 'published',
      createdAt: CREATED_AT,
    })
    byKind.owners_committee.push(id)
    districtOf.set(id, district)
    projectCompany.set(-project.id!, id)
  }

  const subjectName = new Map(data.subjects.map((s) => [s.id, s.name]))
  const subjectRep = new Map(data.subjects.map((s) => [s.id, s.legalRepresentative ?? null]))
  const projectsOf = (subject: string) =>
    [...projectCompany].filter(([, c]) => c === subject).map(([p]) => Math.abs(p))
  const counters = new Map<string, number>()
  const decisionNo = (authority: number, district: string | null, year: string, kind: string) => {
    const key = `${authority}-${year}-${kind}`
    const next = (counters.get(key) ?? 0) + 1
    counters.set(key, next)
    const abbr = district ? W.DISTRICT_ABBREVIATIONS[district] : '盘'
    return `${abbr}住建${kind}〔${year}〕${next}号`
  }

  // Penalties: companies and developers; dates over the last three years so some have expired.
  const penalised: { id: number; subject: string; severity: Severity; project: number | null }[] =
    []
  for (const subject of [...byKind.property_company, ...byKind.developer]) {
    const isCompany = byKind.property_company.includes(subject)
    if (!rng.chance(isCompany ? 0.35 : 0.25)) continue
    for (let k = rng.chance(0.25) ? 2 : 1; k > 0; k--) {
      const district = districtOf.get(subject)!
      const severity: Severity = rng.chance(0.1)
        ? 'minor'
        : rng.chance(0.22)
          ? 'serious'
          : 'general'
      const decisionDate = dateBefore(rng, today, 5, 1000)
      const version = ruleVersionFor(decisionDate)
      const window = publicityWindow(decisionDate, severity, version)
      const authority = severity === 'serious' ? cityBureau : bureauOf.get(district)!
      const violation = rng.pick(violationTypesFor(isCompany ? 'property_company' : 'developer'))
      const projects = projectsOf(subject)
      const project = projects.length ? rng.pick(projects) : null
      const projectName = project ? data.projects[project - 1]!.name : '相关项目'
      const fineYuan =
        severity === 'minor' ? 0 : rng.int(1, severity === 'serious' ? 30 : 10) * 5000
      const categories: PenaltyCategory[] =
        severity === 'minor'
          ? ['warning']
          : severity === 'serious'
            ? ['fine', 'business_restriction']
            : ['warning', 'fine']
      const id = data.penalties.length + 1
      data.penalties.push({
        id,
        subjectId: subject,
        partyName: subjectName.get(subject)!,
        partyCategory: 'legal_person',
        partyUscc: subject,
        legalRepresentative: subjectRep.get(subject) ?? null,
        decisionNo: decisionNo(
          authority,
          authority === cityBureau ? null : district,
          decisionDate.slice(0, 4),
          '罚决'
        ),
        violationType: violation.code,
        facts: `经查，${subjectName.get(subject)}在${projectName}存在“${violation.title}”的行为。${W.FACT_DETAILS[violation.code]}`,
        legalBasis: violation.legalBasis
          ? `违反了${violation.legalBasis}的规定`
          : `违反了《物业管理条例》《${j.cityName}物业管理条例》的相关规定`,
        categories,
        content:
          severity === 'minor'
            ? '警告，责令限期改正。'
            : severity === 'serious'
              ? `罚款人民币${fineYuan}元，责令限期改正，六个月内限制承接新的物业服务项目。`
              : `警告，罚款人民币${fineYuan}元，责令限期改正。`,
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
      if (severity !== 'minor') penalised.push({ id, subject, severity, project })
    }
  }
  // A withdrawn decision (复议撤销) keeps its URL with the reason.
  const withdrawn = penalised.find((p) => p.severity === 'general')
  if (withdrawn) {
    const row = data.penalties[withdrawn.id - 1]!
    row.status = 'withdrawn'
    row.withdrawnOn = addDays(row.decisionDate, 40)
    row.withdrawalReason =
      '该处罚决定经行政复议被撤销，依据《中华人民共和国行政处罚法》第四十八条撤回公示。'
    penalised.splice(penalised.indexOf(withdrawn), 1)
  }

  generateRecordsAndLists(rng, data, {
    today,
    cityBureau,
    bureauOf,
    districtOf,
    byKind,
    penalised,
    decisionNo,
  })
  generateCasesAndSupervision(rng, data, {
    today,
    cityBureau,
    bureauOf,
    districtOf,
    penalised,
    projectDistrict,
    projectCompany,
  })
  return data
}

type Context = {
  today: IsoDate
  cityBureau: number
  bureauOf: Map<string, number>
  districtOf: Map<string, string>
}

function generateRecordsAndLists(
  rng: Random,
  data: SeedData,
  ctx: Context & {
    byKind: Record<SubjectKind, string[]>
    penalised: { subject: string; severity: Severity }[]
    decisionNo: (a: number, d: string | null, y: string, k: string) => string
  }
) {
  const { today } = ctx
  const penalisedSubjects = new Set(ctx.penalised.map((p) => p.subject))
  for (const subject of [...ctx.byKind.property_company, ...ctx.byKind.owners_committee]) {
    const district = ctx.districtOf.get(subject)!
    const authority = ctx.bureauOf.get(district)!
    if (rng.chance(0.2)) {
      const decisionDate = dateBefore(rng, today, 10, 700)
      const severity: Severity = 'general'
      const window = publicityWindow(decisionDate, severity)!
      const category = rng.pick([
        'circulated_criticism',
        'rectification_order',
        'interview',
      ] as const)
      const titles = {
        circulated_criticism: '因服务质量问题被通报批评',
        rectification_order: '被责令限期改正',
        interview: '被主管部门约谈',
      }
      data.creditRecords.push({
        subjectId: subject,
        kind: 'bad',
        category,
        title: titles[category],
        content: `经检查，该主体在专项整治督查巡查中被发现存在问题，${titles[category]}，并已纳入不良信用记录。`,
        authorityId: authority,
        decisionNo: null,
        decisionDate,
        severity,
        ruleVersion: ruleVersionFor(decisionDate),
        repairableFrom: window.repairableFrom,
        publicUntil: window.publicUntil,
        projectId: null,
        penaltyId: null,
        status: 'published',
      })
    }
    if (!penalisedSubjects.has(subject) && rng.chance(0.18)) {
      const decisionDate = dateBefore(rng, today, 10, 900)
      const category = rng.pick([
        'award',
        'commendation',
        'model_project',
        'standard_compliance',
      ] as const)
      const titles = {
        award: '获评市级物业服务优秀企业',
        commendation: '在专项整治中受到通报表扬',
        model_project: '所服务项目被选为物业管理现场观摩项目',
        standard_compliance: '物业服务标准化达标',
      }
      data.creditRecords.push({
        subjectId: subject,
        kind: 'good',
        category,
        title: titles[category],
        content: `${titles[category]}，记入良好信用记录。`,
        authorityId: rng.chance(0.5) ? ctx.cityBureau : authority,
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
      // Red list: a share of companies with good records and no penalties.
      if (ctx.byKind.property_company.includes(subject) && rng.chance(0.4)) {
        data.creditListEntries.push({
          subjectId: subject,
          list: 'red',
          reason: '信用状况良好，服务质量获业主普遍认可，近三年无行政处罚和不良信用记录。',
          basis: '《盘锦市物业行业领域专项整治工作实施方案》六（五）“建立红黑名单制度”',
          decisionNo: ctx.decisionNo(ctx.cityBureau, null, decisionDate.slice(0, 4), '红'),
          authorityId: ctx.cityBureau,
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
  // Black list: subjects with a serious penalty, and one more where data allow.
  for (const p of ctx.penalised.filter((x) => x.severity === 'serious')) {
    if (!rng.chance(0.5)) continue
    if (data.creditListEntries.some((e) => e.subjectId === p.subject && e.list === 'black'))
      continue
    const decisionDate = dateBefore(rng, today, 5, 300)
    data.creditListEntries.push({
      subjectId: p.subject,
      list: 'black',
      reason: '严重侵害群众权益、扰乱物业服务市场秩序，受到严重失信行政处罚。',
      basis: '《盘锦市物业行业领域专项整治工作实施方案》三（三）“及时记入黑名单”',
      decisionNo: ctx.decisionNo(ctx.cityBureau, null, decisionDate.slice(0, 4), '黑'),
      authorityId: ctx.cityBureau,
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

function generateCasesAndSupervision(
  rng: Random,
  data: SeedData,
  ctx: Context & {
    penalised: { id: number; subject: string; severity: Severity; project: number | null }[]
    projectDistrict: Map<number, string>
    projectCompany: Map<number, string>
  }
) {
  const { today } = ctx
  // Typical cases: every fourth published penalty still in its publicity window, at least one.
  const candidates = ctx.penalised.filter((p) => {
    const row = data.penalties[p.id - 1]!
    return row.publicUntil && row.publicUntil >= today
  })
  candidates.forEach((p, i) => {
    if (i % 4 !== 0) return
    const penalty = data.penalties[p.id - 1]!
    const project = p.project ? data.projects[p.project - 1] : undefined
    data.typicalCases.push({
      title: `${penalty.partyName}${project ? `在${project.name}` : ''}违规案`,
      subjectId: p.subject,
      projectId: p.project,
      penaltyId: p.id,
      districtCode: penalty.districtCode,
      authorityId: penalty.authorityId,
      publishedOn: addDays(penalty.decisionDate, rng.int(3, 20)),
      background: `${penalty.partyName}${project ? `为${project.name}（${project.households}户）提供物业服务` : '在本市从事相关经营活动'}。${penalty.decisionDate.slice(0, 4)}年，主管部门在专项整治督查巡查中接到业主投诉后开展调查。`,
      violationFacts: penalty.facts,
      legalBasis: `${penalty.legalBasis}。`,
      outcome: `${penalty.content}该企业已按要求缴纳罚款并完成整改，主管部门已记入其诚信档案。`,
      status: 'published',
    })
  })

  // Listed supervision (挂牌督办): about 4 % of estates, some closed out with a published result.
  for (const project of data.projects) {
    if (!rng.chance(0.04)) continue
    const district = project.districtCode
    const company = ctx.projectCompany.get(project.id!) ?? null
    const listedOn = dateBefore(rng, today, 20, 500)
    const deadline = addDays(listedOn, 90)
    const done = deadline < today && rng.chance(0.7)
    const violation = rng.pick(violationTypesFor('property_company'))
    data.listedSupervisions.push({
      projectId: project.id!,
      subjectId: company,
      districtCode: district,
      violationType: violation.code,
      problem: `业主集中反映“${violation.title}”问题，投诉举报较多。`,
      authorityId: ctx.cityBureau,
      listedOn,
      deadline,
      progress: done ? 'closed_out' : deadline < today ? 'rectified' : 'supervising',
      result: done ? '经复查，问题已整改到位，业主满意度回访合格，予以销号。' : null,
      closedOutOn: done ? addDays(deadline, -rng.int(0, 30)) : null,
      status: 'published',
    })
  }
}
