import { addDays, type IsoDate } from '../../db/domain/dates.ts'
import type { Jurisdiction } from '../../db/domain/jurisdiction.ts'
import type { Severity } from '../../db/domain/severity.ts'
import type { SubjectKind } from '../../db/domain/subject-kind.ts'
import { orgCodeCheckChar, usccCheckChar, USCC_ALPHABET } from '../../db/domain/uscc.ts'
import type * as schema from '../../db/schema/index.ts'
import { Random } from './random.ts'
import * as W from './words.ts'

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert']

/** A complete synthetic data set, in insertion order (districts come from saveJurisdiction). */
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
  recordEvents: Insert<typeof schema.recordEvents>[]
  ledgerItems: Insert<typeof schema.ledgerItems>[]
  monthlyReturns: Insert<typeof schema.monthlyReturns>[]
  observationProjects: Insert<typeof schema.observationProjects>[]
}

export type SeedOptions = { subjects: number; seed: number; today: IsoDate }

/** A published penalty that later phases (lists, cases) build on. */
export type Penalised = { id: number; subject: string; severity: Severity; project: number | null }

/**
 * The state the generator phases share: the PRNG, the data written so far and the look-ups that
 * keep every phase linear in the number of subjects (issue 6 seeds 100,000).
 */
export class World {
  readonly rng: Random
  readonly today: IsoDate
  readonly j: Jurisdiction
  readonly data: SeedData = {
    authorities: [],
    subjects: [],
    projects: [],
    projectManagements: [],
    penalties: [],
    creditRecords: [],
    creditListEntries: [],
    typicalCases: [],
    listedSupervisions: [],
    recordEvents: [],
    ledgerItems: [],
    monthlyReturns: [],
    observationProjects: [],
  }
  readonly byKind: Record<SubjectKind, string[]> = {
    property_company: [],
    developer: [],
    owners_committee: [],
  }
  readonly kindOf = new Map<string, SubjectKind>()
  readonly districtOf = new Map<string, string>()
  readonly nameOf = new Map<string, string>()
  readonly representativeOf = new Map<string, string | null>()
  /** Current manager (or, for committees, represented estate) → project ids. */
  readonly projectsOf = new Map<string, number[]>()
  readonly companyOfProject = new Map<number, string>()
  readonly bureauOf = new Map<string, number>()
  readonly cityBureau = 1
  penalised: Penalised[] = []
  private readonly usedNames = new Set<string>()
  private readonly counters = new Map<string, number>()

  constructor(j: Jurisdiction, opts: SeedOptions) {
    this.rng = new Random(opts.seed)
    this.today = opts.today
    this.j = j
  }

  districtName(code: string): string {
    return this.j.districts.find((d) => d.code === code)?.name ?? code
  }

  /** A valid USCC: registration + category prefix, division code, GB 11714 org code, check. */
  uscc(prefix: string, division: string): string {
    let body = ''
    for (let i = 0; i < 8; i++) body += USCC_ALPHABET[this.rng.int(0, 30)]
    // The body uses the USCC alphabet and the GB 11714 check yields a digit or X, both inside it.
    const first17 = `${prefix}${division}${body}${orgCodeCheckChar(body)}`
    return first17 + usccCheckChar(first17)
  }

  personName(): string {
    return this.rng.pick(W.SURNAMES) + this.rng.pick(W.GIVEN_NAMES)
  }

  /** A date between minDays and maxDays before today. */
  dateBefore(minDays: number, maxDays: number, from: IsoDate = this.today): IsoDate {
    return addDays(from, -this.rng.int(minDays, maxDays))
  }

  /** A name not used before in this data set (subjects and estates must be told apart). */
  uniqueName(make: () => string): string {
    for (let i = 0; i < 50; i++) {
      const name = make()
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name)
        return name
      }
    }
    const name = `${make()}${this.usedNames.size}`
    this.usedNames.add(name)
    return name
  }

  /** 兴住建罚决〔2026〕3号: numbered per authority, year and kind of document. */
  decisionNo(authority: number, year: string, kind: string): string {
    const key = `${authority}-${year}-${kind}`
    const next = (this.counters.get(key) ?? 0) + 1
    this.counters.set(key, next)
    const district = this.data.authorities[authority - 1]?.districtCode
    const abbr = district ? W.DISTRICT_ABBREVIATIONS[district] : '盘'
    return `${abbr}住建${kind}〔${year}〕${next}号`
  }

  addSubject(row: SeedData['subjects'][number]): void {
    this.data.subjects.push(row)
    this.byKind[row.kind].push(row.id)
    this.kindOf.set(row.id, row.kind)
    this.districtOf.set(row.id, row.districtCode)
    this.nameOf.set(row.id, row.name)
    this.representativeOf.set(row.id, row.legalRepresentative ?? null)
  }

  linkProject(subject: string, project: number): void {
    const list = this.projectsOf.get(subject) ?? []
    list.push(project)
    this.projectsOf.set(subject, list)
  }
}
