import { describe, expect, it } from 'vitest'
import { openPage, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()

describe('a visitor browses', () => {
  it('the black list from the navigation and follows an entry to its credit file', async () => {
    const { page, close } = await openPage(ctx.browser, '/')
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '黑名单' })
      .click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('黑名单')
    const black = ctx.snap.listEntries.filter((e) => e.list === 'black')
    expect(black.length).toBeGreaterThan(0)
    for (const e of black) {
      await expect(
        page.getByRole('link', { name: e.subjectName }).count()
      ).resolves.toBeGreaterThan(0)
      await expect(page.getByText(e.decisionNo).count()).resolves.toBeGreaterThan(0)
    }
    await page.getByRole('link', { name: black[0]!.subjectName }).first().click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      black[0]!.subjectName
    )
    await expect(page.locator('.app-tag--black').count()).resolves.toBeGreaterThan(0)
    await close()
  })

  it('a typical case with its four sections', async () => {
    const c = ctx.snap.cases[0]!
    const { page, close } = await openPage(ctx.browser, '/cases/')
    await page.getByRole('link', { name: c.title }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(c.title)
    for (const heading of ['基本情况', '违法事实', '处罚依据', '处理结果'])
      await expect(page.getByRole('heading', { level: 2, name: heading }).count()).resolves.toBe(1)
    await expect(page.getByText(c.violationFacts).count()).resolves.toBe(1)
    await close()
  })

  it('the directory with filters and pagination without JavaScript', async () => {
    const { page, close } = await openPage(ctx.browser, '/enterprises/', { js: false })
    const district = ctx.snap.districts[0]!
    await page
      .getByRole('group', { name: '筛选条件' })
      .getByRole('link', { name: district.name })
      .click()
    await page
      .getByRole('group', { name: '筛选条件' })
      .getByRole('link', { name: '物业服务企业' })
      .click()
    const expected = ctx.snap.subjects.filter(
      (s) => s.districtCode === district.code && s.kind === 'property_company'
    )
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      `共 ${expected.length} 个主体`
    )
    const names = await page.locator('.app-card h3 a').allTextContents()
    for (const n of names) expect(expected.map((s) => s.name)).toContain(n)
    await close()

    const all = await openPage(ctx.browser, '/enterprises/', { js: false })
    await all.page.getByRole('link', { name: '下一页' }).click()
    await expect(all.page.getByRole('status').textContent()).resolves.toMatch(/第 2 \//)
    await all.close()
  })

  it('a withdrawn penalty shows only the withdrawal notice and its reason', async () => {
    const withdrawn = ctx.snap.penaltyPages.find((p) => p.state === 'withdrawn')
    if (withdrawn?.state !== 'withdrawn') throw new Error('fixture has no withdrawn penalty')
    const { page, close } = await openPage(ctx.browser, `/penalties/${withdrawn.penalty.id}/`)
    await expect(page.getByRole('heading', { name: '该信息已撤回' }).count()).resolves.toBe(1)
    await expect(
      page.locator('.app-notice').getByText(withdrawn.penalty.withdrawal!.reason).count()
    ).resolves.toBe(1)
    await expect(page.getByText(withdrawn.penalty.facts).count()).resolves.toBe(0)
    await close()
  })
})
