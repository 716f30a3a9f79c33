import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { POLICY } from '../../db/domain/policy.ts'
import { ROLES } from '../../db/domain/user.ts'
import { findPenaltyRow } from '../../db/mutations/penalties.ts'
import { authorities } from '../../db/schema/index.ts'
import { totpCode } from '../auth/totp.ts'
import { insertSubject, makeUscc, penaltyDraftBody } from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  get,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
let xinglongtai: string
let dawa: string
let authority: string
beforeEach(async () => {
  t = await createTestApp()
  xinglongtai = (
    await insertSubject(t.db, {
      id: makeUscc(1),
      uscc: makeUscc(1),
      districtCode: '211103',
      name: '盘锦兴隆测试物业服务有限公司',
    })
  ).id
  dawa = (
    await insertSubject(t.db, {
      id: makeUscc(2, '211104'),
      uscc: makeUscc(2, '211104'),
      districtCode: '211104',
      name: '盘锦大洼测试物业服务有限公司',
    })
  ).id
  authority = '盘锦市兴隆台区住房和城乡建设局'
  await t.db.insert(authorities).values({ name: authority, districtCode: '211103' })
})
afterEach(() => t.cleanup())

const draft = (subjectUscc: string, over: Record<string, unknown> = {}) =>
  penaltyDraftBody(subjectUscc, authority, over)

async function actors() {
  const editor = await addUser(t, 'editor-xl', 'editor', '211103')
  const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
  const dawaEditor = await addUser(t, 'editor-dw', 'editor', '211104')
  return {
    editor: await logInAs(t, 'editor-xl', editor.secret),
    reviewer: await logInAs(t, 'reviewer-xl', reviewer.secret),
    dawaEditor: await logInAs(t, 'editor-dw', dawaEditor.secret),
  }
}

describe('the penalty form’s choices (issue 16)', () => {
  it('refuses 行政拘留, which a housing bureau cannot impose on a company', async () => {
    const a = await actors()
    const res = await post(
      t,
      '/api/v1/penalties',
      draft(xinglongtai, { category: 'detention' }),
      a.editor
    )
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toMatch(/"field":"category".*not_for_bureau/)
  })

  it('offers the editor’s own bureau first', async () => {
    const a = await actors()
    const res = await get(t, '/api/v1/admin/authorities', a.editor)
    expect(await res.json()).toMatchObject({ preferred: authority })
  })
})

describe('the penalty workflow', () => {
  it('drafts, submits and publishes with two people, asking for a rebuild once', async () => {
    const a = await actors()
    const created = await post(t, '/api/v1/penalties', draft(xinglongtai), a.editor)
    expect(created.status).toBe(201)
    const { id, status, version } = (await created.json()) as {
      id: number
      status: string
      version: number
    }
    expect({ status, version }).toEqual({ status: 'draft', version: 1 })
    expect((await post(t, `/api/v1/penalties/${id}/submit`, {}, a.editor)).status).toBe(200)
    const approved = await post(t, `/api/v1/penalties/${id}/approve`, {}, a.reviewer)
    expect(await approved.json()).toMatchObject({ status: 'published' })
    expect(t.calls.publishes).toBe(1)
    const row = (await findPenaltyRow(t.db, id))!
    expect(row).toMatchObject({
      status: 'published',
      fineFen: 500000,
      repairableFrom: '2027-02-20',
      publicUntil: '2027-11-19',
      ruleVersion: 'ndrc-2026',
    })
  })

  it('sends a rejected penalty back to draft with the reason, and withdraws a published one with its reason', async () => {
    const a = await actors()
    const { id } = (await (
      await post(t, '/api/v1/penalties', draft(xinglongtai), a.editor)
    ).json()) as { id: number }
    await post(t, `/api/v1/penalties/${id}/submit`, {}, a.editor)
    expect((await post(t, `/api/v1/penalties/${id}/reject`, {}, a.reviewer)).status).toBe(422)
    expect(
      await (
        await post(
          t,
          `/api/v1/penalties/${id}/reject`,
          { reason: '违法事实表述不完整' },
          a.reviewer
        )
      ).json()
    ).toMatchObject({ status: 'draft' })
    expect((await findPenaltyRow(t.db, id))!.rejectionReason).toBe('违法事实表述不完整')
    await post(t, `/api/v1/penalties/${id}/submit`, {}, a.editor)
    await post(t, `/api/v1/penalties/${id}/approve`, {}, a.reviewer)
    expect(
      await (
        await post(t, `/api/v1/penalties/${id}/withdraw`, { reason: '经行政复议撤销' }, a.reviewer)
      ).json()
    ).toMatchObject({ status: 'withdrawn' })
    expect((await findPenaltyRow(t.db, id))!).toMatchObject({
      withdrawalReason: '经行政复议撤销',
      withdrawnOn: '2026-11-27',
    })
    expect(t.calls.publishes).toBe(2)
  })

  it('returns the first answer for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const a = await actors()
    const body = draft(xinglongtai)
    const key = { 'Idempotency-Key': 'draft-0001-abcdef' }
    const first = await post(t, '/api/v1/penalties', body, { ...a.editor, ...key })
    const again = await post(t, '/api/v1/penalties', body, { ...a.editor, ...key })
    expect(again.status).toBe(201)
    expect(await again.json()).toEqual(await first.json())
    expect(
      (await post(t, '/api/v1/penalties', draft(xinglongtai), { ...a.editor, ...key })).status
    ).toBe(422)
  })
})

describe('C1 role × district × action matrix', () => {
  it('matches the policy table for every role, and hides other districts behind 404', async () => {
    const a = await actors()
    const { id } = (await (
      await post(t, '/api/v1/penalties', draft(xinglongtai), a.editor)
    ).json()) as { id: number }
    for (const role of ROLES) {
      const user = await addUser(t, `${role}-city`, role, null)
      const cookie = await logInAs(t, `${role}-city`, user.secret)
      const canDraft = POLICY[role].includes('record.draft')
      expect((await post(t, '/api/v1/penalties', draft(xinglongtai), cookie)).status, role).toBe(
        canDraft ? 201 : 403
      )
      expect((await get(t, '/api/v1/audit', cookie)).status, role).toBe(
        POLICY[role].includes('audit.read') ? 200 : 403
      )
      expect((await get(t, '/api/v1/users', cookie)).status, role).toBe(
        POLICY[role].includes('user.manage') ? 200 : 403
      )
      expect((await get(t, `/api/v1/admin/penalties/${id}`, cookie)).status, role).toBe(
        POLICY[role].includes('record.read') ? 200 : 403
      )
    }
    // Another district: the record, the subject and writes against them do not exist.
    expect((await get(t, `/api/v1/admin/penalties/${id}`, a.dawaEditor)).status).toBe(404)
    expect((await post(t, `/api/v1/penalties/${id}/submit`, {}, a.dawaEditor)).status).toBe(404)
    expect((await post(t, '/api/v1/penalties', draft(xinglongtai), a.dawaEditor)).status).toBe(404)
    expect((await post(t, '/api/v1/penalties', draft(dawa), a.dawaEditor)).status).toBe(201)
    const list = (await (await get(t, '/api/v1/admin/penalties', a.dawaEditor)).json()) as {
      penalties: { id: number }[]
    }
    expect(list.penalties.map((p) => p.id)).not.toContain(id)
  })
})

describe('I3 admin API minimisation', () => {
  it('lists only summary fields; facts and parties come from the detail read, never cached', async () => {
    const a = await actors()
    const { id } = (await (
      await post(t, '/api/v1/penalties', draft(xinglongtai), a.editor)
    ).json()) as { id: number }
    const list = await get(t, '/api/v1/admin/penalties', a.editor)
    expect(list.headers.get('cache-control')).toBe('no-store')
    const { penalties } = (await list.json()) as { penalties: Record<string, unknown>[] }
    expect(Object.keys(penalties[0]!).sort()).toEqual(
      [
        'decisionDate',
        'decisionNo',
        'districtCode',
        'id',
        'status',
        'subjectName',
        'version',
      ].sort()
    )
    const detail = await get(t, `/api/v1/admin/penalties/${id}`, a.editor)
    expect(detail.headers.get('cache-control')).toBe('no-store')
    expect(((await detail.json()) as { penalty: { facts: string } }).penalty.facts).toContain(
      '停水'
    )
  })
})

describe('B6 step-up re-authentication', () => {
  it('asks for a fresh code to publish 6 minutes after sign-in, and publishes after it', async () => {
    const a = await actors()
    const { id } = (await (
      await post(t, '/api/v1/penalties', draft(xinglongtai), a.editor)
    ).json()) as { id: number }
    await post(t, `/api/v1/penalties/${id}/submit`, {}, a.editor)
    const reviewer = await addUser(t, 'reviewer-b6', 'reviewer', '211103')
    const cookie = await logInAs(t, 'reviewer-b6', reviewer.secret)
    t.clock.now += 6 * 60_000
    const stale = await post(t, `/api/v1/penalties/${id}/approve`, {}, cookie)
    expect(stale.status).toBe(401)
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('REAUTH_REQUIRED')
    expect((await findPenaltyRow(t.db, id))!.status).toBe('submitted')
    // The session itself is still alive (reads work); only the sensitive step waits.
    expect((await get(t, `/api/v1/admin/penalties/${id}`, cookie)).status).toBe(200)
    expect((await post(t, '/api/v1/auth/reauth', { totp: '000000' }, cookie)).status).toBe(422)
    t.clock.now += 30_000
    const code = totpCode(reviewer.secret, t.clock.now)
    expect((await post(t, '/api/v1/auth/reauth', { totp: code }, cookie)).status).toBe(200)
    // Codes are single-use, here as at sign-in.
    expect((await post(t, '/api/v1/auth/reauth', { totp: code }, cookie)).status).toBe(422)
    expect((await post(t, `/api/v1/penalties/${id}/approve`, {}, cookie)).status).toBe(200)
  })
})

describe('C2 mass assignment', () => {
  it('refuses unknown or forbidden keys with 422 and changes nothing', async () => {
    const a = await actors()
    const res = await post(
      t,
      '/api/v1/penalties',
      {
        ...draft(xinglongtai),
        status: 'published',
        districtCode: '211104',
        version: 99,
        createdBy: 1,
      },
      a.editor
    )
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { fields: { field: string; message: string }[] } }
    expect(body.error.fields[0]!.message).toMatch(/不允许的字段/)
    expect(
      (
        (await (await get(t, '/api/v1/admin/penalties', a.editor)).json()) as {
          penalties: unknown[]
        }
      ).penalties
    ).toEqual([])
  })
})

describe('C3 four-eyes publishing', () => {
  it('never lets the author approve, and never skips review', async () => {
    const a = await actors()
    const admin = await addUser(t, 'admin1', 'admin', null)
    const adminCookie = await logInAs(t, 'admin1', admin.secret)
    const { id } = (await (
      await post(t, '/api/v1/penalties', draft(xinglongtai), adminCookie)
    ).json()) as { id: number }
    expect((await post(t, `/api/v1/penalties/${id}/approve`, {}, a.reviewer)).status).toBe(409)
    await post(t, `/api/v1/penalties/${id}/submit`, {}, adminCookie)
    expect((await post(t, `/api/v1/penalties/${id}/approve`, {}, adminCookie)).status).toBe(403)
    expect((await post(t, `/api/v1/penalties/${id}/approve`, {}, a.editor)).status).toBe(403)
    expect((await findPenaltyRow(t.db, id))!.status).toBe('submitted')
    expect((await post(t, `/api/v1/penalties/${id}/approve`, {}, a.reviewer)).status).toBe(200)
  })

  it('lets exactly one of two concurrent reviewers win', async () => {
    const a = await actors()
    const second = await addUser(t, 'reviewer-xl2', 'reviewer', '211103')
    const other = await logInAs(t, 'reviewer-xl2', second.secret)
    const { id } = (await (
      await post(t, '/api/v1/penalties', draft(xinglongtai), a.editor)
    ).json()) as { id: number }
    await post(t, `/api/v1/penalties/${id}/submit`, {}, a.editor)
    const results = await Promise.all([
      post(t, `/api/v1/penalties/${id}/approve`, {}, a.reviewer),
      post(t, `/api/v1/penalties/${id}/approve`, {}, other),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect((await findPenaltyRow(t.db, id))!.version).toBe(3)
  })
})

describe('D1 统一社会信用代码 in the API', () => {
  it('accepts a full-width code and refuses a wrong check character, naming the field', async () => {
    const a = await actors()
    const fullWidth = [...xinglongtai]
      .map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .join('')
    expect((await post(t, '/api/v1/penalties', draft(fullWidth), a.editor)).status).toBe(201)
    const wrong = xinglongtai.slice(0, 17) + (xinglongtai[17] === '0' ? '1' : '0')
    const res = await post(t, '/api/v1/penalties', draft(wrong), a.editor)
    expect(res.status).toBe(422)
    expect(
      ((await res.json()) as { error: { fields: { field: string }[] } }).error.fields[0]!.field
    ).toBe('subjectUscc')
  })
})

describe('D8 cross-field plausibility', () => {
  it('refuses negative, huge and text fines, future dates, wrong violation kinds and duplicate 文号', async () => {
    const a = await actors()
    const cases: [Record<string, unknown>, string][] = [
      [{ fineYuan: -1 }, 'fineYuan'],
      [{ fineYuan: 1e20 }, 'fineYuan'],
      [{ fineYuan: '1,000' }, 'fineYuan'],
      [{ fineYuan: 10.005 }, 'fineYuan'],
      [{ decisionDate: '2026-11-28' }, 'decisionDate'],
      [{ violationType: 'developer.1' }, 'violationType'],
      [{ violationType: 'property_company.13' }, 'violationType'],
      [{ category: 'licence_revocation' }, 'category'],
      [{ authority: '不存在的机关' }, 'authority'],
    ]
    for (const [over, field] of cases) {
      const res = await post(t, '/api/v1/penalties', draft(xinglongtai, over), a.editor)
      expect(res.status, JSON.stringify(over)).toBe(422)
      const fields = (
        (await res.json()) as { error: { fields: { field: string }[] } }
      ).error.fields.map((f) => f.field)
      expect(fields, JSON.stringify(over)).toContain(field)
    }
    const once = draft(xinglongtai)
    expect((await post(t, '/api/v1/penalties', once, a.editor)).status).toBe(201)
    expect((await post(t, '/api/v1/penalties', once, a.editor)).status).toBe(409)
  })
})
