import { describe, expect, it } from 'vitest'
import { openPage, seriousAxeViolations, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()

describe('an owners’ committee choosing a company', () => {
  it('compares three companies side by side, from their pages and as a shared URL', async () => {
    const companies = ctx.snap.creditFiles
      .filter((f) => f.subject.kind === 'property_company' && f.subject.uscc)
      .slice(0, 3)
    const { page, close } = await openPage(
      ctx.browser,
      `/enterprises/${companies[0]!.subject.id}/`,
      {
        width: 375,
      }
    )
    for (const [i, file] of companies.entries()) {
      if (i > 0) await page.goto(new URL(`/enterprises/${file.subject.id}/`, page.url()).href)
      await page.getByRole('link', { name: '加入对比' }).click()
      await page.waitForURL(/\/compare\/\?ids=/)
    }
    const table = page.getByRole('region', { name: '企业对比（可左右滚动）' })
    await table.getByRole('link', { name: companies[2]!.subject.name }).waitFor()
    for (const file of companies) {
      await expect(table.getByRole('link', { name: file.subject.name }).count()).resolves.toBe(1)
    }
    const grades = await table
      .locator('tr', { hasText: '信用等级' })
      .locator('td')
      .allTextContents()
    expect(grades).toEqual(companies.map((f) => expect.stringContaining(`${f.rating!.grade}级`)))
    expect(await seriousAxeViolations(page)).toEqual([])
    // The shared URL opens the same comparison in a fresh browser.
    const shared = new URL(page.url())
    await close()
    const other = await openPage(ctx.browser, `${shared.pathname}${shared.search}`)
    await other.page.getByRole('link', { name: companies[1]!.subject.name }).waitFor()
    await other.close()
  })
})
