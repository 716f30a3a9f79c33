import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../db/domain/markdown.ts'
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
    await insertSubject(t.db, { id: makeUscc(9), uscc: makeUscc(9), districtCode: '211103' })
  ).id
  await t.db
    .insert(authorities)
    .values({ name: '盘锦市兴隆台区住房和城乡建设局', districtCode: '211103' })
})
afterEach(() => t.cleanup())

describe('typical cases', () => {
  it('publish with four Markdown sections, rendered inert, and keep their URL with a reason when withdrawn', async () => {
    const editor = await addUser(t, 'editor-xl', 'editor', '211103')
    const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
    const e = await logInAs(t, 'editor-xl', editor.secret)
    const r = await logInAs(t, 'reviewer-xl', reviewer.secret)
    const body = {
      title: '某物业公司停水催费案',
      subjectId: company,
      authority: '盘锦市兴隆台区住房和城乡建设局',
      background: '该企业为**某小区**提供物业服务。<script>alert(1)</script>',
      violationFacts: '以停水方式催缴物业费。[详情](javascript:alert(1))',
      legalBasis: '《盘锦市物业管理条例》第二十三条',
      outcome: '罚款人民币5000元。',
    }
    expect((await post(t, '/api/v1/typical-cases', { ...body, outcome: ' ' }, e)).status).toBe(422)
    const { id } = (await (await post(t, '/api/v1/typical-cases', body, e)).json()) as {
      id: number
    }
    await post(t, `/api/v1/typical-cases/${id}/submit`, {}, e)
    expect((await post(t, `/api/v1/typical-cases/${id}/approve`, {}, e)).status).toBe(403)
    expect((await post(t, `/api/v1/typical-cases/${id}/approve`, {}, r)).status).toBe(200)

    const snap = await loadPublicSnapshot(t.db, '2026-11-27')
    expect(snap.cases.map((c) => c.publishedOn)).toEqual(['2026-11-27'])
    const html =
      renderMarkdown(snap.cases[0]!.background) + renderMarkdown(snap.cases[0]!.violationFacts)
    expect(html).toContain('<strong>某小区</strong>')
    expect(html).not.toMatch(/<script|javascript:/i)

    expect(
      (
        await post(
          t,
          `/api/v1/typical-cases/${id}/withdraw`,
          { reason: '案件信息有误，予以撤回' },
          r
        )
      ).status
    ).toBe(200)
    const after = await loadPublicSnapshot(t.db, '2026-11-27')
    expect(after.cases).toEqual([])
    expect(after.casePages).toEqual([
      expect.objectContaining({
        state: 'withdrawn',
        withdrawal: { on: '2026-11-27', reason: '案件信息有误，予以撤回' },
      }),
    ])
  })
})
