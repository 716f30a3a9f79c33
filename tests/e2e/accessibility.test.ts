import { describe, expect, it } from 'vitest'
import { openPage, seriousAxeViolations, url, useBrowser } from '../helpers/e2e.ts'

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
    '/complaints/new/',
    '/complaints/track/',
    '/objections/new/',
    '/repair/apply/',
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

  // Matrix L2 (适老化): a phone whose browser text size is set to 200 %. The site sizes type in
  // rem from a 112.5 % root, so the setting doubles that root; the injected rule stands in for
  // the browser preference (CSP is bypassed for it alone).
  it('reads at 375 px with the browser text size at 200 %, without horizontal scrolling', async () => {
    const context = await ctx.browser.newContext({
      viewport: { width: 375, height: 800 },
      bypassCSP: true,
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    for (const path of templates()) {
      await page.goto(url(path))
      await page.addStyleTag({ content: ':root { font-size: 225% !important; }' })
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          // Wide tables sit in labelled scroll regions on purpose: they scroll, the page does not.
          .filter((e) => {
            for (let a = e.parentElement; a; a = a.parentElement)
              if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return false
            return true
          })
          .slice(0, 3)
          .map(
            (e) =>
              `${e.tagName.toLowerCase()}.${e.className} “${e.textContent?.trim().slice(0, 20)}”`
          )
      )
      expect(wide, path).toEqual([])
    }
    await context.close()
  })

  it('offers a skip link as the first focusable element', async () => {
    const { page, close } = await openPage(ctx.browser, '/')
    await page.keyboard.press('Tab')
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
      '跳到正文'
    )
    await close()
  })
})
