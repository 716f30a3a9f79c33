import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findPenaltyRow } from '../../db/mutations/penalties.ts'
import { eraseExpiredRepairApplicationData } from '../services/repair-applications.ts'
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
const uscc = makeUscc(5)
beforeEach(async () => {
  t = await createTestApp()
  await insertSubject(t.db, {
    id: uscc,
    uscc,
    districtCode: '211103',
    name: '盘锦兴隆测试物业服务有限公司',
  })
  penaltyId = (await insertPenalty(t.db, uscc, await insertAuthority(t.db))).id
})
afterEach(() => t.cleanup())

const pdf = () => new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'])
async function apply(
  over: Record<string, string> = {},
  materials = ['commitment', 'licence', 'performance', 'repair_form']
) {
  const altcha = await solvedAltcha(() => get(t, '/api/v1/public/challenge'))
  const form = new FormData()
  const fields = {
    record: `penalty:${penaltyId}`,
    applicantRole: 'legal_representative',
    applicantName: '张经理',
    uscc,
    contactPhone: '13812345678',
    commitment: 'true',
    consent: 'true',
    altcha,
    ...over,
  }
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const m of materials) form.append(`material-${m}`, pdf(), `${m}.pdf`)
  return t.app.request(`${ORIGIN}/api/v1/public/repair-applications`, {
    method: 'POST',
    headers: { Origin: ORIGIN },
    body: form,
  })
}

describe('信用修复申请 online (issue 17)', { timeout: 30_000 }, () => {
  it('becomes the repair request staff review; approval repairs the record; the applicant tracks it', async () => {
    const target = await (
      await get(t, `/api/v1/public/repair-target?record=penalty:${penaltyId}`)
    ).json()
    expect(target.target).toMatchObject({ repairableFrom: '2026-08-10' })
    const res = await apply()
    expect(res.status).toBe(201)
    const { receiptNo, accessCode } = await res.json()
    expect(receiptNo).toMatch(/^XF\d{8}-\d{6}$/)
    const track = () => get(t, `/api/v1/public/submissions/${receiptNo}?code=${accessCode}`)
    expect(await (await track()).json()).toMatchObject({ statusLabel: '审核中' })

    const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
    const editor = await addUser(t, 'editor-xl', 'editor', '211103')
    const r = await logInAs(t, 'reviewer-xl', reviewer.secret)
    const e = await logInAs(t, 'editor-xl', editor.secret)
    const queue = await (await get(t, '/api/v1/admin/queue', r)).json()
    const item = queue.items.find((i: { kind: string }) => i.kind === 'change')
    expect(item).toBeDefined()
    const app = await (await get(t, `/api/v1/repair-applications/by-change/${item.id}`, e)).json()
    expect(app.application.documents).toHaveLength(4)
    expect(JSON.stringify(app)).not.toContain('13812345678')
    expect((await post(t, `/api/v1/changes/${item.id}/approve`, {}, r)).status).toBe(200)
    expect((await findPenaltyRow(t.db, penaltyId))!.repairedOn).toBe('2026-11-27')
    expect(await (await track()).json()).toMatchObject({ statusLabel: '已修复（已停止公示）' })
  })

  it('refuses another company’s code, missing materials, and a second application while one is pending', async () => {
    const other = await apply({ uscc: makeUscc(6) })
    expect(other.status).toBe(422)
    expect(JSON.stringify(await other.json())).toContain('与这条记录的当事人不符')
    const missing = await apply({}, ['commitment'])
    expect(missing.status).toBe(422)
    expect(JSON.stringify(await missing.json())).toContain('"field":"material-licence"')
    expect((await apply()).status).toBe(201)
    const again = await apply()
    expect(again.status).toBe(409)
  })

  it('erases the applicant’s contact and materials two years after a refusal (不予修复)', async () => {
    const { receiptNo } = await (await apply()).json()
    const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
    const r = await logInAs(t, 'reviewer-xl', reviewer.secret)
    const queue = await (await get(t, '/api/v1/admin/queue', r)).json()
    const change = queue.items.find((i: { kind: string }) => i.kind === 'change')
    const refused = await post(
      t,
      `/api/v1/changes/${change.id}/reject`,
      { reason: '缺少罚款缴纳凭证原件。' },
      r
    )
    expect(refused.status).toBe(200)
    const day = 86_400_000
    const at = (ms: number) => ({ ...t.ctx(), nowMs: ms, actor: null })
    expect(await eraseExpiredRepairApplicationData(at(t.clock.now + 700 * day))).toEqual([])
    expect(await eraseExpiredRepairApplicationData(at(t.clock.now + 732 * day))).toHaveLength(1)
    const rows = await t.db.$client.execute(
      'select contact_sealed, (select count(*) from repair_application_documents) as docs from repair_applications where receipt_no = ?',
      [receiptNo]
    )
    expect(rows.rows[0]).toMatchObject({ contact_sealed: null, docs: 0 })
  })
})
