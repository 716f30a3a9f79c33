import { parentPort, workerData } from 'node:worker_threads'
import { readDbConfig } from '../../db/client.ts'
import type { IsoDate } from '../../db/domain/dates.ts'
import { describeDatabaseError, driverError } from '../../db/driver-errors.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { createReadDb } from '../../db/read-db.ts'
import type { SnapshotPart, SnapshotToWorker, SnapshotWorkerData } from './snapshot-loader.ts'

/*
 * Worker thread for snapshot-loader.ts: loads public snapshots on request with its own database
 * connection and sends each back in parts (top-level values whole, long lists in slices), the
 * next part when the server thread has taken the last one in.
 */

const { env, part } = workerData as SnapshotWorkerData
// Its own connection, reading rows as arrays (db/read-db.ts, ADR 024); it refuses a database
// file that is gone (K10).
const db = createReadDb(readDbConfig(env))
const load = (asOf: IsoDate, rewind: boolean) => loadPublicSnapshot(db, asOf, { rewind })
const sending = new Map<number, Iterator<SnapshotPart>>()

function* parts(id: number, snap: PublicSnapshot): Generator<SnapshotPart> {
  for (const [key, value] of Object.entries(snap)) {
    if (!Array.isArray(value)) yield { id, type: 'value', key, value }
    else {
      // An empty list still arrives as a list.
      yield { id, type: 'value', key, value: [] }
      for (let i = 0; i < value.length; i += part)
        yield { id, type: 'items', key, items: value.slice(i, i + part) }
    }
  }
  yield { id, type: 'done' }
}

function sendNext(id: number) {
  const next = sending.get(id)?.next()
  if (!next || next.done) return
  if (next.value.type === 'done') sending.delete(id)
  parentPort!.postMessage(next.value)
}

parentPort!.on('message', (m: SnapshotToWorker) => {
  if ('ack' in m) return sendNext(m.ack)
  load(m.asOf, m.rewind).then(
    (snap) => {
      sending.set(m.id, parts(m.id, snap))
      sendNext(m.id)
    },
    (err: unknown) => {
      // The driver's code goes along, so the API answers 503 for a database it cannot reach, as
      // it does in-line (db/driver-errors.ts); drizzle's own message quotes SQL and stays here.
      const driver = driverError(err)
      const message = driver?.message ?? describeDatabaseError(err) ?? 'snapshot load failed'
      parentPort!.postMessage({ id: m.id, type: 'failed', message, code: driver?.code })
    }
  )
})
