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
}

/**
 * The next build's worker, started while the builder is idle (prepareInputsWorker): starting one
 * and loading its modules took ≈ 1.3 s of every publication at 10,000 subjects. Each worker
 * serves one build and is then ended (its heap held the whole snapshot); it never keeps the
 * process alive while idle.
 */
let kept: Worker | null = null

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
  void Promise.allSettled([ready]).then(() => {
    signal?.removeEventListener('abort', stop)
    w.off('exit', onExit)
    void w.terminate()
  })
  return { search, snapshot, ready }
}
