import { describe, expect, it } from 'vitest'
import { verificationQr, verificationQrSvg } from '../../site/lib/verification-qr.ts'
import { offerQrWorker } from './qr-worker-pool.ts'

describe("the Astro process's QR worker", () => {
  it('makes the same image the page would, for many pages at once', async () => {
    const urls = Array.from(
      { length: 40 },
      (_, i) => `https://credit.example.gov.cn/verify/?code=${(1e11 + i * 7919).toString(36)}-${i}`
    )
    const here = await Promise.all(urls.map(verificationQrSvg))
    offerQrWorker()
    const there = await Promise.all(urls.map(verificationQr))
    expect(there).toEqual(here)
    expect(there[0]).toMatch(/^<svg /)
  })
})
