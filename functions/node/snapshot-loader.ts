import { Worker } from 'node:worker_threads'
import { LibsqlError } from '@libsql/client'
import type { IsoDate } from '../../db/domain/dates.ts'
import type { PublicSnapshot } from '../../db/queries/index.ts'
import type { LoadSnapshot } from '../snapshot-cache.ts'

export type SnapshotWorkerData = { env: NodeJS.ProcessEnv; part: number }

/**
 * A request to the worker, or the word that a part was taken in; the worker sends the snapshot
 * in parts, one at a time, then done.
 */
export type SnapshotToWorker = { id: number; asOf: IsoDate; rewind: boolean } | { ack: number }
export type SnapshotPart =
  | { id: number; type: 'value'; key: string; value: unknown }
  | { id: number; type: 'items'; key: string; items: unknown[] }
  | { id: number; type: 'done' }
  | { id: number; type: 'failed'; message: string; code?: string }

/** The worker's failure as the API's error handler knows it: a driver error keeps its code. */
function failure({ message, code }: Extract<SnapshotPart, { type: 'failed' }>): Error {
  if (!code) return new Error(message)
  return Object.assign(new LibsqlError(message, code), { message })
}

/**
 * The public API's snapshots, loaded in a worker thread (issue 18). In the server's own thread a
 * load at 100,000 subjects was ≈ 10 s of synchronous work (libSQL rows, assembling the credit
 * files): every request to the server — static pages, the console — waited behind it after each
 * write. The worker sends the snapshot in parts of at most `part` records, each after the last
 * was taken in, so that taking each in (≈ 10 ms) is one short task among the others: one
 * structured clone of the whole was 2.5 s, and parts sent all at once were taken in as one task
 * (0.8 s; a port hands over every message waiting).
 */
export function createSnapshotLoader(env: NodeJS.ProcessEnv, { part = 500 } = {}): LoadSnapshot {
  let worker: Worker | null = null
  let nextId = 0
  type Pending = {
    parts: Record<string, unknown>
    resolve: (snap: PublicSnapshot) => void
    reject: (err: Error) => void
  }
  const pending = new Map<number, Pending>()
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err)
    pending.clear()
  }
  const start = () => {
    const w = new Worker(new URL('./snapshot-loader-worker.ts', import.meta.url), {
      workerData: { env, part } satisfies SnapshotWorkerData,
    })
    w.on('message', (m: SnapshotPart) => {
      const p = pending.get(m.id)
      if (!p) return
      if (m.type === 'value') p.parts[m.key] = m.value
      else if (m.type === 'items') (p.parts[m.key] as unknown[]).push(...m.items)
      else {
        pending.delete(m.id)
        if (m.type === 'done') p.resolve(p.parts as PublicSnapshot)
        else p.reject(failure(m))
      }
      // Taken in: the worker sends the next part.
      if (m.type === 'value' || m.type === 'items')
        w.postMessage({ ack: m.id } satisfies SnapshotToWorker)
      // An idle worker must not keep the process alive (tests, a server shutting down).
      if (pending.size === 0) w.unref()
    })
    w.on('error', (err) => failAll(err))
    w.on('exit', (code) => {
      if (worker === w) worker = null
      failAll(new Error(`snapshot worker exited (${code})`))
    })
    return w
  }
  // Started with the server: loading its modules is not left to the first read after a write.
  worker = start()
  worker.unref()
  return (asOf, { rewind }) => {
    worker ??= start()
    worker.ref()
    const id = nextId++
    const snap = new Promise<PublicSnapshot>((resolve, reject) =>
      pending.set(id, { parts: {}, resolve, reject })
    )
    worker.postMessage({ id, asOf, rewind } satisfies SnapshotToWorker)
    return snap
  }
}
