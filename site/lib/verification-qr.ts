import QRCode from 'qrcode'

/**
 * The credit report's QR image as an SVG string, from our own verification URL (no user text).
 * qrcode scores all eight masks and keeps the best, as ISO/IEC 18004 asks: ≈ 0.4 ms a page, a
 * sixth of a credit file's render (issue 18).
 */
export function verificationQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' })
}

/**
 * Where the builder's Astro process offers the same function in a worker thread
 * (functions/node/qr-worker-pool.ts), so that the render thread goes on with other pages
 * meanwhile. Elsewhere (`astro dev`, a plain `astro build`) the page makes the image itself.
 */
export const QR_WORKER = Symbol.for('property-credit.qr-worker')

export function verificationQr(url: string): Promise<string> {
  const offered = (globalThis as Record<symbol, unknown>)[QR_WORKER] as
    typeof verificationQrSvg | undefined
  return (offered ?? verificationQrSvg)(url)
}
