import { describe, expect, it } from 'vitest'
import { openPage, seriousAxeViolations, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()

/** One URL per page template. */
function templates(): string[] {
  const file = ctx.snap.creditFiles.find((f) => f.penalties.length && f.projects.length)!
  const withdrawn = ctx.snap.penaltyPages.find((p) => p.state === 'withdrawn')!
  const expired = ctx.snap.penaltyPages.find((p) => p.state === 'expired')!
  return [
    '/',
    '/enterprises/',
    `/enterprises/f/${ctx.snap.districts[0]!.code}/property_company/all/`,
    `/enterprises/${file.subject.id}/`,
    `/enterprises/${file.subject.id}/report/`,
    '/penalties/',
    `/penalties/${file.penalties[0]!.id}/`,
    `/penalties/${withdrawn.id}/`,
    `/penalties/${expired.id}/`,
    '/red-list/',
    '/black-list/',
    '/cases/',
    `/cases/${ctx.snap.cases[0]!.id}/`,
    '/supervision/',
    `/search/?q=${encodeURIComponent('物业')}`,
    '/data/',
    '/feeds/',
    '/enterprises/g/A/all/',
    `/compare/?ids=${ctx.snap.subjects
      .slice(0, 3)
      .map((x) => x.id)
      .join(',')}`,
    '/verify/?code=ABCD-EFGH-JKLM',
    '/no-such-page/',
  ]
}

describe('accessibility', () => {
  it('has no serious or critical axe violations on any page template', async () => {
    for (const path of templates()) {
      const { page, close } = await openPage(ctx.browser, path)
      if (path.startsWith('/search/'))
        await page.getByRole('status').filter({ hasText: /找到/ }).waitFor()
      const violations = await seriousAxeViolations(page)
      expect(
        violations.map(
          (v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`
        ),
        path
      ).toEqual([])
      await close()
    }
  })

  // 375 px is a phone; 640 px is a 1280 px window at 200 % zoom.
  for (const [width, label] of [
    [375, 'reads at 375 px'],
    [640, 'stays usable at 200 % zoom (640 px CSS width)'],
  ] as const) {
    it(`${label} without horizontal scrolling on any template`, async () => {
      for (const path of templates()) {
        const { page, close } = await openPage(ctx.browser, path, { width })
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth
        )
        expect(overflow, path).toBeLessThanOrEqual(0)
        await close()
      }
    })
  }

  it('offers a skip link as the first focusable element', async () => {
    const { page, close } = await openPage(ctx.browser, '/')
    await page.keyboard.press('Tab')
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
      '跳到正文'
    )
    await close()
  })
})
