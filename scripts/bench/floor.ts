import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The same-run floor: write `files` HTML files of `bytes` in total from Node, one directory each
 * like the site's pages, into `dir` (new). No generator can emit the same output faster on this
 * machine. The caller deletes `dir` once nothing more is measured: see bench.ts on why not here.
 */
export async function writeFloor(dir: string, files: number, bytes: number): Promise<number> {
  const size = Math.max(1, Math.round(bytes / Math.max(1, files)))
  const body = `<!doctype html><html lang="zh-CN"><body>${'物'.repeat(Math.ceil(size / 3))}</body></html>`
  const started = performance.now()
  for (let i = 0; i < files; i += 64) {
    await Promise.all(
      Array.from({ length: Math.min(64, files - i) }, async (_, k) => {
        const page = join(dir, String(i + k))
        await mkdir(page, { recursive: true })
        await writeFile(join(page, 'index.html'), body)
      })
    )
  }
  return performance.now() - started
}
