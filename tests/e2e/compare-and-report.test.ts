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

  it('prints a credit report on A4 whose code verifies on /verify/, and a changed code does not', async () => {
    const file = ctx.snap.creditFiles.find(
      (f) => f.subject.kind === 'property_company' && f.penalties.length > 0
    )!
    const { page, close } = await openPage(ctx.browser, `/enterprises/${file.subject.id}/report/`)
    const code = (await page.locator('.app-verify-code').textContent())!.trim()
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    await expect(page.locator('.app-verify-box svg').count()).resolves.toBe(1)
    await page.emulateMedia({ media: 'print' })
    await expect(page.locator('.app-no-print').first().isVisible()).resolves.toBe(false)
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    await close()

    const ok = await openPage(ctx.browser, `/verify/?code=${code.toLowerCase().replace(/-/g, ' ')}`)
    await ok.page.getByRole('heading', { name: '验证通过：该报告与平台公示内容一致' }).waitFor()
    await ok.page.getByText(`主体：${file.subject.name}`).waitFor()
    await ok.page.getByText(file.penalties[0]!.decisionNo, { exact: false }).waitFor()
    expect(await seriousAxeViolations(ok.page)).toEqual([])
    await ok.close()

    const changed = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`
    const bad = await openPage(ctx.browser, `/verify/?code=${changed}`)
    await bad.page.getByRole('heading', { name: '未找到该验证码' }).waitFor()
    await bad.close()
  })
})
