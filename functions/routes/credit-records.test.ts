import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadPublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { authorities } from '../../db/schema/index.ts'
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
beforeEach(async () => {
  t = await createTestApp()
  company = (
    await insertSubject(t.db, { id: makeUscc(11), uscc: makeUscc(11), districtCode: '211103' })
  ).id
  await t.db
    .insert(authorities)
    .values({ name: '盘锦市兴隆台区住房和城乡建设局', districtCode: '211103' })
})
afterEach(() => t.cleanup())

const record = (over: Record<string, unknown> = {}) => ({
  subjectId: company,
  kind: 'bad',
  category: 'interview',
  title: '被主管部门约谈',
  content: '因投诉处理不及时被约谈。',
  authority: '盘锦市兴隆台区住房和城乡建设局',
  decisionDate: '2026-09-01',
  severity: 'general',
  ...over,
})

describe('good and bad credit records', () => {
  it('publish with the publicity window of their severity, after a second person approves', async () => {
    const e = await logInAs(
      t,
      'editor-xl',
      (await addUser(t, 'editor-xl', 'editor', '211103')).secret
    )
    const r = await logInAs(
      t,
      'reviewer-xl',
      (await addUser(t, 'reviewer-xl', 'reviewer', '211103')).secret
    )
    for (const [over, field] of [
      [{ category: 'award' }, 'category'],
      [{ severity: undefined }, 'severity'],
      [{ kind: 'good', category: 'award' }, 'severity'],
    ] as const) {
      const res = await post(t, '/api/v1/credit-records', record(over), e)
      expect(res.status, JSON.stringify(over)).toBe(422)
      expect(JSON.stringify(await res.json())).toContain(field)
    }
    const { id } = (await (await post(t, '/api/v1/credit-records', record(), e)).json()) as {
      id: number
    }
    await post(t, `/api/v1/credit-records/${id}/submit`, {}, e)
    expect((await post(t, `/api/v1/credit-records/${id}/approve`, {}, r)).status).toBe(200)
    const [published] = (await loadPublicSnapshot(t.db, '2026-11-27')).creditFiles[0]!.records
    expect(published).toMatchObject({
      title: '被主管部门约谈',
      repairableFrom: '2026-12-01',
      publicUntil: '2027-08-31',
    })
    expect((await loadPublicSnapshot(t.db, '2027-09-01')).creditFiles[0]!.records).toEqual([])
  })
})
