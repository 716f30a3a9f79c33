import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAllowed, type Action } from '../../db/domain/policy.ts'
import { inScope, type Role } from '../../db/domain/user.ts'
import {
  insertAuthority,
  insertPenalty,
  insertSubject,
  makeUscc,
  penaltyDraftBody,
} from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  get,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

/*
 * Security matrix C1 as a property: random (role, actor district, action, target) tuples against
 * the real app, each answer checked against db/domain/policy.ts (the one policy table) and the
 * district scope. Targets include records of another district and ids that do not exist.
 */
const DISTRICTS = ['211103', '211104'] as const
type Scope = (typeof DISTRICTS)[number] | null
type Target = { district: (typeof DISTRICTS)[number]; id: number } | { district: null; id: number }

/** How each action is reached over HTTP; `record.remove` and `record.import` have their own tests. */
const PROBES: Partial<
  Record<
    Action,
    (
      t: TestApp,
      target: Target,
      subject: string,
      c: { Cookie: string }
    ) => Response | Promise<Response>
  >
> = {
  'record.read': (t, r, _s, c) => get(t, `/api/v1/admin/penalties/${r.id}`, c),
  'record.draft': (t, _r, subject, c) =>
    post(t, '/api/v1/penalties', penaltyDraftBody(subject, authorityName), c),
  'record.submit': (t, r, _s, c) => post(t, `/api/v1/penalties/${r.id}/submit`, {}, c),
  'record.approve': (t, r, _s, c) => post(t, `/api/v1/penalties/${r.id}/approve`, {}, c),
  'record.reject': (t, r, _s, c) =>
    post(t, `/api/v1/penalties/${r.id}/reject`, { reason: '事实部分需补充' }, c),
  'record.withdraw': (t, r, _s, c) =>
    post(t, `/api/v1/penalties/${r.id}/withdraw`, { reason: '处罚决定已被撤销' }, c),
  'audit.read': (t, _r, _s, c) => get(t, '/api/v1/audit', c),
  'user.manage': (t, _r, _s, c) => get(t, '/api/v1/users', c),
}
const SCOPED: ReadonlySet<Action> = new Set([
  'record.read',
  'record.draft',
  'record.submit',
  'record.approve',
  'record.reject',
  'record.withdraw',
])

let t: TestApp
let authorityName: string
const sessions = new Map<string, { Cookie: string }>()
const records: Target[] = []
const subjects: Record<(typeof DISTRICTS)[number], string> = { '211103': '', '211104': '' }

beforeAll(async () => {
  t = await createTestApp()
  const authority = await insertAuthority(t.db)
  authorityName = (await t.db.query.authorities.findFirst({
    where: (a, { eq }) => eq(a.id, authority),
  }))!.name
  for (const [i, district] of DISTRICTS.entries()) {
    const subject = await insertSubject(t.db, {
      uscc: makeUscc(100 + i, district),
      id: makeUscc(100 + i, district),
      districtCode: district,
    })
    subjects[district] = subject.id
    // Records in every state, drafted by someone who is never an actor below (four-eyes aside).
    for (const status of [
      'draft',
      'submitted',
      'published',
      'draft',
      'submitted',
      'published',
    ] as const) {
      const row = await insertPenalty(t.db, subject.id, authority, {
        districtCode: district,
        status,
        createdBy: null,
      })
      records.push({ district, id: row.id })
    }
  }
  for (const role of ['admin', 'editor', 'reviewer', 'auditor'] as const)
    for (const scope of [null, ...DISTRICTS] as Scope[]) {
      if ((role === 'admin' || role === 'auditor') && scope !== null) continue
      const name = `${role}-${scope ?? 'city'}`
      const user = await addUser(t, name, role, scope)
      sessions.set(name, await logInAs(t, name, user.secret))
    }
})
afterAll(() => t.cleanup())

const actorArb = fc.constantFrom(
  ...[
    ...['editor', 'reviewer'].flatMap((r) => [null, ...DISTRICTS].map((s) => [r, s] as const)),
    ['admin', null] as const,
    ['auditor', null] as const,
  ]
)
const targetArb = fc.oneof(
  fc.constantFrom(...Array.from({ length: 12 }, (_, i) => i)).map((i) => records[i]!),
  // Ids that exist nowhere.
  fc.integer({ min: 10_000, max: 2 ** 31 }).map((id) => ({ district: null, id }) as Target)
)

describe('C1 role × district × action matrix (fast-check)', () => {
  it('answers every tuple as the policy table and the district scope say: 403, 404, or allowed', async () => {
    await fc.assert(
      fc.asyncProperty(
        actorArb,
        fc.constantFrom(...(Object.keys(PROBES) as Action[])),
        targetArb,
        fc.constantFrom(...DISTRICTS),
        async ([role, scope], action, target, subjectDistrict) => {
          const actor = { district: scope }
          const res = await PROBES[action]!(
            t,
            target,
            subjects[subjectDistrict],
            sessions.get(`${role}-${scope ?? 'city'}`)!
          )
          const where = `${role}@${scope ?? 'city'} ${action} → ${JSON.stringify(target)}`
          expect(res.status, where).toBeLessThan(500)
          const district = action === 'record.draft' ? subjectDistrict : target.district
          let expected: number[]
          if (!isAllowed(role as Role, action)) expected = [403]
          else if (!SCOPED.has(action)) expected = [200]
          else if (district === null || !inScope(actor, district)) expected = [404]
          // Allowed and in scope: the step may still be refused for the record's state (409),
          // never as forbidden or missing.
          else expected = [200, 201, 409]
          expect(expected, where).toContain(res.status)
        }
      ),
      { numRuns: 300 }
    )
  })
})
