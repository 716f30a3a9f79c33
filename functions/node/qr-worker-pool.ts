/**
 * Credit reports' QR images made in a worker thread of the builder's Astro process (issue 18).
 * Scoring the eight masks was ≈ 0.4 ms of every credit file's ≈ 1.8 ms render at 10,000
 * subjects (`--cpu-prof` of a full build: 4.2 s of the render thread), while the machine's
 * other core idled. Astro renders several pages at once (build.concurrency), so the render
 * thread goes on with the others while one waits for its image. The worker runs the same
 * function the page would (site/lib/verification-qr.ts); should it fail, the images are made
 * in the render thread again, byte for byte the same.
 */
import { Worker } from 'node:worker_threads'
import { QR_WORKER, verificationQrSvg } from '../../site/lib/verification-qr.ts'

type Pending = { url: string; resolve: (svg: string) => void; reject: (err: unknown) => void }

export function offerQrWorker(): void {
  let worker: Worker | null = null
  let failed = false
  let next = 0
  const pending = new Map<number, Pending>()

  const inThisThread = (p: Pending) => verificationQrSvg(p.url).then(p.resolve, p.reject)
  const fail = (err: unknown) => {
    if (failed) return
    failed = true
    worker = null
    console.error(
      JSON.stringify({
        msg: 'QR worker failed; making the images in the render thread',
        err: String(err),
      })
    )
    for (const p of pending.values()) void inThisThread(p)
    pending.clear()
  }
  const start = () => {
    const w = new Worker(new URL('./qr-worker.ts', import.meta.url))
    w.on('message', ({ id, svg }: { id: number; svg: string }) => {
      const p = pending.get(id)
      pending.delete(id)
      p?.resolve(svg)
      // Idle between builds: it must not keep the process alive.
      if (!pending.size) w.unref()
    })
    w.once('error', fail)
    w.once('exit', (code) => fail(new Error(`QR worker exited with ${code}`)))
    return w
  }

  ;(globalThis as Record<symbol, unknown>)[QR_WORKER] = (url: string): Promise<string> =>
    new Promise((resolve, reject) => {
      if (failed) return void inThisThread({ url, resolve, reject })
      worker ??= start()
      const id = next++
      pending.set(id, { url, resolve, reject })
      worker.ref()
      worker.postMessage({ id, url })
    })
}
