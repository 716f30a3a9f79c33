import { todayInShanghai } from '../../db/domain/dates.ts'
import type { BuildState } from './site-builder.ts'

type Builder = { readonly state: BuildState; request(): Promise<void> }

/**
 * 到期自动停止公示: the public site is a snapshot "as of" the day it was built, so when the
 * Asia/Shanghai date moves past that day, records whose publicity period ended must leave every
 * page, list, index, feed and data file without anyone acting. `check` rebuilds once the date the
 * live site was built for is behind today's; the Node server calls it every minute, so the new
 * day's site is live shortly after midnight. The clock is injected so tests can move time.
 */
export function createDailyRebuild(builder: Builder, clock: () => number = Date.now) {
  return {
    async check(): Promise<boolean> {
      const today = todayInShanghai(new Date(clock()))
      const builtFor = builder.state.builtFor
      if (builtFor !== null && builtFor >= today) return false
      if (builder.state.state === 'building' || builder.state.state === 'queued') return false
      await builder.request()
      return true
    },
  }
}

/** Run `check` every interval (a minute by default) without keeping the process alive; errors are logged. */
export function everyMinute(check: () => Promise<unknown>, intervalMs = 60_000) {
  const timer = setInterval(() => {
    check().catch((err) => console.error({ msg: 'timer check failed', err: String(err) }))
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
