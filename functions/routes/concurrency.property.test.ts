import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findPenaltyRow } from '../../db/mutations/penalties.ts'
import {
  insertAuthority,
  insertPenalty,
  insertSubject,
  makeUscc,
} from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

/*
 * Security matrix K6 as a property: N editors correct the same published record at once, in a
 * random order — exactly one correction opens (one open correction per record), the rest get 409;
 * then N reviewers approve it at once — it applies exactly once (the record moves one version on,
 * guarded by UPDATE … WHERE version = ?), and the record holds the winner's value.
 * (A correction approved after the record moved on is 412: changes.test.ts › K6.)
 */
let t: TestApp
let editors: { Cookie: string }[]
let reviewers: { Cookie: string }[]
let subject: string
let authority: number

beforeAll(async () => {
  t = await createTestApp()
  subject = (await insertSubject(t.db, { uscc: makeUscc(7), id: makeUscc(7) })).id
  authority = await insertAuthority(t.db)
  editors = []
  for (let i = 0; i < 5; i++) {
    const e = await addUser(t, `editor-${i}`, 'editor', '211103')
    editors.push(await logInAs(t, `editor-${i}`, e.secret))
  }
  reviewers = []
  for (let i = 0; i < 5; i++) {
    const r = await addUser(t, `reviewer-${i}`, 'reviewer', '211103')
    reviewers.push(await logInAs(t, `reviewer-${i}`, r.secret))
  }
})
afterAll(() => t.cleanup())

describe('K6 concurrent edits (fast-check interleavings)', () => {
  it('opens one of N simultaneous corrections and applies it once under N simultaneous approvals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 2, max: 5 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: n }))
          ),
        async ([n, order]) => {
          const penalty = await insertPenalty(t.db, subject, authority, {
            status: 'published',
            decisionDate: '2026-06-01',
          })
          // N editors correct the same record at once: one open correction per record.
          const drafts = await Promise.all(
            order.map((i) =>
              post(
                t,
                `/api/v1/penalties/${penalty.id}/correct`,
                {
                  changes: { content: `警告，罚款人民币${1000 + i}元。` },
                  reason: `第${i + 1}位编辑更正`,
                },
                editors[i]!
              )
            )
          )
          const drafted = drafts.map((d) => d.status)
          expect(drafted.filter((s) => s === 201)).toHaveLength(1)
          expect(drafted.filter((s) => s === 409)).toHaveLength(n - 1)
          const winner = order[drafted.indexOf(201)]!
          const { id } = (await drafts[drafted.indexOf(201)]!.json()) as { id: number }
          expect((await post(t, `/api/v1/changes/${id}/submit`, {}, editors[winner]!)).status).toBe(
            200
          )

          // N reviewers approve it at once, in a random order: it applies exactly once.
          const approvals = await Promise.all(
            order.map((i) => post(t, `/api/v1/changes/${id}/approve`, {}, reviewers[i]!))
          )
          const approved = approvals.map((a) => a.status)
          expect(approved.filter((s) => s === 200)).toHaveLength(1)
          expect(approved.every((s) => s === 200 || s === 409 || s === 412)).toBe(true)
          const row = (await findPenaltyRow(t.db, penalty.id))!
          expect(row.version).toBe(penalty.version + 1)
          expect(row.content).toBe(`警告，罚款人民币${1000 + winner}元。`)
        }
      ),
      { numRuns: 25 }
    )
  })
})
