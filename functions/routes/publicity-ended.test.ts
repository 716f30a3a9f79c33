import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { publicityEndedOn } from '../../db/domain/severity.ts'
import { authorities } from '../../db/schema/index.ts'
import { insertSubject, makeUscc, penaltyDraftBody } from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

/*
 * Issue 15: a decision whose publicity period has already ended on the day is never public, so
 * the platform must not accept, "publish" or announce it. The test clock is 2026-11-27
 * (Asia/Shanghai); a 一般 decision is public for 12 months from its date, its last day the day
 * before: decided 2025-11-28 → last public day 2026-11-27 (today), 2025-11-27 → 2026-11-26.
 */
const AUTHORITY = '盘锦市兴隆台区住房和城乡建设局'
let t: TestApp
let company: string
let cookies: { editor: { Cookie: string }; reviewer: { Cookie: string } }
let reviewerSecret: string
beforeEach(async () => {
  t = await createTestApp()
  company = (await insertSubject(t.db, { id: makeUscc(11), uscc: makeUscc(11) })).id
  await t.db.insert(authorities).values({ name: AUTHORITY, districtCode: '211103' })
  const editor = await addUser(t, 'editor-xl', 'editor', '211103')
  const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
  reviewerSecret = reviewer.secret
  cookies = {
    editor: await logInAs(t, 'editor-xl', editor.secret),
    reviewer: await logInAs(t, 'reviewer-xl', reviewer.secret),
  }
})
afterEach(() => t.cleanup())

const DAY = 86_400_000

describe('decisions past their publicity period', () => {
  it('the rule data decides the boundary: the last public day is still publishable', () => {
    expect(publicityEndedOn('2025-11-28', 'general', '2026-11-27')).toBeNull()
    expect(publicityEndedOn('2025-11-27', 'general', '2026-11-27')).toBe('2026-11-26')
    expect(publicityEndedOn('2023-11-28', 'serious', '2026-11-27')).toBeNull()
    expect(publicityEndedOn('2023-11-27', 'serious', '2026-11-27')).toBe('2026-11-26')
    expect(publicityEndedOn('2020-01-01', 'minor', '2026-11-27')).toBeNull()
  })

  it('a penalty draft past its period is refused on 处罚决定日期, naming the end date', async () => {
    const refused = await post(
      t,
      '/api/v1/penalties',
      penaltyDraftBody(company, AUTHORITY, { decisionDate: '2025-11-27' }),
      cookies.editor
    )
    expect(refused.status).toBe(422)
    const body = (await refused.json()) as {
      error: { code: string; fields: { field: string; code: string; message: string }[] }
    }
    expect(body.error.fields).toEqual([
      expect.objectContaining({ field: 'decisionDate', code: 'publicity_ended' }),
    ])
    expect(body.error.fields[0]!.message).toContain('2026-11-26')
    const lastDay = await post(
      t,
      '/api/v1/penalties',
      penaltyDraftBody(company, AUTHORITY, { decisionDate: '2025-11-28' }),
      cookies.editor
    )
    expect(lastDay.status).toBe(201)
  })

  it('a draft whose period ends before it is approved cannot be submitted or approved', async () => {
    const created = await post(
      t,
      '/api/v1/penalties',
      penaltyDraftBody(company, AUTHORITY, { decisionDate: '2025-11-28' }),
      cookies.editor
    )
    const { id } = (await created.json()) as { id: number }
    expect((await post(t, `/api/v1/penalties/${id}/submit`, {}, cookies.editor)).status).toBe(200)
    // The reviewer signs in tomorrow and finds it: its last public day has passed.
    t.clock.now += DAY
    const reviewer = await logInAs(t, 'reviewer-xl', reviewerSecret)
    const refused = await post(t, `/api/v1/penalties/${id}/approve`, {}, reviewer)
    expect(refused.status).toBe(409)
    expect(JSON.stringify(await refused.json())).toMatch(/PRECONDITION_FAILED.*2026-11-27/)
    expect(t.calls.publishes).toBe(0)
  })

  it('a bad credit record past its period is refused at draft', async () => {
    const res = await post(
      t,
      '/api/v1/credit-records',
      {
        subjectId: company,
        kind: 'bad',
        category: 'circulated_criticism',
        title: '通报批评',
        content: '未按规定公示收费项目。',
        authority: AUTHORITY,
        decisionDate: '2025-11-27',
        severity: 'general',
      },
      cookies.editor
    )
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toContain('publicity_ended')
  })

  it('a list entry whose validity has ended is refused at draft, on its 有效期', async () => {
    const res = await post(
      t,
      '/api/v1/list-entries',
      {
        subjectId: company,
        list: 'black',
        reason: '严重侵害业主权益，受到严重失信行政处罚。',
        basis: '《盘锦市物业行业领域专项整治工作实施方案》四（三）',
        decisionNo: '盘住建黑〔2024〕1号',
        authority: AUTHORITY,
        decisionDate: '2024-01-10',
        validUntil: '2026-11-26',
        measures: '限制承接新的物业服务项目。',
        removalRoute: '满一年后完成整改并作出信用承诺的，可申请信用修复。',
      },
      cookies.editor
    )
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { fields: { field: string; code: string }[] } }
    expect(body.error.fields).toEqual([
      expect.objectContaining({ field: 'validUntil', code: 'publicity_ended' }),
    ])
  })
})
