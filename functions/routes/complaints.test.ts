import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/queries/audit.ts'
import { loadPublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { insertSubject, makeUscc } from '../../tests/fixtures/builders.ts'
import { complaints } from '../../db/schema/index.ts'
import { eraseExpiredComplaintData } from '../services/complaints.ts'
import {
  addUser,
  createTestApp,
  get,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'
import { solvedAltcha } from '../../scripts/solve-altcha.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.cleanup())

async function file(): Promise<{ receiptNo: string; accessCode: string; id: number }> {
  const altcha = await solvedAltcha(() => get(t, '/api/v1/public/challenge'))
  const res = await post(t, '/api/v1/public/complaints', {
    districtCode: '211103',
    projectName: '兴隆家园',
    category: 'property_company.4',
    description: '电梯停运三天，报修无人处理。',
    contactPhone: '13912346608',
    consent: true,
    altcha,
  })
  const answer = await res.json()
  return { ...answer, id: 1 }
}

async function staff() {
  const editor = await addUser(t, 'editor-xl', 'editor', '211103')
  const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
  const dawa = await addUser(t, 'editor-dw', 'editor', '211104')
  return {
    editor: await logInAs(t, 'editor-xl', editor.secret),
    reviewer: await logInAs(t, 'reviewer-xl', reviewer.secret),
    dawa: await logInAs(t, 'editor-dw', dawa.secret),
  }
}

describe('投诉举报 in the console (issue 17)', { timeout: 30_000 }, () => {
  it('is accepted, answered with a reply a second person approved, closed, and tracked', async () => {
    const c = await file()
    const s = await staff()
    const queue = await (await get(t, '/api/v1/complaints', s.editor)).json()
    expect(queue.complaints).toHaveLength(1)
    expect(queue.complaints[0]).toMatchObject({ receiptNo: c.receiptNo, acceptBy: '2026-12-12' })
    // Another district cannot see that it exists.
    expect((await get(t, `/api/v1/complaints/${c.id}`, s.dawa)).status).toBe(404)
    expect((await (await get(t, '/api/v1/complaints', s.dawa)).json()).complaints).toEqual([])

    expect((await post(t, `/api/v1/complaints/${c.id}/accept`, {}, s.editor)).status).toBe(200)
    const reply = '经查，电梯已于11月28日修复，已责令物业公司建立24小时报修响应制度。'
    expect((await post(t, `/api/v1/complaints/${c.id}/reply`, { reply }, s.editor)).status).toBe(
      200
    )
    // Not yet approved: the complainant does not see it, and it cannot be closed.
    const before = await (
      await get(t, `/api/v1/public/submissions/${c.receiptNo}?code=${c.accessCode}`)
    ).json()
    expect(before).toMatchObject({ statusLabel: '办理中', reply: null })
    expect(
      (await post(t, `/api/v1/complaints/${c.id}/close`, { substantiated: true }, s.editor)).status
    ).toBe(409)
    expect((await post(t, `/api/v1/complaints/${c.id}/approve-reply`, {}, s.reviewer)).status).toBe(
      200
    )
    expect(
      (await post(t, `/api/v1/complaints/${c.id}/close`, { substantiated: true }, s.editor)).status
    ).toBe(200)
    const after = await (
      await get(t, `/api/v1/public/submissions/${c.receiptNo}?code=${c.accessCode}`)
    ).json()
    expect(after).toMatchObject({ statusLabel: '已办结', reply })
    expect(JSON.stringify(after)).not.toContain('13912346608')
  })

  it('opens the contact only on request, with an audit row each time', async () => {
    const c = await file()
    const s = await staff()
    const detail = await (await get(t, `/api/v1/complaints/${c.id}`, s.editor)).json()
    expect(JSON.stringify(detail)).not.toContain('13912346608')
    expect(detail.complaint.hasContact).toBe(true)
    const contact = await (await get(t, `/api/v1/complaints/${c.id}/contact`, s.editor)).json()
    expect(contact.contact.phone).toBe('13912346608')
    const rows = await listAudit(t.db, { objectType: 'complaint', objectId: String(c.id) })
    expect(rows.map((r) => r.action)).toContain('complaint.contact_read')
  })

  it('keeps four eyes on the reply', async () => {
    const c = await file()
    const a = await addUser(t, 'admin-xl', 'admin', '211103')
    const admin = await logInAs(t, 'admin-xl', a.secret)
    await post(t, `/api/v1/complaints/${c.id}/accept`, {}, admin)
    await post(t, `/api/v1/complaints/${c.id}/reply`, { reply: '已处理。' }, admin)
    const own = await post(t, `/api/v1/complaints/${c.id}/approve-reply`, {}, admin)
    expect(own.status).toBe(403)
  })
})

describe('retention (issue 17)', { timeout: 30_000 }, () => {
  it('erases contact and photos two years after closing, and nothing earlier', async () => {
    const c = await file()
    const s = await staff()
    await post(t, `/api/v1/complaints/${c.id}/accept`, {}, s.editor)
    await post(t, `/api/v1/complaints/${c.id}/reply`, { reply: '已处理。' }, s.editor)
    await post(t, `/api/v1/complaints/${c.id}/approve-reply`, {}, s.reviewer)
    await post(t, `/api/v1/complaints/${c.id}/close`, { substantiated: false }, s.editor)
    const day = 86_400_000
    const at = (ms: number) => ({ ...t.ctx(), nowMs: ms, actor: null })
    expect(await eraseExpiredComplaintData(at(t.clock.now + 700 * day))).toEqual([])
    expect(await eraseExpiredComplaintData(at(t.clock.now + 732 * day))).toEqual([c.id])
    const [row] = await t.db.select().from(complaints)
    expect(row).toMatchObject({ contactSealed: null, status: 'closed' })
    expect(row!.erasedAt).not.toBeNull()
    // The complainant can still read the outcome.
    const track = await get(t, `/api/v1/public/submissions/${c.receiptNo}?code=${c.accessCode}`)
    expect(await track.json()).toMatchObject({ statusLabel: '已办结', reply: '已处理。' })
  })
})

describe('投诉处理 → 整治台账 (issue 17)', { timeout: 30_000 }, () => {
  it('records an accepted complaint as a ledger item and links the two', async () => {
    const c = await file()
    const s = await staff()
    const company = await insertSubject(t.db, {
      id: makeUscc(7),
      uscc: makeUscc(7),
      districtCode: '211103',
      name: '盘锦兴隆测试物业服务有限公司',
    })
    const item = {
      source: 'complaint',
      subjectId: company.id,
      violationType: 'property_company.4',
      foundOn: '2026-11-27',
      problem: '电梯停运三天，报修无人处理。',
      responsibleParty: '项目经理',
      measures: '修复电梯。',
      deadline: '2026-12-27',
      districtCode: '211103',
      complaintId: c.id,
    }
    // Not before it is accepted.
    expect((await post(t, '/api/v1/campaign/ledger', item, s.editor)).status).toBe(409)
    await post(t, `/api/v1/complaints/${c.id}/accept`, {}, s.editor)
    // Not from another district.
    expect((await post(t, '/api/v1/campaign/ledger', item, s.dawa)).status).toBe(404)
    const res = await post(t, '/api/v1/campaign/ledger', item, s.editor)
    expect(res.status).toBe(201)
    const { id } = await res.json()
    const detail = await (await get(t, `/api/v1/complaints/${c.id}`, s.editor)).json()
    expect(detail.complaint.ledgerItemId).toBe(id)
  })
})

describe('what the public learns (issue 17)', { timeout: 30_000 }, () => {
  it('counts per district, and 查实 complaints on the company’s credit file, never their content', async () => {
    const company = await insertSubject(t.db, {
      id: makeUscc(8),
      uscc: makeUscc(8),
      districtCode: '211103',
      name: '盘锦兴隆测试物业服务有限公司',
    })
    const altcha = await solvedAltcha(() => get(t, '/api/v1/public/challenge'))
    await post(t, '/api/v1/public/complaints', {
      districtCode: '211103',
      projectName: '兴隆家园',
      subjectId: company.id,
      category: 'property_company.4',
      description: '电梯停运三天，报修无人处理。',
      consent: true,
      altcha,
    })
    await file()
    const s = await staff()
    await post(t, '/api/v1/complaints/1/accept', {}, s.editor)
    await post(t, '/api/v1/complaints/1/reply', { reply: '经查属实，已责令整改。' }, s.editor)
    await post(t, '/api/v1/complaints/1/approve-reply', {}, s.reviewer)
    await post(t, '/api/v1/complaints/1/close', { substantiated: true }, s.editor)
    const snap = await loadPublicSnapshot(t.db, '2026-11-27')
    expect(snap.campaign.complaints.find((c) => c.districtCode === '211103')).toMatchObject({
      received: 2,
      accepted: 1,
      closed: 1,
      closedOnTime: 1,
    })
    const creditFile = snap.creditFiles.find((f) => f.subject.id === company.id)!
    expect(creditFile.complaintsSubstantiated).toBe(1)
    expect(JSON.stringify(snap)).not.toContain('电梯停运三天')
    // A year and a day later it no longer counts.
    const later = await loadPublicSnapshot(t.db, '2027-11-28')
    expect(
      later.creditFiles.find((f) => f.subject.id === company.id)!.complaintsSubstantiated
    ).toBe(0)
  })
})
