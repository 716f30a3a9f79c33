import { count, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findPenaltyRow } from '../db/mutations/penalties.ts'
import { auditLog, authorities, idempotencyKeys, outbox } from '../db/schema/index.ts'
import { insertSubject, makeUscc, penaltyDraftBody } from '../tests/fixtures/builders.ts'
import { faultInjector, networkDown } from '../tests/helpers/faults.ts'
import {
  addUser,
  createTestApp,
  get,
  logInAs,
  post,
  type TestApp,
} from '../tests/helpers/test-app.ts'

/*
 * Security matrix K1–K3 and C4 with the real libSQL engine: the driver under drizzle is wrapped
 * so that a chosen statement fails (tests/helpers/faults.ts). The product code runs unchanged.
 */
let t: TestApp
let faults: ReturnType<typeof faultInjector>
let editor: { Cookie: string }
let reviewer: { Cookie: string }
let subject: string

beforeEach(async () => {
  faults = faultInjector()
  t = await createTestApp({ wrapClient: faults.wrap })
  subject = (
    await insertSubject(t.db, {
      id: makeUscc(1),
      uscc: makeUscc(1),
      districtCode: '211103',
      name: '盘锦兴隆测试物业服务有限公司',
    })
  ).id
  await t.db
    .insert(authorities)
    .values({ name: '盘锦市兴隆台区住房和城乡建设局', districtCode: '211103' })
  const e = await addUser(t, 'editor-xl', 'editor', '211103')
  const r = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
  editor = await logInAs(t, 'editor-xl', e.secret)
  reviewer = await logInAs(t, 'reviewer-xl', r.secret)
})
afterEach(() => t.cleanup())

/** A penalty submitted for review, ready to be approved (published). */
async function submittedPenalty(): Promise<number> {
  const created = await post(
    t,
    '/api/v1/penalties',
    penaltyDraftBody(subject, '盘锦市兴隆台区住房和城乡建设局'),
    editor
  )
  const { id } = (await created.json()) as { id: number }
  expect((await post(t, `/api/v1/penalties/${id}/submit`, {}, editor)).status).toBe(200)
  return id
}

/** Everything a publish writes, for one penalty: its row, audit rows, outbox rows, stored answers. */
async function footprint(id: number) {
  const row = (await findPenaltyRow(t.db, id))!
  const [audits] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.action, 'penalty.approve'))
  const [rebuilds] = await t.db
    .select({ n: count() })
    .from(outbox)
    .where(eq(outbox.objectId, String(id)))
  const [answers] = await t.db.select({ n: count() }).from(idempotencyKeys)
  return {
    status: row.status,
    version: row.version,
    approveAudits: audits!.n,
    rebuilds: rebuilds!.n,
    answers: answers!.n,
  }
}

const approve = (id: number, key: string) =>
  post(t, `/api/v1/penalties/${id}/approve`, {}, { ...reviewer, 'Idempotency-Key': key })

describe('K1 publish atomicity and K2 DB unreachable mid-publish', () => {
  it('fails whole or not at all at every statement, and a retry with the same key publishes once', async () => {
    // How many statements one publish request runs (session, key look-up, transaction, commit …).
    const probe = await submittedPenalty()
    faults.arm()
    expect((await approve(probe, `probe-${probe}-key`)).status).toBe(200)
    const statements = faults.plan.count
    expect(statements).toBeGreaterThan(5)

    for (let k = 1; k <= statements; k++) {
      const id = await submittedPenalty()
      const before = await footprint(id)
      const key = `publish-${id}-key`
      faults.arm({ failAt: k })
      const failed = await approve(id, key)
      expect(failed.status, `statement ${k}`).toBe(503)
      const body = (await failed.json()) as { error: { code: string; requestId: string } }
      expect(body.error.code).toBe('SERVICE_UNAVAILABLE')
      expect(body.error.requestId).toBe(failed.headers.get('X-Request-Id'))
      expect(failed.headers.get('Retry-After')).toBe('5')

      // All or nothing: either the whole publish is there, or none of it.
      const after = await footprint(id)
      const published = {
        status: 'published',
        version: before.version + 1,
        approveAudits: before.approveAudits + 1,
        rebuilds: before.rebuilds + 1,
      }
      if (after.status === 'published') expect(after).toMatchObject(published)
      else expect(after).toEqual(before)

      // The client retries with the same key: exactly one publish in the end.
      faults.arm()
      const retried = await approve(id, key)
      expect(retried.status, `retry after statement ${k}`).toBe(200)
      expect(await retried.json()).toEqual({ id, status: 'published', version: before.version + 1 })
      expect(await footprint(id)).toMatchObject(published)
    }
  })
})

describe('K3 ambiguous commit', () => {
  it('replays the committed answer when the commit landed but its response was lost', async () => {
    const id = await submittedPenalty()
    const before = await footprint(id)
    faults.arm({ loseNextCommit: true })
    const lost = await approve(id, `ambiguous-${id}-key`)
    expect(lost.status).toBe(503)
    expect((await footprint(id)).status).toBe('published')

    faults.arm()
    const retried = await approve(id, `ambiguous-${id}-key`)
    expect(retried.status).toBe(200)
    expect(retried.headers.get('Idempotent-Replayed')).toBe('true')
    expect(await retried.json()).toEqual({ id, status: 'published', version: before.version + 1 })
    expect(await footprint(id)).toMatchObject({
      approveAudits: before.approveAudits + 1,
      rebuilds: before.rebuilds + 1,
    })
  })
})

describe('C4 fail closed', () => {
  it('answers 503 with a request id, never 200, when the session or permission look-up fails', async () => {
    for (const error of [networkDown, undefined]) {
      faults.arm({ failAt: 1, ...(error ? { error } : {}) })
      const read = await get(t, '/api/v1/admin/penalties', reviewer)
      expect(read.status).toBe(503)
      expect(((await read.json()) as { error: { requestId: string } }).error.requestId).toBe(
        read.headers.get('X-Request-Id')
      )
      const [before] = await t.db.select({ n: count() }).from(auditLog)
      faults.arm({ failAt: 1, ...(error ? { error } : {}) })
      const write = await post(t, '/api/v1/penalties', { subjectUscc: subject }, editor)
      expect(write.status).toBe(503)
      const [after] = await t.db.select({ n: count() }).from(auditLog)
      expect(after!.n).toBe(before!.n)
    }
  })
})
