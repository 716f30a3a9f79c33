import { readdirSync, readFileSync } from 'node:fs'

/**
 * Peak resident memory of a process and all its descendants (Astro's child, Pagefind's binary,
 * worker threads share the parent), sampled from /proc. Linux only, like the machines we bench on.
 */
export function sampleTreeRss(rootPid: number, everyMs = 100): { stop: () => number } {
  let peak = 0
  const sample = () => {
    const parent = new Map<number, number>()
    const rss = new Map<number, number>()
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      try {
        const status = readFileSync(`/proc/${name}/status`, 'utf8')
        const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0)
        const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0)
        parent.set(Number(name), ppid)
        rss.set(Number(name), kb * 1024)
      } catch {
        // The process ended between the listing and the read.
      }
    }
    const inTree = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++)
        if (p === rootPid) return true
      return false
    }
    let total = 0
    for (const [pid, bytes] of rss) if (inTree(pid)) total += bytes
    peak = Math.max(peak, total)
  }
  sample()
  const timer = setInterval(sample, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return peak
    },
  }
}
