import type { Db } from '../../db/client.ts'
import { markOutboxBuilt, pendingOutboxIds } from '../../db/mutations/outbox.ts'
import type { SiteBuilder } from './site-builder.ts'

/**
 * Turn outbox rows into rebuilds: take the pending ids, ask the (coalescing) builder for a build,
 * and mark exactly those ids built once a build that started after them succeeds. A failed build
 * leaves them pending, so the next successful build includes them.
 */
export function createPublisher(db: Db, builder: SiteBuilder, now: () => number = Date.now) {
  let chain = Promise.resolve()
  const publish = async () => {
    const ids = await pendingOutboxIds(db)
    if (!ids.length) return
    await builder.request()
    if (builder.state.state !== 'failed') await markOutboxBuilt(db, ids, now())
  }
  return () => {
    chain = chain
      .then(publish)
      .catch((err) => console.error({ msg: 'publish failed', err: String(err) }))
    return chain
  }
}
