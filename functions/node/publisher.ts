import type { Db } from '../../db/client.ts'
import { appendAudit } from '../../db/mutations/audit.ts'
import { markOutboxBuilt, pendingOutboxIds } from '../../db/mutations/outbox.ts'
import type { SiteBuilder } from './site-builder.ts'

/**
 * Turn outbox rows into rebuilds: take the pending ids, ask the (coalescing) builder for a build,
 * and mark exactly those ids built once a build that started after them succeeds. A failed build
 * leaves them pending, so the next successful build includes them, and raises the alarm: an
 * audit row `site.build_failed` (matrix K4) beside the console's status and the server log.
 */
export function createPublisher(db: Db, builder: SiteBuilder, now: () => number = Date.now) {
  let chain = Promise.resolve()
  const publish = async () => {
    const ids = await pendingOutboxIds(db)
    if (!ids.length) return
    await builder.request()
    // Shutting down: the build was abandoned, so these stay pending for the next start.
    if (builder.stopped) return
    const { state, failure } = builder.state
    if (state !== 'failed') return markOutboxBuilt(db, ids, now())
    await db.transaction((tx) =>
      appendAudit(tx, {
        at: new Date(now()).toISOString(),
        actorId: null,
        actorName: 'system',
        actorRole: null,
        actorDistrict: null,
        sourceIp: null,
        action: 'site.build_failed',
        objectType: 'site',
        objectId: null,
        outcome: 'failure',
        reason: failure?.notice ?? null,
        requestId: null,
        detail: JSON.stringify({ waiting: ids.length }),
      })
    )
  }
  return () => {
    chain = chain
      .then(publish)
      .catch((err) => console.error({ msg: 'publish failed', err: String(err) }))
    return chain
  }
}
