import { describe, expect, inject, it } from 'vitest'
import { totpCode } from '../../functions/auth/totp.ts'
import { createDb } from '../../db/client.ts'
import {
  openPage,
  seriousAxeViolations,
  sidewaysOverflow,
  url,
  useBrowser,
} from '../helpers/e2e.ts'

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
  '/admin/password/',
]

/**
 * One record of each kind the console shows on a page of its own, taken from the journey's
 * database (demo data has penalties, list entries, credit records, cases, supervisions and ledger
 * items; complaints, objections and change requests only exist once a journey made one).
 */
async function recordTemplates(): Promise<string[]> {
  const db = createDb({ DATABASE_URL: inject('databaseUrl') })
  const first = async (table: string) =>
    (await db.$client.execute(`select id from ${table} order by id limit 1`)).rows[0]?.id
  const paths: string[] = []
  for (const [table, path] of [
    ['penalties', '/admin/penalties/view/'],
    ['credit_list_entries', '/admin/list-entries/view/'],
    ['credit_records', '/admin/records/view/'],
    ['typical_cases', '/admin/cases/view/'],
    ['listed_supervisions', '/admin/supervisions/view/'],
    ['ledger_items', '/admin/ledger/view/'],
    ['complaints', '/admin/complaints/view/'],
    ['objections', '/admin/objections/view/'],
    ['change_requests', '/admin/changes/view/'],
  ] as const) {
    const id = await first(table)
    if (id !== undefined) paths.push(`${path}?id=${id}`)
  }
  const penalty = await first('penalties')
  paths.push(`/admin/corrections/new/?target=penalty&id=${penalty}`)
  db.$close()
  // The six kinds of demo data must be there, or this walk checks less than it says.
  expect(paths.length).toBeGreaterThanOrEqual(7)
  return paths
}

describe('console accessibility', () => {
  it('has no serious axe violations and no sideways scrolling at 375, 640 (200 % zoom) and 1280 px on any template, logged in by keyboard', async () => {
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
    const templates = [...TEMPLATES, ...(await recordTemplates())]
    // 200 % zoom of a 1280 px screen, then the desktop, then a clerk's phone (issue 16, item 13):
    // every console template, forms and one record of each kind, with no sideways scrolling and
    // (at the two real widths) no serious axe violation.
    for (const [width, axe] of [
      [640, false],
      [1280, true],
      [375, true],
    ] as const) {
      await page.setViewportSize({ width, height: 800 })
      for (const path of templates) {
        await page.goto(url(path))
        await page.waitForLoadState('networkidle')
        await page.locator('main').waitFor()
        if (axe) expect(await seriousAxeViolations(page), `${path} at ${width} px`).toEqual([])
        expect(await sidewaysOverflow(page), `${path} at ${width} px`).toEqual([])
      }
    }
    await close()
  })
})
