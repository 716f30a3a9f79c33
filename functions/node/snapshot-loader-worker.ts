import { existsSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { LibsqlError } from '@libsql/client'
import { createDb, databaseFilePath, readDbConfig, type Db } from '../../db/client.ts'
import type { IsoDate } from '../../db/domain/dates.ts'
import { describeDatabaseError, driverError } from '../../db/driver-errors.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../../db/queries/public-snapshot.ts'
import type { SnapshotPart, SnapshotToWorker, SnapshotWorkerData } from './snapshot-loader.ts'

/*
 * Worker thread for snapshot-loader.ts: loads public snapshots on request with its own database
 * connection and sends each back in parts (top-level values whole, long lists in slices), the
 * next part when the server thread has taken the last one in.
 */

const { env, part } = workerData as SnapshotWorkerData
let db: Db | undefined
const config = readDbConfig(env)
const file = databaseFilePath(config.DATABASE_URL)
const load = async (asOf: IsoDate, rewind: boolean) => {
  // The driver opens another connection whenever none is idle, and SQLite creates a missing file:
  // a database moved or deleted under the server would be read as an empty one. It is unavailable
  // (K10).
  if (file && !existsSync(file))
    throw new LibsqlError('the database file is gone', 'SQLITE_CANTOPEN')
  return loadPublicSnapshot((db ??= createDb(config)), asOf, { rewind })
}
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
