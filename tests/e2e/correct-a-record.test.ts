import { describe, expect, it } from 'vitest'
import { makeUscc } from '../fixtures/builders.ts'
import {
  logIn,
  openPage,
  seriousAxeViolations,
  sidewaysOverflow,
  url,
  useBrowser,
  waitForRebuild,
} from '../helpers/e2e.ts'

const ctx = useBrowser()

describe('corrections and new subjects', () => {
  it('an editor corrects a published fine and adds a company; a reviewer approves both; the public pages show the change log', async () => {
    const page = ctx.snap.penaltyPages.find(
      (p) =>
        p.state === 'public' && p.penalty.districtCode === '211103' && p.penalty.fineFen !== null
    )
    if (page?.state !== 'public') throw new Error('the fixture has no fined penalty in 兴隆台区')
    const newFine = page.penalty.fineFen! / 100 + 1234
    const uscc = makeUscc(4_321_000 + Math.floor(Math.random() * 999))

    // 1. The editor opens the published penalty and proposes a correction of the fine.
    const editor = await openPage(ctx.browser, '/admin/')
    await logIn(editor.page, 'editor-xl3')
    const e = editor.page
    await e.goto(url(`/admin/penalties/view/?id=${page.id}`))
    await e.getByRole('link', { name: '更正已公示的内容' }).click()
    await e.getByLabel('罚款金额（元）（可为空）').waitFor()
    expect(await seriousAxeViolations(e)).toEqual([])
    // Saving without changing anything says so, in Chinese.
    await e
      .getByLabel('更正理由（将在网站公开）')
      .fill('罚款金额与处罚决定书不一致，依决定书更正。')
    await e.getByRole('button', { name: '保存更正草稿' }).click()
    await e.getByRole('alert').filter({ hasText: '请至少更正一项内容' }).waitFor()
    await e.getByLabel('罚款金额（元）（可为空）').fill(String(newFine))
    await e.getByRole('button', { name: '保存更正草稿' }).click()
    await e.waitForURL(/\/admin\/changes\/view\/\?id=\d+/)
    await e.getByRole('cell', { name: `${newFine.toLocaleString('zh-CN')} 元` }).waitFor()
    expect(await seriousAxeViolations(e)).toEqual([])
    await e.setViewportSize({ width: 375, height: 800 })
    expect(await sidewaysOverflow(e), 'change view at 375 px').toEqual([])
    await e.setViewportSize({ width: 1280, height: 800 })
    await e.getByRole('button', { name: '提交审核' }).click()
    await e.getByRole('status').filter({ hasText: '待审核' }).waitFor()

    // 2. The same editor drafts a new company and submits it.
    await e.getByRole('link', { name: '新增主体' }).click()
    await e.getByLabel('统一社会信用代码', { exact: true }).fill(uscc)
    await e.getByLabel('主体名称').fill('盘锦更正测试物业服务有限公司')
    await e.getByLabel('所属县区').selectOption('211103')
    await e.getByRole('button', { name: '保存草稿' }).click()
    await e.waitForURL(/\/admin\/changes\/view\/\?id=\d+/)
    await e.getByRole('button', { name: '提交审核' }).click()
    await e.getByRole('status').filter({ hasText: '待审核' }).waitFor()
    await editor.close()

    // 3. A reviewer approves both from the dashboard.
    const reviewer = await openPage(ctx.browser, '/admin/')
    await logIn(reviewer.page, 'reviewer-xl3')
    const r = reviewer.page
    for (const name of [
      `新增主体 · 盘锦更正测试物业服务有限公司`,
      `更正 · 行政处罚 编号 ${page.id}`,
    ]) {
      await r.getByRole('link', { name }).first().click()
      await r.getByRole('button', { name: '审核通过并公示' }).click()
      await r.getByRole('status').filter({ hasText: '已生效' }).waitFor()
      await r.goto(url('/admin/dashboard/'))
    }
    await reviewer.close()

    // 4. After the rebuild the penalty shows its new fine and the public change log says what changed.
    // This correction's own reason (no other journey uses it), not just 更正前: the objection
    // journey may have corrected the same penalty before.
    await waitForRebuild('the corrected penalty', async () =>
      (await (await fetch(url(`/penalties/${page.id}/`))).text()).includes(
        '罚款金额与处罚决定书不一致，依决定书更正。'
      )
    )
    const pub = await openPage(ctx.browser, `/penalties/${page.id}/`, { width: 375 })
    const log = pub.page.getByRole('region', { name: '信息变更记录' })
    await expect(log.getByText('罚款金额与处罚决定书不一致，依决定书更正。').count()).resolves.toBe(
      1
    )
    await expect(
      log.getByRole('cell', { name: `${newFine.toLocaleString('zh-CN')} 元` }).count()
    ).resolves.toBe(1)
    expect(await seriousAxeViolations(pub.page)).toEqual([])
    await pub.close()
    await waitForRebuild(
      'the new company',
      async () => (await fetch(url(`/enterprises/${uscc}/`))).ok
    )
  })
})
