/**
 * The files Astro renders, written and scanned for personal information in a worker thread of
 * the builder's Astro process while the render goes on (issue 18). The render thread is a
 * build's long pole; the machine's other core idles through much of it.
 *
 * - The scan: after the render the builder read every file back and scanned it, 3.7 s at 10,000
 *   subjects and 36 s at 100,000, with nothing else to do meanwhile (ADR 025). The builder still
 *   scans every file not reported here (build-site.ts), so a file Astro did not render, or a
 *   render this could not scan, is read back as before.
 * - The writing: Astro wrote each page with `fs.promises` (four round trips to libuv's threads a
 *   page), then the render thread wrote them itself; either way the kernel's work of creating
 *   16,000 directories and files (≈ 4 s of the render thread at 10,000, `--cpu-prof`) was on
 *   the long pole. The worker writes them in the order they come, synchronously.
 *
 * A build's files are all written when endRenderOutput resolves; a file that could not be
 * written, or a worker that died, fails the build. Runs inside functions/node/astro-process.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { Worker } from 'node:worker_threads'
import { isScannedFile, type ScannedAlready } from './personal-info-scan.ts'

/** What the worker answers at the end of a build: its scan (null: none) or why writing failed. */
export type OutputEnded = { scan: ScannedAlready | null; error?: string }

let worker: Worker | null = null
/** This build's output, from beginRenderOutput to endRenderOutput. */
let current: {
  ended: Promise<OutputEnded>
  end: (r: OutputEnded) => void
} | null = null

function fail(err: unknown) {
  worker = null
  current?.end({ scan: null, error: `render output worker failed: ${String(err)}` })
  current = null
}

function start(): Worker {
  const w = new Worker(new URL('./render-output-worker.ts', import.meta.url))
  w.on('message', (result: OutputEnded) => {
    current?.end(result)
    current = null
    // Idle between builds: it must not keep the process alive.
    w.unref()
  })
  w.once('error', fail)
  w.once('exit', (code) => fail(new Error(`exited with ${code}`)))
  return w
}

/**
 * A build or render starts: whatever a failed one before it left open is closed, so that a file
 * rendered before beginRenderOutput (one that reads no data) is written at once, not into a
 * session that failed.
 */
export function closeRenderOutput(): void {
  current?.end({ scan: null, error: 'a new build began' })
  current = null
}

/**
 * A build begins its render: its files are written as they come, and scanned with `allowed` (the
 * published contacts, personal-info-scan.ts). Without them (`undefined`) nothing is scanned here.
 */
export function beginRenderOutput(allowed: string[] | undefined): void {
  closeRenderOutput()
  worker ??= start()
  worker.ref()
  let end!: (r: OutputEnded) => void
  const ended = new Promise<OutputEnded>((resolve) => (end = resolve))
  current = { ended, end }
  worker.postMessage({ type: 'begin', allowed: allowed ?? null })
}

/**
 * Write `bytes`, the file Astro rendered to `file` (relative to the site's root), to `to`, and
 * scan them. The bytes are handed to the worker: the caller must not use them again. Outside a
 * build begun here (never in the builder) the file is written at once, in this thread.
 */
export function writeRendered(file: string, to: string, bytes: Uint8Array): void {
  if (!current || !worker) {
    mkdirSync(dirname(to), { recursive: true })
    writeFileSync(to, bytes)
    return
  }
  const scan = isScannedFile(file)
  worker.postMessage({ type: 'file', file, to, bytes, scan }, [bytes.buffer as ArrayBuffer])
}

/**
 * The render is done: resolves once every file is written, with the files scanned and what was
 * found (null when nothing was scanned); rejects when a file could not be written.
 */
export async function endRenderOutput(): Promise<ScannedAlready | null> {
  if (!current || !worker) return null
  worker.postMessage({ type: 'end' })
  const { scan, error } = await current.ended
  if (error) throw new Error(error)
  return scan
}
