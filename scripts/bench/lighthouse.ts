import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts'

export type LighthouseScore = {
  label: string
  url: string
  performance: number
  accessibility: number
}

/**
 * Lighthouse's default (mobile) run — Moto G-sized screen, simulated slow 4G and a 4× slower CPU —
 * for performance and accessibility, in Debian's Chromium.
 */
export async function lighthouseScores(
  pages: { label: string; url: string }[]
): Promise<LighthouseScore[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    // Lighthouse needs the new headless mode, not the old one the journeys use.
    chromeFlags: [...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--headless=new'],
  })
  try {
    const out: LighthouseScore[] = []
    for (const { label, url } of pages) {
      const result = await lighthouse(url, {
        port: chrome.port,
        onlyCategories: ['performance', 'accessibility'],
        logLevel: 'error',
        output: 'json',
      })
      const categories = result?.lhr.categories
      out.push({
        label,
        url,
        performance: Math.round((categories?.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
      })
    }
    return out
  } finally {
    chrome.kill()
  }
}
