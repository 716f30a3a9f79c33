import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  insertAuthority,
  insertSubject,
  makeUscc,
  penaltyDraftBody,
} from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

/*
 * The input schemas as properties (issue 7): a valid body with any one field replaced by hostile
 * JSON — wrong types, huge or odd numbers, hostile Unicode, nested objects, unknown keys — is
 * either accepted or refused with 4xx naming the field at fault; never a 500, and a refusal
 * changes nothing. Run against the real routes and the real libSQL file.
 */
let t: TestApp
let editor: { Cookie: string }
let authority: string
let subject: string
let n = 0

beforeAll(async () => {
  t = await createTestApp()
  const id = await insertAuthority(t.db)
  authority = (await t.db.query.authorities.findFirst({ where: (a, { eq }) => eq(a.id, id) }))!.name
  subject = (await insertSubject(t.db, { uscc: makeUscc(7), id: makeUscc(7) })).id
  const e = await addUser(t, 'editor-xl', 'editor', '211103')
  editor = await logInAs(t, 'editor-xl', e.secret)
})
afterAll(() => t.cleanup())

const VALID: Record<string, () => Record<string, unknown>> = {
  '/api/v1/penalties': () => penaltyDraftBody(subject, authority),
  '/api/v1/typical-cases': () => ({
    title: `物业服务企业停水催费案${++n}`,
    subjectId: subject,
    authority,
    background: '某小区物业服务企业。',
    violationFacts: '以停水方式催缴物业费。',
    legalBasis: '《盘锦市物业管理条例》第二十三条。',
    outcome: '责令改正，罚款。',
  }),
  '/api/v1/subjects': () => ({
    uscc: makeUscc(5000 + ++n),
    name: `盘锦测试${n}物业服务有限公司`,
    kind: 'property_company',
    districtCode: '211103',
  }),
}

const TABLE: Record<string, string> = {
  '/api/v1/penalties': 'penalties',
  '/api/v1/typical-cases': 'typical_cases',
  '/api/v1/subjects': 'change_requests',
}
const rows = async (path: string) =>
  Number((await t.db.$client.execute(`select count(*) as n from ${TABLE[path]}`)).rows[0]!.n)

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u202e\u2066名称\u2069',
    '\u200b',
    '\uFEFF',
    '＜script＞alert(1)＜/script＞',
    "' OR 1=1--",
    '1);DROP TABLE penalties;--',
    "%'--",
    '\u0000',
    '𠀀𠀁',
    '1e309',
    'NaN',
    '９１２１１１０３',
    'x'.repeat(10_000)
  )
)
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, -0, 1e308, 9007199254740993, 0.1, 1e-7),
  fc.double(),
  fc.integer(),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 })
)

describe('input schemas (fast-check)', () => {
  for (const [path, valid] of Object.entries(VALID)) {
    it(`${path}: any one hostile field is accepted or refused with 4xx naming it, never 500`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...Object.keys(valid()), 'unknownKey', '__proto__', 'status'),
          hostileValue,
          async (field, value) => {
            const body = valid()
            Object.defineProperty(body, field, {
              value,
              enumerable: true,
              configurable: true,
              writable: true,
            })
            const before = await rows(path)
            const res = await post(t, path, body, editor)
            if (res.status !== 201) expect(await rows(path)).toBe(before)
            expect(res.status, `${field}=${JSON.stringify(value)?.slice(0, 80)}`).toBeLessThan(500)
            if (res.status === 422) {
              const { error } = (await res.json()) as {
                error: { code: string; fields: { field: string; message: string }[] }
              }
              expect(error.code).toBe('VALIDATION')
              expect(error.fields.length).toBeGreaterThan(0)
              for (const f of error.fields) expect(f.message).toMatch(/\S/)
            } else expect([201, 400, 404, 409, 413]).toContain(res.status)
          }
        ),
        { numRuns: 150 }
      )
    })
  }
})
