import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { QueueItem } from '../../db/queries/admin-queue.ts'
import { authorities } from '../../db/schema/index.ts'
import { insertSubject, makeUscc } from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  get,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
  await t.db.insert(authorities).values({ name: '盘锦市住房和城乡建设局', districtCode: null })
})
afterEach(() => t.cleanup())

describe('GET /api/v1/admin/queue', () => {
  it('lists drafts of every kind inside the caller’s district only', async () => {
    const xl = (
      await insertSubject(t.db, { id: makeUscc(21), uscc: makeUscc(21), districtCode: '211103' })
    ).id
    const dw = (
      await insertSubject(t.db, {
        id: makeUscc(22, '211104'),
        uscc: makeUscc(22, '211104'),
        districtCode: '211104',
      })
    ).id
    const city = await logInAs(
      t,
      'editor-city',
      (await addUser(t, 'editor-city', 'editor', null)).secret
    )
    const record = (subjectId: string) => ({
      subjectId,
      kind: 'good',
      category: 'award',
      title: '获评优秀企业',
      content: '记入良好信用记录。',
      authority: '盘锦市住房和城乡建设局',
      decisionDate: '2026-10-01',
    })
    const entry = (subjectId: string, n: number) => ({
      subjectId,
      list: 'red',
      reason: '信用良好',
      basis: '实施方案六（五）',
      decisionNo: `盘住建红〔2026〕${n}号`,
      authority: '盘锦市住房和城乡建设局',
      decisionDate: '2026-10-01',
      validUntil: '2028-09-30',
      measures: '绿色通道',
      removalRoute: '期满移出',
    })
    expect((await post(t, '/api/v1/credit-records', record(xl), city)).status).toBe(201)
    expect((await post(t, '/api/v1/credit-records', record(dw), city)).status).toBe(201)
    expect((await post(t, '/api/v1/list-entries', entry(xl, 1), city)).status).toBe(201)
    const all = (
      (await (await get(t, '/api/v1/admin/queue', city)).json()) as { items: QueueItem[] }
    ).items
    expect(all.map((i) => i.kind).sort()).toEqual(['creditRecord', 'creditRecord', 'listEntry'])
    const dawa = await logInAs(
      t,
      'editor-dw',
      (await addUser(t, 'editor-dw', 'editor', '211104')).secret
    )
    const scoped = (
      (await (await get(t, '/api/v1/admin/queue', dawa)).json()) as { items: QueueItem[] }
    ).items
    expect(scoped.map((i) => [i.kind, i.districtCode, i.createdByName])).toEqual([
      ['creditRecord', '211104', 'editor-city'],
    ])
  })
})
