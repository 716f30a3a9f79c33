import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findPenaltyRow } from '../../db/mutations/penalties.ts'
import { loadPublicSnapshot } from '../../db/queries/index.ts'
import { outbox, recordEvents, subjects } from '../../db/schema/index.ts'
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
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
let people: Record<'editor' | 'reviewer' | 'dawaEditor', { Cookie: string }>
beforeEach(async () => {
  t = await createTestApp()
  const editor = await addUser(t, 'editor-xl', 'editor', '211103')
  const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
  const dawa = await addUser(t, 'editor-dw', 'editor', '211104')
  people = {
    editor: await logInAs(t, 'editor-xl', editor.secret),
    reviewer: await logInAs(t, 'reviewer-xl', reviewer.secret),
    dawaEditor: await logInAs(t, 'editor-dw', dawa.secret),
  }
})
afterEach(() => t.cleanup())

type Body = {
  id: number
  asOf: string
  items: unknown[]
  error: { code: string; fields: { field: string }[] }
  fields: { name: string; value: unknown }[]
}
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Body })
const events = (objectType: string, objectId: string) =>
  t.db
    .select()
    .from(recordEvents)
    .where(eq(recordEvents.objectId, objectId))
    .then((rows) => rows.filter((r) => r.objectType === objectType))

describe('D7 possible duplicates up to 繁/简, full-width and spaces', () => {
  it('warns (does not refuse) when a new subject is named like a published one', async () => {
    await insertSubject(t.db, {
      uscc: makeUscc(8),
      id: makeUscc(8),
      name: '盘锦泰华物业服务有限公司',
    })
    const res = await post(
      t,
      '/api/v1/subjects',
      {
        uscc: makeUscc(9),
        name: '盤錦泰華物業 服務有限公司',
        kind: 'property_company',
        districtCode: '211103',
      },
      people.editor
    )
    expect(res.status).toBe(201)
    const body = (await res.json()) as {
      warnings: { field: string; code: string; message: string }[]
    }
    expect(body.warnings).toEqual([
      expect.objectContaining({
        field: 'name',
        code: 'possible_duplicate',
        message: expect.stringContaining('盘锦泰华物业服务有限公司'),
      }),
    ])
    const other = await post(
      t,
      '/api/v1/subjects',
      {
        uscc: makeUscc(10),
        name: '盘锦另一家物业服务有限公司',
        kind: 'property_company',
        districtCode: '211103',
      },
      people.editor
    )
    expect(((await other.json()) as { warnings: unknown[] }).warnings).toEqual([])
  })
})

describe('subjects basic information through the workflow', () => {
  it('publishes a new subject only when a second person approves it, out of sight of other districts', async () => {
    const uscc = makeUscc(42)
    const created = await json(
      await post(
        t,
        '/api/v1/subjects',
        {
          uscc,
          name: '盘锦新设物业服务有限公司',
          kind: 'property_company',
          districtCode: '211103',
        },
        people.editor
      )
    )
    expect(created).toMatchObject({ status: 201, body: { status: 'draft', version: 1 } })
    const id = created.body.id
    expect(await t.db.select().from(subjects)).toEqual([])
    expect((await post(t, `/api/v1/changes/${id}/submit`, {}, people.editor)).status).toBe(200)
    expect((await post(t, `/api/v1/changes/${id}/approve`, {}, people.editor)).status).toBe(403)
    expect((await get(t, `/api/v1/admin/changes/${id}`, people.dawaEditor)).status).toBe(404)
    expect((await post(t, `/api/v1/changes/${id}/approve`, {}, people.reviewer)).status).toBe(200)
    const [subject] = await t.db.select().from(subjects)
    expect(subject).toMatchObject({
      id: uscc,
      status: 'published',
      name: '盘锦新设物业服务有限公司',
    })
    expect((await events('subject', uscc)).map((e) => e.event)).toEqual(['published'])
    expect(await t.db.select().from(outbox)).toHaveLength(1)
    // The same USCC again is a correction, not a second subject.
    expect(
      (
        await post(
          t,
          '/api/v1/subjects',
          { uscc, name: '重复', kind: 'property_company', districtCode: '211103' },
          people.editor
        )
      ).status
    ).toBe(409)
  })

  it('refuses a district outside the editor’s scope, naming the field', async () => {
    const res = await json(
      await post(
        t,
        '/api/v1/subjects',
        { uscc: makeUscc(43), name: '某公司', kind: 'developer', districtCode: '211104' },
        people.editor
      )
    )
    expect(res).toMatchObject({
      status: 422,
      body: { error: { code: 'VALIDATION', fields: [{ field: 'districtCode' }] } },
    })
  })
})

describe('更正 of a published record', () => {
  async function publishedPenalty() {
    const subject = await insertSubject(t.db, { uscc: makeUscc(7) })
    const authority = await insertAuthority(t.db)
    return insertPenalty(t.db, subject.id, authority, {
      status: 'published',
      decisionDate: '2026-06-01',
      severity: 'general',
      fineFen: 500_000,
    })
  }

  it('changes only what a second person approved, logs old and new values publicly, and moves the publicity window', async () => {
    const penalty = await publishedPenalty()
    const correct = (body: unknown) =>
      post(t, `/api/v1/penalties/${penalty.id}/correct`, body, people.editor)
    // C2: unknown or protected fields are refused, as is a correction that changes nothing.
    expect((await correct({ changes: { status: 'draft' }, reason: '笔误' })).status).toBe(422)
    expect((await correct({ changes: { fineYuan: 5000 }, reason: '笔误' })).status).toBe(422)
    const minor = await json(await correct({ changes: { severity: 'minor' }, reason: '改判' }))
    expect(minor.body.error.fields[0]?.field).toBe('changes.severity')
    const created = await json(
      await correct({
        changes: { fineYuan: 3000, decisionDate: '2026-05-01' },
        reason: '决定书金额及日期录入错误',
      })
    )
    expect(created.status).toBe(201)
    expect((await correct({ changes: { fineYuan: 1 }, reason: '再改' })).status).toBe(409)
    const id = created.body.id
    // Until approval the public record is unchanged.
    expect((await findPenaltyRow(t.db, penalty.id))!.fineFen).toBe(500_000)
    await post(t, `/api/v1/changes/${id}/submit`, {}, people.editor)
    expect((await post(t, `/api/v1/changes/${id}/approve`, {}, people.reviewer)).status).toBe(200)
    const after = (await findPenaltyRow(t.db, penalty.id))!
    expect(after).toMatchObject({
      fineFen: 300_000,
      decisionDate: '2026-05-01',
      status: 'published',
      version: penalty.version + 1,
      publicUntil: '2027-04-30',
    })
    const [event] = await events('penalty', String(penalty.id))
    expect(event).toMatchObject({ event: 'corrected', reason: '决定书金额及日期录入错误' })
    expect(event!.changes!.map((c) => `${c.label}:${c.fromText}→${c.toText}`)).toEqual([
      '罚款金额（元）:5,000 元→3,000 元',
      '处罚决定日期:2026年6月1日→2026年5月1日',
    ])
  })

  it('K6: a correction drafted before the record changed cannot overwrite it (412)', async () => {
    const penalty = await publishedPenalty()
    const { body } = await json(
      await post(
        t,
        `/api/v1/penalties/${penalty.id}/correct`,
        { changes: { content: '罚款人民币3000元。' }, reason: '笔误' },
        people.editor
      )
    )
    await post(t, `/api/v1/changes/${body.id}/submit`, {}, people.editor)
    await post(
      t,
      `/api/v1/penalties/${penalty.id}/withdraw`,
      { reason: '处罚决定已被撤销' },
      people.reviewer
    )
    const stale = await json(
      await post(t, `/api/v1/changes/${body.id}/approve`, {}, people.reviewer)
    )
    expect(stale).toMatchObject({ status: 412, body: { error: { code: 'VERSION_MISMATCH' } } })
    expect((await findPenaltyRow(t.db, penalty.id))!.content).not.toBe('罚款人民币3000元。')
  })

  it('hides records of another district behind 404', async () => {
    const penalty = await publishedPenalty()
    const res = await post(
      t,
      `/api/v1/penalties/${penalty.id}/correct`,
      { changes: { content: '改' }, reason: '笔误' },
      people.dawaEditor
    )
    expect(res.status).toBe(404)
    expect(
      (await get(t, `/api/v1/admin/correctable/penalty/${penalty.id}`, people.dawaEditor)).status
    ).toBe(404)
    const form = await json(
      await get(t, `/api/v1/admin/correctable/penalty/${penalty.id}`, people.editor)
    )
    expect(form.body.fields.find((f) => f.name === 'fineYuan')?.value).toBe(5000)
  })
})

describe('撤回 when a decision is changed or revoked, against the 3-working-day limit', () => {
  it('records the request, shows its deadline on the console, and withdraws on approval', async () => {
    const subject = await insertSubject(t.db, { uscc: makeUscc(8) })
    const penalty = await insertPenalty(t.db, subject.id, await insertAuthority(t.db), {
      status: 'published',
    })
    const request = (body: unknown) =>
      post(t, `/api/v1/penalties/${penalty.id}/withdrawal-request`, body, people.editor)
    expect((await request({ changedOn: '2026-12-01', reason: '复议撤销' })).status).toBe(422)
    const created = await json(
      await request({ changedOn: '2026-11-25', reason: '该处罚决定经行政复议被撤销' })
    )
    expect(created).toMatchObject({ status: 201, body: { status: 'submitted' } })
    // Changed on Wednesday 11-25: three working days end on Monday 11-30; today is 11-27.
    const { body } = await json(await get(t, '/api/v1/admin/deadlines', people.editor))
    expect(body).toMatchObject({
      asOf: '2026-11-27',
      items: [
        {
          duty: 'withdraw',
          kind: 'change',
          id: created.body.id,
          dueOn: '2026-11-30',
          state: 'due_soon',
          workingDaysLeft: 1,
        },
      ],
    })
    expect(
      (await post(t, `/api/v1/changes/${created.body.id}/approve`, {}, people.reviewer)).status
    ).toBe(200)
    expect(await findPenaltyRow(t.db, penalty.id)).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: '该处罚决定经行政复议被撤销',
      withdrawnOn: '2026-11-27',
    })
    expect((await events('penalty', String(penalty.id))).map((e) => e.event)).toEqual(['withdrawn'])
    expect((await json(await get(t, '/api/v1/admin/deadlines', people.editor))).body).toMatchObject(
      { items: [] }
    )
  })

  it('lists an unpublished penalty as overdue seven working days after its decision', async () => {
    const subject = await insertSubject(t.db, { uscc: makeUscc(9) })
    await insertPenalty(t.db, subject.id, await insertAuthority(t.db), {
      status: 'draft',
      decisionDate: '2026-11-16',
    })
    const { body } = await json(await get(t, '/api/v1/admin/deadlines', people.editor))
    expect(body).toMatchObject({
      items: [{ duty: 'publish', dueOn: '2026-11-25', state: 'overdue', workingDaysLeft: -2 }],
    })
    expect(
      (await json(await get(t, '/api/v1/admin/deadlines', people.dawaEditor))).body
    ).toMatchObject({ items: [] })
  })
})

describe('personal information in published text', () => {
  it('refuses a draft whose facts carry a phone number, naming the field and quoting it masked', async () => {
    const subject = await insertSubject(t.db, { uscc: makeUscc(11) })
    await insertAuthority(t.db, '盘锦市兴隆台区住房和城乡建设局')
    const facts = '经查，业主张某（电话１３８ ００１３ ８０００）反映该企业停水催费。'
    const res = await json(
      await post(
        t,
        '/api/v1/penalties',
        {
          subjectUscc: subject.uscc,
          decisionNo: '兴住建罚决〔2026〕77号',
          authority: '盘锦市兴隆台区住房和城乡建设局1',
          decisionDate: '2026-11-20',
          violationType: 'property_company.8',
          facts,
          legalBasis: '违反了《盘锦市物业管理条例》第二十三条的规定',
          category: 'fine',
          content: '罚款人民币5000元。',
          severity: 'general',
        },
        people.editor
      )
    )
    expect(res.status).toBe(422)
    expect(res.body.error.fields).toEqual([
      {
        field: 'facts',
        code: 'personal_info',
        message: '违法事实中的“138****8000”疑似手机号码，依法不得公示，请删除或改写',
      },
    ])
  })
})

describe('信用修复 (credit repair)', () => {
  const materials = ['commitment', 'licence', 'performance', 'repair_form']
  async function penaltyDecided(decisionDate: string, repairableFrom: string) {
    const subject = await insertSubject(t.db, { uscc: makeUscc(20 + decisionDate.length) })
    return insertPenalty(t.db, subject.id, await insertAuthority(t.db), {
      decisionDate,
      repairableFrom,
      publicUntil: '2027-09-30',
    })
  }
  const apply = (id: number, body: unknown) =>
    post(t, `/api/v1/penalties/${id}/repair-request`, body, people.editor)

  it('is refused before the minimum publicity period, naming the first possible day', async () => {
    const p = await penaltyDecided('2026-10-01', '2027-01-01')
    const res = await json(
      await apply(p.id, { receivedOn: '2026-11-26', materials, reason: '已履行处罚并完成整改' })
    )
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'PRECONDITION_FAILED' } } })
    expect(JSON.stringify(res.body)).toContain('2027年1月1日')
  })

  it('needs the required materials, then takes the record out of public view on approval', async () => {
    const p = await penaltyDecided('2026-05-10', '2026-08-10')
    const missing = await json(
      await apply(p.id, { receivedOn: '2026-11-26', materials: ['commitment'], reason: '整改完毕' })
    )
    expect(missing.status).toBe(422)
    expect(missing.body.error.fields.map((f) => f.field)).toEqual([
      'materials',
      'materials',
      'materials',
    ])
    const created = await json(
      await apply(p.id, {
        receivedOn: '2026-11-26',
        materials,
        reason: '当事人已履行处罚决定并完成整改，经审核准予信用修复。',
      })
    )
    expect(created).toMatchObject({ status: 201, body: { status: 'submitted' } })
    const before = await loadPublicSnapshot(t.db, '2026-11-27')
    expect(before.penalties.map((x) => x.id)).toContain(p.id)
    await post(t, `/api/v1/changes/${created.body.id}/approve`, {}, people.reviewer)
    expect((await findPenaltyRow(t.db, p.id))!.repairedOn).toBe('2026-11-27')
    const after = await loadPublicSnapshot(t.db, '2026-11-27')
    expect(after.penalties.map((x) => x.id)).not.toContain(p.id)
    expect(after.penaltyPages.find((x) => x.id === p.id)).toEqual({
      id: p.id,
      decisionNo: p.decisionNo,
      state: 'repaired',
    })
    expect((await events('penalty', String(p.id))).map((e) => [e.event, e.reason])).toEqual([
      ['repaired', '当事人已履行处罚决定并完成整改，经审核准予信用修复。'],
    ])
    // A second application for the same record is refused.
    expect(
      (await apply(p.id, { receivedOn: '2026-11-26', materials, reason: '再次申请' })).status
    ).toBe(409)
  })
})
