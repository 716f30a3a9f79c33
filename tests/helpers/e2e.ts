import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { createDb } from '../../db/client.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../../db/queries/index.ts'
import { totpCode } from '../../functions/auth/totp.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts'

const require = createRequire(import.meta.url)

/** One Chromium per test file, plus the snapshot the site was built from (to pick examples). */
export function useBrowser() {
  const ctx = {
    browser: undefined as unknown as Browser,
    snap: undefined as unknown as PublicSnapshot,
  }
  beforeAll(async () => {
    ctx.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    const db = createDb({ DATABASE_URL: inject('databaseUrl') })
    ctx.snap = await loadPublicSnapshot(db, inject('buildDate'))
    db.$close()
  })
  afterAll(() => ctx.browser?.close())
  return ctx
}

export const url = (path: string) => new URL(path, inject('baseUrl')).href

/** Open a page at a width (375 phone, 1280 desktop), optionally without JavaScript. */
export async function openPage(
  browser: Browser,
  path: string,
  opts: { width?: number; js?: boolean } = {}
) {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: 800 },
    javaScriptEnabled: opts.js ?? true,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  const response = await page.goto(url(path))
  return { page, response, close: () => context.close() }
}

/**
 * Elements that stick out past the viewport's right edge (the page would scroll sideways), named
 * so a failure says what to fix. A data table may scroll inside its own keyboard-focusable region
 * (WCAG 1.4.10 exempts tables); the region itself may not stick out.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => !e.parentElement?.closest('.app-table-wrap'))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 4)
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`)
  )
}

export type AxeViolation = {
  id: string
  impact: string
  help: string
  nodes: { target: string[] }[]
}

/** Run axe-core (WCAG 2.1 A/AA rules) in the page; returns serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as a <script> tag, so the site's CSP (no inline
  // scripts) stays on while axe runs.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'))
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    })
    return result.violations
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Log in through the console the way a person does: password first, then the TOTP code. */
export async function logIn(page: Page, username: string) {
  const a = inject('accounts').find((x) => x.username === username)!
  // A console page opened before signing in sends itself to the login page (/admin/?next=…) by
  // script; that navigation may interrupt this one. Either way the login form is what loads.
  await page.goto(url('/admin/')).catch(async (e: Error) => {
    if (!/interrupted by another navigation/.test(e.message)) throw e
    await page.waitForLoadState('load')
  })
  await page.getByLabel('用户名').fill(a.username)
  await page.getByLabel('密码').fill(a.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByLabel('动态口令').fill(totpCode(a.secret, Date.now()))
  await page.getByRole('button', { name: '登录' }).click()
  // The dashboard, or the console page that sent the person here (?next=…): a page opened
  // before signing in redirects to the login page by itself, racing the goto above.
  await page.waitForURL((u) => u.pathname.startsWith('/admin/') && u.pathname !== '/admin/')
}

/** Wait until the site, rebuilding by itself, serves what a check looks for (2 minutes at most). */
export async function waitForRebuild(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + 120_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: the site did not rebuild within 2 minutes`)
    await new Promise((r) => setTimeout(r, 1000))
  }
}
