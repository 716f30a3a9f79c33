import { describe, expect, it } from 'vitest'
import type { BuildState } from './site-builder.ts'
import { createDailyRebuild } from './daily-rebuild.ts'

/** A builder that records the day each build is for, the way SiteBuilder sets `builtFor`. */
function recordingBuilder(clock: { now: number }) {
  const builds: string[] = []
  const state: BuildState = {
    state: 'idle',
    lastSuccessAt: null,
    builtFor: null,
    lastError: null,
    failure: null,
    pending: false,
    lastReport: null,
  }
  return {
    builds,
    get state() {
      return state
    },
    async request() {
      const day = new Date(clock.now + 8 * 3_600_000).toISOString().slice(0, 10)
      builds.push(day)
      state.builtFor = day
    },
  }
}

describe('daily rebuild around midnight Asia/Shanghai', () => {
  it('rebuilds once when the Shanghai date changes, not before, and not twice', async () => {
    // 2026-11-27 23:59:00 in Shanghai is 15:59 UTC.
    const clock = { now: Date.parse('2026-11-27T15:59:00Z') }
    const builder = recordingBuilder(clock)
    const daily = createDailyRebuild(builder, () => clock.now)
    expect(await daily.check()).toBe(true)
    expect(builder.builds).toEqual(['2026-11-27'])
    clock.now += 59_000 // 23:59:59
    expect(await daily.check()).toBe(false)
    clock.now += 2_000 // 00:00:01 on the 28th
    expect(await daily.check()).toBe(true)
    expect(await daily.check()).toBe(false)
    expect(builder.builds).toEqual(['2026-11-27', '2026-11-28'])
  })

  it('catches up after the clock jumps days ahead (a server that was asleep)', async () => {
    const clock = { now: Date.parse('2026-11-27T02:00:00Z') }
    const builder = recordingBuilder(clock)
    const daily = createDailyRebuild(builder, () => clock.now)
    await daily.check()
    clock.now += 3 * 86_400_000
    expect(await daily.check()).toBe(true)
    expect(builder.builds.at(-1)).toBe('2026-11-30')
  })
})
