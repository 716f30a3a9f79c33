import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  insertAuthority,
  insertPenalty,
  insertSubject,
  makeUscc,
} from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  get,
  logInAs,
  ORIGIN,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'
import { solvedAltcha } from '../../scripts/solve-altcha.ts'

let t: TestApp
let penaltyId: number
beforeEach(async () => {
  t = await createTestApp()
  const s = await insertSubject(t.db, {
    id: makeUscc(3),
    uscc: makeUscc(3),
    districtCode: '211103',
    name: '盘锦兴隆测试物业服务有限公司',
  })
  penaltyId = (await insertPenalty(t.db, s.id, await insertAuthority(t.db))).id
})
afterEach(() => t.cleanup())

const altcha = () => solvedAltcha(() => get(t, '/api/v1/public/challenge'))
const objection = async (over: Record<string, unknown> = {}) => ({
  record: `penalty:${penaltyId}`,
  objectorRole: 'subject',
  reason: '处罚决定书已于11月20日被复议机关撤销，请撤回公示。',
  contactName: '盘锦兴隆测试物业服务有限公司 李经理',
  contactPhone: '13812345678',
  consent: true,
  altcha: await altcha(),
  ...over,
})

describe('异议申诉 (issue 17)', { timeout: 30_000 }, () => {
  it('names the record, takes the objection with a document, and a reasoned reply closes it', async () => {
    const target = await (
      await get(t, `/api/v1/public/objection-target?record=penalty:${penaltyId}`)
    ).json()
    expect(target.target.label).toMatch(/兴住建罚决/)
    const form = new FormData()
    for (const [k, v] of Object.entries(await objection())) form.append(k, String(v))
    form.append(
      'documents',
      new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n']),
      '复议决定书.pdf'
    )
    const res = await t.app.request(`${ORIGIN}/api/v1/public/objections`, {
      method: 'POST',
      headers: { Origin: ORIGIN },
      body: form,
    })
    expect(res.status).toBe(201)
    const { receiptNo, accessCode } = await res.json()
    expect(receiptNo).toMatch(/^YY\d{8}-\d{6}$/)

    const editor = await addUser(t, 'editor-xl', 'editor', '211103')
    const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
    const dawa = await addUser(t, 'editor-dw', 'editor', '211104')
    const e = await logInAs(t, 'editor-xl', editor.secret)
    const r = await logInAs(t, 'reviewer-xl', reviewer.secret)
    const d = await logInAs(t, 'editor-dw', dawa.secret)
    const queue = await (await get(t, '/api/v1/objections', e)).json()
    expect(queue.objections).toHaveLength(1)
    const id = queue.objections[0].id
    expect((await get(t, `/api/v1/objections/${id}`, d)).status).toBe(404)
    const detail = await (await get(t, `/api/v1/objections/${id}`, e)).json()
    expect(detail.objection).toMatchObject({
      targetLabel: expect.stringMatching(/兴住建罚决/),
      hasContact: true,
    })
    expect(JSON.stringify(detail)).not.toContain('13812345678')
    const doc = await get(
      t,
      `/api/v1/objections/${id}/documents/${detail.objection.documents[0].id}`,
      e
    )
    expect(doc.headers.get('content-type')).toBe('application/pdf')
    expect(doc.headers.get('content-disposition')).toMatch(/^attachment/)

    await post(t, `/api/v1/objections/${id}/accept`, {}, e)
    await post(
      t,
      `/api/v1/objections/${id}/reply`,
      { reply: '经核查，复议机关维持了原处罚决定，异议不成立。' },
      e
    )
    expect((await post(t, `/api/v1/objections/${id}/approve-reply`, {}, e)).status).toBe(403)
    expect((await post(t, `/api/v1/objections/${id}/approve-reply`, {}, r)).status).toBe(200)
    const tracked = await (
      await get(t, `/api/v1/public/submissions/${receiptNo}?code=${accessCode}`)
    ).json()
    expect(tracked).toMatchObject({ statusLabel: '已办结', outcome: 'not_upheld' })
    expect(tracked.reply).toMatch(/异议不成立/)
  })

  it('refuses an objection to a record that is not public, and a PDF that carries script', async () => {
    const missing = await post(
      t,
      '/api/v1/public/objections',
      await objection({ record: 'penalty:999' })
    )
    expect(missing.status).toBe(404)
    const form = new FormData()
    for (const [k, v] of Object.entries(await objection())) form.append(k, String(v))
    form.append(
      'documents',
      new Blob(['%PDF-1.4\n<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>\n%%EOF']),
      'a.pdf'
    )
    const res = await t.app.request(`${ORIGIN}/api/v1/public/objections`, {
      method: 'POST',
      headers: { Origin: ORIGIN },
      body: form,
    })
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toContain('PDF 中含有脚本')
  })

  it('is upheld through the existing withdrawal, linked, with its public change-log line', async () => {
    const { receiptNo, accessCode } = await (
      await post(t, '/api/v1/public/objections', await objection())
    ).json()
    const editor = await addUser(t, 'editor-xl', 'editor', '211103')
    const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
    const e = await logInAs(t, 'editor-xl', editor.secret)
    const r = await logInAs(t, 'reviewer-xl', reviewer.secret)
    const id = (await (await get(t, '/api/v1/objections', e)).json()).objections[0].id
    await post(t, `/api/v1/objections/${id}/accept`, {}, e)
    const request = await post(
      t,
      `/api/v1/penalties/${penaltyId}/withdrawal-request`,
      { changedOn: '2026-11-20', reason: '处罚决定已被复议机关撤销。' },
      e
    )
    const changeId = (await request.json()).id
    // Not before the withdrawal has been approved by a second person.
    expect(
      (await post(t, `/api/v1/objections/${id}/uphold`, { changeRequestId: changeId }, e)).status
    ).toBe(409)
    expect((await post(t, `/api/v1/changes/${changeId}/approve`, {}, r)).status).toBe(200)
    expect(
      (await post(t, `/api/v1/objections/${id}/uphold`, { changeRequestId: changeId }, e)).status
    ).toBe(200)
    const tracked = await (
      await get(t, `/api/v1/public/submissions/${receiptNo}?code=${accessCode}`)
    ).json()
    expect(tracked).toMatchObject({ statusLabel: '已办结', outcome: 'upheld' })
  })
})
