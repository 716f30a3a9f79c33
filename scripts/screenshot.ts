/**
 * npm run screenshot -- URL OUT.png [width] [fold|selector] — a full-page screenshot in headless Chromium, to look
 * at what a resident sees (375 px phone, 1280 px desktop).
 */
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts'

const [url, out, width = '1280'] = process.argv.slice(2)
if (!url || !out) {
  console.error('Usage: npm run screenshot -- URL OUT.png [width]')
  process.exit(2)
}
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } })
await page.goto(url, { waitUntil: 'networkidle' })
// A 4th argument 'fold' shoots only the first screen, to read small text at phone width; a CSS
// selector shoots just that element (a section of a long page).
const mode = process.argv[5]
if (mode && mode !== 'fold') await page.locator(mode).first().screenshot({ path: out })
else await page.screenshot({ path: out, fullPage: mode !== 'fold' })
await browser.close()
