import autocannon from 'autocannon'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

async function call(base: string, path: string, cookie: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`bench ${path}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<{ id?: number }>
}

/**
 * Publish to live, as people do it: an editor corrects a published penalty's 违法事实, a
 * reviewer approves, and the clock runs from the approval request until the penalty's page on
 * the Node server shows the new text. Returns one latency per run.
 */
export async function publishToLive(
  base: string,
  editorCookie: string,
  reviewerCookie: string,
  penalties: { id: number; facts: string }[]
): Promise<number[]> {
  const latencies: number[] = []
  for (const [run, { id, facts: before }] of penalties.entries()) {
    const marker = `（基准测试第${run + 1}次更正）`
    const facts = `${before}${marker}`
    const change = await call(base, `/api/v1/penalties/${id}/correct`, editorCookie, {
      changes: { facts },
      reason: '基准测试：更正违法事实表述',
    })
    await call(base, `/api/v1/changes/${change.id}/submit`, editorCookie, {})
    const started = performance.now()
    await call(base, `/api/v1/changes/${change.id}/approve`, reviewerCookie, {})
    for (let failures = 0; ;) {
      // A connection the server closes as the poll reuses it (its event loop was busy loading a
      // 100,000-subject snapshot) is retried; a server that stopped answering ends the bench.
      let html = ''
      try {
        html = await (await fetch(`${base}/penalties/${id}/`)).text()
        failures = 0
      } catch (err) {
        if (++failures > 50) throw new Error(`the server stopped answering: ${String(err)}`)
      }
      if (html.includes(marker)) break
      if (performance.now() - started > 600_000) throw new Error('publish never went live')
      await new Promise((r) => setTimeout(r, 100))
    }
    latencies.push(performance.now() - started)
  }
  return latencies
}

export type LoadResult = { rps: number; p50: number; p99: number; errors: number; non2xx: number }

/** autocannon for `seconds` against one or several paths. */
export async function load(
  base: string,
  opts: {
    paths: string[]
    method?: 'GET' | 'POST'
    body?: string
    connections: number
    seconds: number
  }
): Promise<LoadResult> {
  let i = 0
  const result = await autocannon({
    url: base,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        method: opts.method ?? 'GET',
        headers: opts.body ? { 'content-type': 'application/json' } : {},
        body: opts.body,
        setupRequest: (req) => ({ ...req, path: opts.paths[i++ % opts.paths.length]! }),
      },
    ],
  })
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

export { median }
