import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { findPenaltyRow } from '../../db/mutations/penalties.ts'
import { auditLog, authorities } from '../../db/schema/index.ts'
import { insertSubject, makeUscc, penaltyDraftBody } from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
let subject: string
const authority = '盘锦市兴隆台区住房和城乡建设局'
beforeEach(async () => {
  t = await createTestApp()
  subject = (
    await insertSubject(t.db, {
      id: makeUscc(1),
      uscc: makeUscc(1),
      districtCode: '211103',
      name: '盘锦兴隆测试物业服务有限公司',
    })
  ).id
  await t.db.insert(authorities).values({ name: authority, districtCode: '211103' })
})
afterEach(() => t.cleanup())

async function actors() {
  const author = await addUser(t, 'editor-a', 'editor', '211103')
  const other = await addUser(t, 'editor-b', 'editor', '211103')
  return {
    author: await logInAs(t, 'editor-a', author.secret),
    other: await logInAs(t, 'editor-b', other.secret),
  }
}
const draft = (over: Record<string, unknown> = {}) => penaltyDraftBody(subject, authority, over)

describe('修改草稿 and 撤回提交 (issue 16, item 2)', () => {
  it('lets the author revise a draft, re-checking it as a new draft would be', async () => {
    const a = await actors()
    const { id } = await (await post(t, '/api/v1/penalties', draft(), a.author)).json()
    const revised = await post(
      t,
      `/api/v1/penalties/${id}/revise`,
      draft({ facts: '经核查，该公司未按规定公示收费项目。', fineYuan: 1500 }),
      a.author
    )
    expect(revised.status).toBe(200)
    expect(await revised.json()).toMatchObject({ id, status: 'draft', version: 2 })
    const row = await findPenaltyRow(t.db, id)
    expect(row).toMatchObject({ facts: '经核查，该公司未按规定公示收费项目。', fineFen: 150000 })
    const bad = await post(
      t,
      `/api/v1/penalties/${id}/revise`,
      draft({ decisionDate: '2999-01-01' }),
      a.author
    )
    expect(bad.status).toBe(422)
    expect((await findPenaltyRow(t.db, id))!.version).toBe(2)
    const actions = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, String(id)))
    expect(actions.map((r) => r.action)).toEqual(['penalty.draft', 'penalty.revise'])
  })

  it('keeps the draft its author’s: another editor can neither revise nor recall it', async () => {
    const a = await actors()
    const { id } = await (await post(t, '/api/v1/penalties', draft(), a.author)).json()
    const revise = await post(t, `/api/v1/penalties/${id}/revise`, draft(), a.other)
    expect(revise.status).toBe(403)
    expect(JSON.stringify(await revise.json())).toContain('只有起草人本人可以修改草稿')
    await post(t, `/api/v1/penalties/${id}/submit`, {}, a.author)
    expect((await post(t, `/api/v1/penalties/${id}/recall`, {}, a.other)).status).toBe(403)
  })

  it('recalls a submission to draft, after which it can be revised and submitted again', async () => {
    const a = await actors()
    const { id } = await (await post(t, '/api/v1/penalties', draft(), a.author)).json()
    await post(t, `/api/v1/penalties/${id}/submit`, {}, a.author)
    const submitted = await post(t, `/api/v1/penalties/${id}/revise`, draft(), a.author)
    expect(submitted.status).toBe(409)
    expect(JSON.stringify(await submitted.json())).toContain('请先撤回提交')
    const recalled = await post(t, `/api/v1/penalties/${id}/recall`, {}, a.author)
    expect(await recalled.json()).toMatchObject({ status: 'draft' })
    expect((await post(t, `/api/v1/penalties/${id}/revise`, draft(), a.author)).status).toBe(200)
    expect((await post(t, `/api/v1/penalties/${id}/submit`, {}, a.author)).status).toBe(200)
    expect((await post(t, `/api/v1/penalties/${id}/recall`, {}, a.author)).status).toBe(200)
    expect((await post(t, `/api/v1/penalties/${id}/recall`, {}, a.author)).status).toBe(409)
  })
})
