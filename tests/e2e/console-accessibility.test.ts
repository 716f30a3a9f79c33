import { describe, expect, inject, it } from 'vitest'
import { totpCode } from '../../functions/auth/totp.ts'
import { openPage, seriousAxeViolations, url, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()

const TEMPLATES = [
  '/admin/dashboard/',
  '/admin/penalties/new/',
  '/admin/list-entries/new/',
  '/admin/records/new/',
  '/admin/cases/new/',
  '/admin/supervisions/new/',
  '/admin/subjects/new/',
  '/admin/deadlines/',
  '/admin/import/',
  '/admin/audit/',
  '/admin/users/',
  '/admin/ledger/',
  '/admin/ledger/new/',
  '/admin/returns/',
  '/admin/complaints/',
  '/admin/objections/',
]

describe('console accessibility', () => {
  it('has no serious axe violations and no sideways scrolling at 200 % zoom, logged in by keyboard', async () => {
    const a = inject('accounts').find((x) => x.username === 'admin-a11y')!
    const { page, close } = await openPage(ctx.browser, '/admin/', { width: 640 })
    expect(await seriousAxeViolations(page)).toEqual([])
    // Keyboard only: Tab through the login form and submit with Enter.
    for (
      let i = 0;
      i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== 'username';
      i++
    ) {
      await page.keyboard.press('Tab')
    }
    await page.keyboard.type(a.username)
    await page.keyboard.press('Tab')
    await page.keyboard.type(a.password)
    await page.keyboard.press('Enter')
    await page.getByLabel('动态口令').waitFor()
    await page.keyboard.type(totpCode(a.secret, Date.now()))
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/admin\/dashboard\//)
    for (const path of TEMPLATES) {
      await page.goto(url(path))
      await page.waitForLoadState('networkidle')
      expect(await seriousAxeViolations(page), path).toEqual([])
      // Name the elements that stick out, so a failure says what to fix. A data table may scroll
      // inside its own keyboard-focusable region (WCAG 1.4.10 exempts tables); the region may not.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => !e.parentElement?.closest('.app-table-wrap'))
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`)
      )
      expect(wide, path).toEqual([])
    }
    // Issue 16, item 13: a clerk's phone (375 px) — no console page scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 })
    for (const path of TEMPLATES) {
      await page.goto(url(path))
      await page.waitForLoadState('networkidle')
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => !e.parentElement?.closest('.app-table-wrap'))
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 4)
          .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`)
      )
      expect(wide, `${path} at 375 px`).toEqual([])
    }
    await close()
  })
})
