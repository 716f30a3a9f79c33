import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadPublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { authorities, projects } from '../../db/schema/index.ts'
import {
  addUser,
  createTestApp,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
let projectId: number
beforeEach(async () => {
  t = await createTestApp()
  await t.db.insert(authorities).values({ name: '盘锦市住房和城乡建设局', districtCode: null })
  const [p] = await t.db
    .insert(projects)
    .values({
      name: '测试花园',
      districtCode: '211103',
      address: '兴隆台区测试路1号',
      status: 'published',
    })
    .returning()
  projectId = p!.id
})
afterEach(() => t.cleanup())

describe('listed supervision (挂牌督办)', () => {
  it('is opened, published by a second person, gets its result, and is closed out by someone else', async () => {
    const e = await logInAs(
      t,
      'editor-xl',
      (await addUser(t, 'editor-xl', 'editor', '211103')).secret
    )
    const r = await logInAs(
      t,
      'reviewer-xl',
      (await addUser(t, 'reviewer-xl', 'reviewer', '211103')).secret
    )
    const body = {
      projectId,
      problem: '业主集中反映停水催费问题。',
      authority: '盘锦市住房和城乡建设局',
      listedOn: '2026-10-01',
      deadline: '2026-09-30',
    }
    expect((await post(t, '/api/v1/supervisions', body, e)).status).toBe(422)
    const { id } = (await (
      await post(t, '/api/v1/supervisions', { ...body, deadline: '2026-12-31' }, e)
    ).json()) as { id: number }
    expect(
      (await post(t, `/api/v1/supervisions/${id}/result`, { result: '已整改' }, e)).status
    ).toBe(409)
    await post(t, `/api/v1/supervisions/${id}/submit`, {}, e)
    expect((await post(t, `/api/v1/supervisions/${id}/approve`, {}, r)).status).toBe(200)
    expect((await loadPublicSnapshot(t.db, '2026-11-27')).supervisions[0]).toMatchObject({
      progress: 'supervising',
      result: null,
    })
    expect((await post(t, `/api/v1/supervisions/${id}/close-out`, {}, r)).status).toBe(409)
    // An admin holds both rights, but whoever enters the result cannot also close it out.
    const admin = await logInAs(t, 'admin1', (await addUser(t, 'admin1', 'admin', null)).secret)
    const result = { result: '经复查，问题已整改到位。' }
    expect((await post(t, `/api/v1/supervisions/${id}/result`, result, admin)).status).toBe(200)
    expect((await post(t, `/api/v1/supervisions/${id}/close-out`, {}, admin)).status).toBe(403)
    expect((await post(t, `/api/v1/supervisions/${id}/close-out`, {}, r)).status).toBe(200)
    expect((await loadPublicSnapshot(t.db, '2026-11-27')).supervisions[0]).toMatchObject({
      progress: 'closed_out',
      result: '经复查，问题已整改到位。',
      closedOutOn: '2026-11-27',
    })
    expect(t.calls.publishes).toBe(3)
  })
})
