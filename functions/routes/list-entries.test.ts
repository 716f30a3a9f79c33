import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadPublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { authorities, recordEvents } from '../../db/schema/index.ts'
import { insertSubject, makeUscc } from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
let company: string
let cookies: { editor: { Cookie: string }; reviewer: { Cookie: string }; dawa: { Cookie: string } }
beforeEach(async () => {
  t = await createTestApp()
  company = (
    await insertSubject(t.db, { id: makeUscc(5), uscc: makeUscc(5), districtCode: '211103' })
  ).id
  await t.db.insert(authorities).values({ name: '盘锦市住房和城乡建设局', districtCode: null })
  const editor = await addUser(t, 'editor-xl', 'editor', '211103')
  const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
  const dawa = await addUser(t, 'editor-dw', 'editor', '211104')
  cookies = {
    editor: await logInAs(t, 'editor-xl', editor.secret),
    reviewer: await logInAs(t, 'reviewer-xl', reviewer.secret),
    dawa: await logInAs(t, 'editor-dw', dawa.secret),
  }
})
afterEach(() => t.cleanup())

const entry = (over: Record<string, unknown> = {}) => ({
  subjectId: company,
  list: 'black',
  reason: '严重侵害业主权益，受到严重失信行政处罚。',
  basis: '《盘锦市物业行业领域专项整治工作实施方案》四（三）',
  decisionNo: '盘住建黑〔2026〕1号',
  authority: '盘锦市住房和城乡建设局',
  decisionDate: '2025-10-01',
  validUntil: '2028-09-30',
  measures: '限制承接新的物业服务项目。',
  removalRoute: '满一年后完成整改并作出信用承诺的，可申请信用修复。',
  ...over,
})

async function publish(body = entry()) {
  const { id } = (await (await post(t, '/api/v1/list-entries', body, cookies.editor)).json()) as {
    id: number
  }
  await post(t, `/api/v1/list-entries/${id}/submit`, {}, cookies.editor)
  expect((await post(t, `/api/v1/list-entries/${id}/approve`, {}, cookies.editor)).status).toBe(403)
  expect((await post(t, `/api/v1/list-entries/${id}/approve`, {}, cookies.reviewer)).status).toBe(
    200
  )
  return id
}

describe('red and black list entries', () => {
  it('are listed only after a second person approves, and asks for a rebuild', async () => {
    expect((await loadPublicSnapshot(t.db, '2026-11-27')).listEntries).toEqual([])
    await publish()
    const snap = await loadPublicSnapshot(t.db, '2026-11-27')
    expect(snap.listEntries.map((e) => e.decisionNo)).toEqual(['盘住建黑〔2026〕1号'])
    expect(snap.subjects[0]!.listStatus).toBe('black')
    expect(t.calls.publishes).toBe(1)
  })

  it('refuse a black-list validity beyond 3 years, an end before the start, and another district', async () => {
    for (const [over, field] of [
      [{ validUntil: '2028-10-02' }, 'validUntil'],
      [{ validUntil: '2025-09-30' }, 'validUntil'],
      [{ basis: ' ' }, 'basis'],
    ] as const) {
      const res = await post(t, '/api/v1/list-entries', entry(over), cookies.editor)
      expect(res.status, JSON.stringify(over)).toBe(422)
      expect(JSON.stringify(await res.json())).toContain(field)
    }
    expect((await post(t, '/api/v1/list-entries', entry(), cookies.dawa)).status).toBe(404)
  })

  it('leave the black list early only after the 1-year minimum, with a reason', async () => {
    const early = await publish(
      entry({
        decisionDate: '2026-06-01',
        validUntil: '2029-05-31',
        decisionNo: '盘住建黑〔2026〕2号',
      })
    )
    const refused = await post(
      t,
      `/api/v1/list-entries/${early}/remove`,
      { reason: '已完成整改' },
      cookies.reviewer
    )
    expect(refused.status).toBe(409)
    expect(JSON.stringify(await refused.json())).toContain('2027-06-01')
    const old = await publish()
    expect(
      (
        await post(
          t,
          `/api/v1/list-entries/${old}/remove`,
          { reason: '完成信用修复' },
          cookies.editor
        )
      ).status
    ).toBe(403)
    expect(
      (
        await post(
          t,
          `/api/v1/list-entries/${old}/remove`,
          { reason: '完成信用修复' },
          cookies.reviewer
        )
      ).status
    ).toBe(200)
    expect(
      (await post(t, `/api/v1/list-entries/${old}/remove`, { reason: '重复' }, cookies.reviewer))
        .status
    ).toBe(409)
    const snap = await loadPublicSnapshot(t.db, '2026-11-27')
    expect(snap.listEntries.map((e) => e.id)).toEqual([early])
    // The public change log says when and why it left the list.
    const log = await t.db
      .select()
      .from(recordEvents)
      .where(eq(recordEvents.objectId, String(old)))
    expect(log.map((e) => [e.event, e.reason])).toEqual([
      ['published', null],
      ['removed', '完成信用修复'],
    ])
  })
})
