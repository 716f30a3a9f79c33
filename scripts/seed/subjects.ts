import { addDays } from '../../db/domain/dates.ts'
import * as W from './words.ts'
import type { World } from './world.ts'

const CREATED_AT = new Date('2026-01-01T00:00:00Z')

/** Authorities: the city bureau (id 1) decides serious cases; each district bureau its own. */
export function addAuthorities(w: World): void {
  w.data.authorities.push({
    id: w.cityBureau,
    name: w.j.publisher.name,
    uscc: w.uscc('11', w.j.cityCode),
    districtCode: null,
  })
  w.j.districts.forEach((d, i) => {
    w.bureauOf.set(d.code, i + 2)
    w.data.authorities.push({
      id: i + 2,
      name: `${w.j.cityName}${d.name}住房和城乡建设局`,
      uscc: w.uscc('11', d.code),
      districtCode: d.code,
    })
  })
}

/** Property companies and developers: 60 % and 20 % of `total` subjects. */
export function addOrganisations(w: World, total: number): void {
  const developers = Math.max(1, Math.round(total * 0.2))
  const companies = Math.max(1, total - developers - Math.round(total * 0.2))
  const codes = w.j.districts.map((d) => d.code)
  const cityShort = w.j.cityName.replace(/市$/, '')
  const tradeName = (district: string) =>
    w.rng.chance(0.3)
      ? w.rng.pick(W.PLACE_WORDS[district] ?? [cityShort]) + w.rng.pick(W.TRADE_SYLLABLES)
      : w.rng.pick(W.TRADE_SYLLABLES) + w.rng.pick(W.TRADE_SYLLABLES)
  const add = (kind: 'property_company' | 'developer') => {
    const district = w.rng.pick(codes)
    const suffixes = kind === 'developer' ? W.DEVELOPER_SUFFIXES : W.COMPANY_SUFFIXES
    const name = w.uniqueName(() => cityShort + tradeName(district) + w.rng.pick(suffixes))
    const uscc = w.uscc('91', district)
    w.addSubject({
      id: uscc,
      uscc,
      kind,
      name,
      districtCode: district,
      legalRepresentative: w.personName(),
      address: `${w.j.cityName}${w.districtName(district)}${w.rng.pick(W.ROADS)}${w.rng.int(1, 399)}号`,
      establishedOn: w.dateBefore(400, 9000),
      registeredCapitalWan: w.rng.pick([50, 100, 200, 300, 500, 1000, 2000, 5000]),
      projectId: null,
      termEndsOn: null,
      // A few drafts prove that unpublished subjects never reach the site.
      status: w.rng.chance(0.02) ? 'draft' : 'published',
      createdAt: CREATED_AT,
    })
  }
  for (let i = 0; i < companies; i++) add('property_company')
  for (let i = 0; i < developers; i++) add('developer')
}

/** Estates: each company manages 1–3, built by a developer of the same district where there is one. */
export function addProjects(w: World): void {
  const developersIn = new Map<string, string[]>()
  for (const d of w.byKind.developer) {
    const list = developersIn.get(w.districtOf.get(d)!) ?? []
    list.push(d)
    developersIn.set(w.districtOf.get(d)!, list)
  }
  const companies = w.byKind.property_company
  for (const company of companies) {
    const district = w.districtOf.get(company)!
    for (let k = w.rng.int(1, 3); k > 0; k--) {
      const id = w.data.projects.length + 1
      const name = w.uniqueName(
        () =>
          w.rng.pick([...(W.PLACE_WORDS[district] ?? []), ...W.TRADE_SYLLABLES]) +
          w.rng.pick(W.TRADE_SYLLABLES) +
          w.rng.pick(W.ESTATE_SUFFIXES)
      )
      w.data.projects.push({
        id,
        name,
        districtCode: district,
        address: `${w.districtName(district)}${w.rng.pick(W.ROADS)}${w.rng.int(1, 299)}号`,
        households: w.rng.int(120, 2400),
        developerId: w.rng.pick(developersIn.get(district) ?? w.byKind.developer),
        completedOn: w.dateBefore(700, 8000),
        status: 'published',
      })
      const since = w.dateBefore(200, 3000)
      // Some estates changed company: the earlier manager stays in the history.
      if (companies.length > 1 && w.rng.chance(0.15)) {
        let previous = w.rng.pick(companies)
        if (previous === company)
          previous = companies[(companies.indexOf(company) + 1) % companies.length]!
        w.data.projectManagements.push({
          projectId: id,
          companyId: previous,
          since: w.dateBefore(400, 2000, since),
          until: since,
        })
      }
      w.data.projectManagements.push({ projectId: id, companyId: company, since, until: null })
      w.companyOfProject.set(id, company)
      w.linkProject(company, id)
    }
  }
}

/** Owners' committees (20 %): one per estate while estates last; no USCC, so a local id. */
export function addCommittees(w: World, total: number): void {
  const wanted = Math.min(Math.round(total * 0.2), w.data.projects.length)
  const seqIn = new Map<string, number>()
  for (const project of w.data.projects.slice(0, wanted)) {
    const district = project.districtCode
    const seq = (seqIn.get(district) ?? 0) + 1
    seqIn.set(district, seq)
    const id = `L${district}${String(seq).padStart(5, '0')}`
    w.addSubject({
      id,
      uscc: null,
      kind: 'owners_committee',
      name: w.uniqueName(() => `${project.name}业主委员会`),
      districtCode: district,
      legalRepresentative: null,
      address: null,
      establishedOn: w.dateBefore(100, 1800),
      registeredCapitalWan: null,
      projectId: project.id!,
      termEndsOn: addDays(w.today, w.rng.int(-200, 1500)),
      status: 'published',
      createdAt: CREATED_AT,
    })
    w.linkProject(id, project.id!)
  }
}
