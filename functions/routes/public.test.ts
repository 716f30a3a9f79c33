import SwaggerParser from '@apidevtools/swagger-parser'
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
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.cleanup())

type Page = { asOf: string; total: number; items: { id: string | number; grade?: string }[] }
const read = async <T>(path: string) => {
  const res = await get(t, path)
  return {
    status: res.status,
    cache: res.headers.get('cache-control'),
    body: (await res.json()) as T,
  }
}

describe('the public read API', () => {
  it('lists and reads what the site shows, with paging limits, and what was public on an earlier date', async () => {
    const company = await insertSubject(t.db, {
      uscc: makeUscc(1),
      name: '盘锦公开接口物业有限公司',
    })
    const authority = await insertAuthority(t.db)
    // Decided 2026-05-10, public until 2027-05-09; another one expired on 2026-06-30.
    const current = await insertPenalty(t.db, company.id, authority)
    const expired = await insertPenalty(t.db, company.id, authority, {
      decisionDate: '2025-07-01',
      publicUntil: '2026-06-30',
      ruleVersion: 'ndrc-2023',
    })
    const list = await read<Page>('/api/v1/public/subjects?limit=10')
    expect(list).toMatchObject({ status: 200, cache: 'public, max-age=60' })
    expect(list.body).toMatchObject({ asOf: '2026-11-27', total: 1 })
    expect(list.body.items[0]).toMatchObject({ id: company.id, grade: 'B', penaltyCount: 1 })
    const penalties = await read<Page>(`/api/v1/public/penalties?subject=${company.id}`)
    expect(penalties.body.items.map((p) => p.id)).toEqual([current.id])
    // On 2026-06-01 both penalties were public.
    const then = await read<{ creditFile: { penalties: unknown[] } }>(
      `/api/v1/public/subjects/${company.id}?asOf=2026-06-01`
    )
    expect(then.body.creditFile.penalties).toHaveLength(2)
    expect((await read(`/api/v1/public/penalties/${expired.id}`)).body).toMatchObject({
      penalty: { state: 'expired', decisionNo: expired.decisionNo },
    })
    // D4: bad paging is refused, not clamped; the future is not answerable.
    for (const bad of [
      'limit=1000',
      'limit=1000000',
      'page=0',
      'page=-1',
      'page=1e309',
      'page=NaN',
      'page=9007199254740993',
      'page=１０',
      'page=%201',
      'page=1,000',
      'limit=NaN',
      'sort=name',
      'sort=name;DROP',
      'sort=__proto__',
      '__proto__=1',
    ])
      expect((await get(t, `/api/v1/public/subjects?${bad}`)).status, bad).toBe(422)
    // D9: a repeated key is refused by name, never resolved by picking one.
    for (const polluted of ['page=1&page=2', 'district=211103&district=211104'])
      expect(await read(`/api/v1/public/subjects?${polluted}`)).toMatchObject({
        status: 422,
        body: { error: { fields: [{ code: 'repeated' }] } },
      })
    expect((await get(t, `/api/v1/public/subjects/${company.id}?asOf=2027-01-01`)).status).toBe(422)
    expect((await get(t, '/api/v1/public/subjects/91000000000000000X')).status).toBe(404)
  })

  it('shows a publish at the next read (the cache drops on any write)', async () => {
    const company = await insertSubject(t.db, { uscc: makeUscc(2) })
    expect((await read<Page>('/api/v1/public/penalties')).body.total).toBe(0)
    const editor = await addUser(t, 'editor-xl', 'editor', '211103')
    const reviewer = await addUser(t, 'reviewer-xl', 'reviewer', '211103')
    const authority = await insertAuthority(t.db, '盘锦市兴隆台区住房和城乡建设局')
    const p = await insertPenalty(t.db, company.id, authority, {
      status: 'submitted',
      createdBy: editor.id,
    })
    await post(
      t,
      `/api/v1/penalties/${p.id}/approve`,
      {},
      await logInAs(t, 'reviewer-xl', reviewer.secret)
    )
    expect((await read<Page>('/api/v1/public/penalties')).body.total).toBe(1)
  })

  it('publishes a valid OpenAPI 3.1 document built from the domain contracts', async () => {
    const { body } = await read<object>('/api/v1/openapi.json')
    const doc = await SwaggerParser.validate(structuredClone(body) as never)
    expect(doc.info.title).toBe('物业信用公示平台 公开数据接口')
    expect(Object.keys((body as { paths: object }).paths)).toContain('/api/v1/public/subjects/{id}')
  })
})
