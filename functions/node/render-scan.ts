/**
 * The personal-information scan of each file Astro renders, made from the bytes written, in a
 * worker thread of the builder's Astro process while the render goes on (issue 18). After the
 * render the builder read every file back and scanned it: 3.7 s at 10,000 subjects and 36 s at
 * 100,000, with nothing else to do meanwhile, while the other core idled through most of the
 * render. The builder still scans every file not reported here (build-site.ts), so a file Astro
 * did not render, or a render this could not scan, is read back as before.
 *
 * Runs inside functions/node/astro-process.ts only.
 */
import { Worker } from 'node:worker_threads'
import { isScannedFile, type ScannedAlready } from './personal-info-scan.ts'

let worker: Worker | null = null
/** This build's scan: null when there is none (no contacts given, or the worker failed). */
let current: {
  ended: Promise<ScannedAlready | null>
  end: (r: ScannedAlready | null) => void
} | null = null

function fail(err: unknown) {
  worker = null
  if (!current) return
  console.error(
    JSON.stringify({ msg: 'render scan failed; the builder scans every file', err: String(err) })
  )
  current.end(null)
  current = null
}

function start(): Worker {
  const w = new Worker(new URL('./render-scan-worker.ts', import.meta.url))
  w.on('message', (result: ScannedAlready) => {
    current?.end(result)
    current = null
    // Idle between builds: it must not keep the process alive.
    w.unref()
  })
  w.once('error', fail)
  w.once('exit', (code) => fail(new Error(`render scan worker exited with ${code}`)))
  return w
}

/**
 * A build begins its render: its files are scanned as they come, with `allowed` (the published
 * contacts, personal-info-scan.ts). Without them (`undefined`) nothing is scanned here.
 */
export function beginRenderScan(allowed: string[] | undefined): void {
  current?.end(null)
  current = null
  if (!allowed) return
  worker ??= start()
  worker.ref()
  let end!: (r: ScannedAlready | null) => void
  const ended = new Promise<ScannedAlready | null>((resolve) => (end = resolve))
  current = { ended, end }
  worker.postMessage({ type: 'begin', allowed })
}

/**
 * Scan `bytes`, the file Astro rendered to `file` (relative to the site's root). The caller
 * writes them; the worker gets its own copy.
 */
export function scanRendered(file: string, bytes: Uint8Array): void {
  if (!current || !worker || !isScannedFile(file)) return
  worker.postMessage({ type: 'file', file, bytes })
}

/** The render is done: the files scanned and what was found, or null when nothing was scanned. */
export function endRenderScan(): Promise<ScannedAlready | null> {
  if (!current || !worker) return Promise.resolve(null)
  worker.postMessage({ type: 'end' })
  return current.ended
}
