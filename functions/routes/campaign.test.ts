import ExcelJS from 'exceljs'
import { projects } from '../../db/schema/index.ts'
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
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
let people: Record<'editor' | 'reviewer' | 'dawaEditor' | 'cityReviewer', { Cookie: string }>
let subject: string
beforeEach(async () => {
  t = await createTestApp()
  subject = (await insertSubject(t.db, { uscc: makeUscc(7), id: makeUscc(7) })).id
  const accounts = [
    ['editor', 'editor-xl', 'editor', '211103'],
    ['reviewer', 'reviewer-xl', 'reviewer', '211103'],
    ['dawaEditor', 'editor-dw', 'editor', '211104'],
    ['cityReviewer', 'reviewer-city', 'reviewer', null],
  ] as const
  people = {} as typeof people
  for (const [key, name, role, district] of accounts) {
    const u = await addUser(t, name, role, district)
    people[key] = await logInAs(t, name, u.secret)
  }
})
afterEach(() => t.cleanup())

const item = (over: Record<string, unknown> = {}) => ({
  subjectId: subject,
  source: 'inspection',
  violationType: 'property_company.8',
  foundOn: '2026-11-20',
  problem: '以停水方式催缴物业费，影响32户居民正常用水。',
  responsibleParty: '项目经理',
  measures: '立即恢复供水，书面致歉，依约催缴。',
  deadline: '2026-12-05',
  ...over,
})
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Json })

describe('the rectification ledger', () => {
  it('records, rectifies and closes out an item with four eyes, inside its district, audited', async () => {
    const created = await json(await post(t, '/api/v1/campaign/ledger', item(), people.editor))
    expect(created).toMatchObject({ status: 201, body: { status: 'open', version: 1 } })
    const id = created.body.id as number
    // Bad input: a deadline before the find, a violation type outside the plan, a future find.
    const bad = await json(
      await post(
        t,
        '/api/v1/campaign/ledger',
        item({ deadline: '2026-11-01', violationType: 'x.1' }),
        people.editor
      )
    )
    expect(bad.status).toBe(422)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'violationType',
    ])
    expect(
      (
        await post(
          t,
          '/api/v1/campaign/ledger',
          item({ foundOn: '2099-01-01', deadline: '2099-02-01' }),
          people.editor
        )
      ).status
    ).toBe(422)
    // Another district neither sees nor touches it.
    expect((await get(t, `/api/v1/campaign/ledger/${id}`, people.dawaEditor)).status).toBe(404)
    expect(
      (await post(t, `/api/v1/campaign/ledger/${id}/start`, {}, people.dawaEditor)).status
    ).toBe(404)

    expect(
      (await json(await post(t, `/api/v1/campaign/ledger/${id}/start`, {}, people.editor))).body
        .status
    ).toBe('rectifying')
    // Close-out needs a rectification first, and a reviewer.
    expect(
      (await post(t, `/api/v1/campaign/ledger/${id}/close-out`, {}, people.reviewer)).status
    ).toBe(409)
    const done = await json(
      await post(
        t,
        `/api/v1/campaign/ledger/${id}/rectified`,
        { evidence: '已恢复供水，附整改照片3张、业主签字确认单。' },
        people.editor
      )
    )
    expect(done.body.status).toBe('rectified')
    expect(
      (await post(t, `/api/v1/campaign/ledger/${id}/close-out`, {}, people.editor)).status
    ).toBe(403)
    expect(
      (await json(await post(t, `/api/v1/campaign/ledger/${id}/close-out`, {}, people.reviewer)))
        .body.status
    ).toBe('closed_out')
    const { body } = await json(await get(t, `/api/v1/campaign/ledger/${id}`, people.editor))
    expect(body.item).toMatchObject({
      status: 'closed_out',
      closedOutOn: '2026-11-27',
      rectifiedOn: '2026-11-27',
      overdue: false,
    })
    const audit = await json(await get(t, '/api/v1/audit?objectType=ledger', people.cityReviewer))
    expect(audit.status).toBe(403) // reviewers do not read the audit log; auditors do
  })

  it('flags items past their deadline, and escalates only to a published record of the district', async () => {
    const { body } = await json(
      await post(
        t,
        '/api/v1/campaign/ledger',
        item({ foundOn: '2026-11-01', deadline: '2026-11-10' }),
        people.editor
      )
    )
    const list = await json(await get(t, '/api/v1/campaign/ledger', people.editor))
    expect(list.body.items[0]).toMatchObject({ id: body.id, overdue: true })
    const refused = await json(
      await post(
        t,
        `/api/v1/campaign/ledger/${body.id}/escalate`,
        { to: 'penalty', ref: '999' },
        people.editor
      )
    )
    expect(refused).toMatchObject({ status: 422, body: { error: { fields: [{ field: 'ref' }] } } })
    const authority = await insertAuthority(t.db)
    const penalty = await insertPenalty(t.db, subject, authority, { decisionDate: '2026-11-21' })
    const escalated = await json(
      await post(
        t,
        `/api/v1/campaign/ledger/${body.id}/escalate`,
        { to: 'penalty', ref: String(penalty.id) },
        people.editor
      )
    )
    expect(escalated.body.status).toBe('escalated')
    expect(
      (await json(await get(t, '/api/v1/campaign/ledger', people.editor))).body.items[0].overdue
    ).toBe(false)
  })
})

describe('monthly returns and quarterly summaries', () => {
  it('pre-fills a district return from the records, takes its submission, and shows the city who is missing', async () => {
    const { body } = await json(await post(t, '/api/v1/campaign/ledger', item(), people.editor))
    await post(
      t,
      `/api/v1/campaign/ledger/${body.id}/rectified`,
      { evidence: '已整改。' },
      people.editor
    )
    await post(t, `/api/v1/campaign/ledger/${body.id}/close-out`, {}, people.reviewer)
    const authority = await insertAuthority(t.db)
    await insertPenalty(t.db, subject, authority, { decisionDate: '2026-11-21', fineFen: 800_000 })

    const mine = await json(await get(t, '/api/v1/campaign/returns/2026-11', people.editor))
    expect(mine.body.dueOn).toBe('2026-11-25')
    expect(mine.body.districts).toHaveLength(1)
    expect(mine.body.districts[0]).toMatchObject({
      districtCode: '211103',
      computed: {
        itemsFound: 1,
        itemsRectified: 1,
        itemsClosedOut: 1,
        penalties: 1,
        finesYuan: 8000,
      },
      submitted: null,
      overdue: true, // the test clock stands on 2026-11-27
    })
    expect(
      (
        await post(
          t,
          '/api/v1/campaign/returns/2026-11',
          { achievements: '完成' },
          people.cityReviewer
        )
      ).status
    ).toBe(403)
    expect(
      (
        await post(
          t,
          '/api/v1/campaign/returns/2026-11',
          { achievements: '完成', figures: { bogus: 1 } },
          people.editor
        )
      ).status
    ).toBe(422)
    const sent = await json(
      await post(
        t,
        '/api/v1/campaign/returns/2026-11',
        { achievements: '检查项目12个，发现问题1个，已销号1个。' },
        people.editor
      )
    )
    expect(sent).toMatchObject({
      status: 201,
      body: { figures: { itemsFound: 1, itemsClosedOut: 1 } },
    })

    const city = await json(await get(t, '/api/v1/campaign/returns/2026-11', people.cityReviewer))
    const byCode = Object.fromEntries(city.body.districts.map((d: Json) => [d.districtCode, d]))
    expect(byCode['211103'].submitted).toMatchObject({ late: true, figures: { itemsFound: 1 } })
    expect(byCode['211104']).toMatchObject({ submitted: null, overdue: true })

    // The public API and page count the same records (figures since the campaign began).
    const pub = await json(await get(t, '/api/v1/public/campaign'))
    expect(pub.body.campaign.phase).toBe('accountability')
    expect(pub.body.campaign.figures.find((f: Json) => f.districtCode === '211103')).toMatchObject({
      itemsFound: 1,
      itemsClosedOut: 1,
      penalties: 1,
      finesYuan: 8000,
    })
    const xlsx = await get(t, '/api/v1/campaign/returns/2026-11/export.xlsx', people.cityReviewer)
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await xlsx.arrayBuffer())
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '阶段性工作成果'])
    const summary = wb.getWorksheet('汇总')!
    expect(summary.getRow(2).values).toContain('排查发现问题（个）')
    const rows = summary
      .getSheetValues()
      .slice(3)
      .map((r) => (r as unknown[])[1])
    expect(rows).toContain('合计（已报送）')
  })

  it('takes the four sections of a quarterly summary, due on the 5th of the next quarter', async () => {
    const sections = {
      work: '开展巡查',
      results: '销号1个',
      problems: '个别企业整改慢',
      proposals: '加强督办',
    }
    const sent = await json(
      await post(t, '/api/v1/campaign/summaries/2026-Q4', sections, people.editor)
    )
    expect(sent).toMatchObject({ status: 201, body: { dueOn: '2027-01-05' } })
    expect(
      (await post(t, '/api/v1/campaign/summaries/2027-Q1', sections, people.editor)).status
    ).toBe(422)
    expect(
      (
        await post(
          t,
          '/api/v1/campaign/summaries/2026-Q4',
          { ...sections, work: '' },
          people.editor
        )
      ).status
    ).toBe(422)
    const city = await json(await get(t, '/api/v1/campaign/summaries/2026-Q3', people.cityReviewer))
    expect(city.body).toMatchObject({ dueOn: '2026-10-05' })
    expect(city.body.districts.every((d: Json) => d.overdue)).toBe(true)
  })
})

describe('on-site observation projects', () => {
  it('are chosen by the city, once per project, and shown to the public', async () => {
    const [project] = await t.db
      .insert(projects)
      .values({
        name: '泰华小区',
        districtCode: '211103',
        address: '盘锦市兴隆台区泰山路1号',
        status: 'published',
      })
      .returning()
    const body = {
      projectId: project!.id,
      citation: '服务标准公开透明，业主满意度高。',
      chosenOn: '2026-10-20',
    }
    expect((await post(t, '/api/v1/campaign/observations', body, people.reviewer)).status).toBe(403)
    expect((await post(t, '/api/v1/campaign/observations', body, people.cityReviewer)).status).toBe(
      201
    )
    expect((await post(t, '/api/v1/campaign/observations', body, people.cityReviewer)).status).toBe(
      409
    )
    const pub = await json(await get(t, '/api/v1/public/campaign'))
    expect(pub.body.campaign.observations).toEqual([
      expect.objectContaining({ projectName: '泰华小区', districtName: '兴隆台区' }),
    ])
  })
})
