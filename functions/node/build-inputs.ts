import { Worker } from 'node:worker_threads'
import type { ReportSummary } from '../../db/domain/report.ts'
import type { SearchRecord } from '../../site/lib/search-records.ts'
import type { RenderPlan } from '../../site/lib/record-pages.ts'
import type { Manifest } from './manifest.ts'

/** What the worker is asked to prepare. */
export type InputsJob = {
  env: NodeJS.ProcessEnv
  asOf: string
  /** The live build (same code) to compare with, or null for a full build. */
  previous: string | null
  snapshotFile: string
  planFile: string
}

export type InputsMessage =
  | {
      type: 'search'
      /** The full-text records' digest and count, and the records unless the live build's match. */
      digest: string
      count: number
      records: SearchRecord[] | null
    }
  | { type: 'snapshot' }
  | {
      type: 'ready'
      manifest: Manifest
      previous: Manifest | null
      plan: RenderPlan
      reports: { code: string; subjectId: string; asOf: string; summary: ReportSummary }[]
      /** The publisher's own contact details, which pages may carry (personal-info-scan.ts). */
      contacts: string[]
      /** The worker's heap once it is done (V8's total heap size): whether to keep it. */
      heapBytes: number
    }
  | { type: 'failed'; message: string; stack?: string }

export type BuildInputsSearch = Extract<InputsMessage, { type: 'search' }>
export type BuildInputsReady = Extract<InputsMessage, { type: 'ready' }>

export type BuildInputs = {
  /** Resolves once the snapshot file for Astro is written (the plan follows). */
  snapshot: Promise<void>
  search: Promise<BuildInputsSearch>
  /** Resolves once the snapshot and plan files for Astro are written. */
  ready: Promise<BuildInputsReady>
  /** The worker's thread id (a kept worker serves several builds). */
  threadId: number
}

/**
 * The next build's worker. Starting one and loading its modules takes ≈ 2 s on this project's
 * machines (Node reading package scopes for every module, opencc's dictionaries, GC), so it is
 * started while the builder is idle (prepareInputsWorker). A publication right after another
 * still found it loading: at 1,000 subjects publications took 1.9–2.6 s, and 0.55–1.1 s when
 * the last build's worker served the next one. So a small site's worker is kept, up to
 * KEEP_WORKER_UP_TO credit files and while its heap stays under KEEP_WORKER_HEAP (V8 lets it grow
 * ≈ 12 MB a build before collecting in earnest; a worker past it is ended, the next one starts
 * fresh). After a larger build the worker is ended, as every worker was before: its heap held
 * the whole snapshot (a kept worker at 10,000 subjects put the server at 0.95–1.19 GB against
 * 0.61–0.65 GB, for publications no faster). It never keeps the process alive while idle.
 */
let kept: Worker | null = null
/** Credit files up to which a build's worker is kept for the next build (see `kept`). */
const KEEP_WORKER_UP_TO = 5_000
const KEEP_WORKER_HEAP = 256 * 2 ** 20

/**
 * Start the next build's worker now, while nobody waits (the site builder calls this after a
 * build went live); a one-off build (`npm run build`) has no next one and starts none.
 */
export function prepareInputsWorker(): void {
  worker()
}

function worker(): Worker {
  if (!kept) {
    const w = new Worker(new URL('./build-inputs-worker.ts', import.meta.url))
    w.on('exit', () => {
      if (kept === w) kept = null
    })
    w.on('error', () => undefined)
    w.unref()
    kept = w
  }
  return kept
}

/**
 * Read the database and prepare a build's inputs in a worker thread (issue 18). At 100,000
 * subjects loading the snapshot, digesting it and writing it for Astro took ≈ 20 s of synchronous
 * work; on the server's main thread it stalled every request (and the Pagefind and linking work
 * of the same build) for that long. The builder only receives what it needs, not the snapshot.
 * One build at a time (the site builder runs them one after another).
 */
export function prepareBuildInputs(job: InputsJob, signal?: AbortSignal): BuildInputs {
  const w = worker()
  let gotSearch!: (m: BuildInputsSearch) => void
  let gotReady!: (m: BuildInputsReady) => void
  let failed!: (err: unknown) => void
  const failure = new Promise<never>((_, reject) => (failed = reject))
  failure.catch(() => undefined)
  const search = Promise.race([new Promise<BuildInputsSearch>((r) => (gotSearch = r)), failure])
  const ready = Promise.race([new Promise<BuildInputsReady>((r) => (gotReady = r)), failure])
  let gotSnapshot!: () => void
  const snapshot = Promise.race([new Promise<void>((r) => (gotSnapshot = r)), failure])
  const onMessage = (m: InputsMessage) => {
    if (m.type === 'search') gotSearch(m)
    else if (m.type === 'snapshot') gotSnapshot()
    else if (m.type === 'ready') gotReady(m)
    else failed(Object.assign(new Error(m.message), { stack: m.stack }))
  }
  const onError = (err: unknown) => failed(err)
  const onExit = (code: number) => failed(new Error(`build inputs worker exited (${code})`))
  const stop = () => failed(signal?.reason ?? new Error('aborted'))
  w.on('message', onMessage)
  w.on('error', onError)
  w.on('exit', onExit)
  signal?.addEventListener('abort', stop, { once: true })
  kept = null
  w.ref()
  w.postMessage(job)
  const done = (keep: boolean) => {
    signal?.removeEventListener('abort', stop)
    w.off('message', onMessage)
    w.off('error', onError)
    w.off('exit', onExit)
    // A worker that failed, or was stopped, serves no other build.
    if (keep && !signal?.aborted && !kept) {
      w.unref()
      kept = w
    } else void w.terminate()
  }
  void ready.then(
    (m) =>
      done(
        Object.keys(m.manifest.pages.creditFile).length <= KEEP_WORKER_UP_TO &&
          m.heapBytes < KEEP_WORKER_HEAP
      ),
    () => done(false)
  )
  return { search, snapshot, ready, threadId: w.threadId }
}
