import { copyFile, link, mkdir, readdir, rm, rmdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/**
 * Run `each` over `items`, `size` at a time: tens of thousands of small file-system calls go
 * faster with a few dozen in flight than one by one, and never all at once.
 */
export async function inBatches<T>(
  items: T[],
  size: number,
  each: (item: T) => Promise<unknown>
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each))
}

/** A hard link where the file system allows one (same device), else a copy. */
export const linkOrCopy = (from: string, to: string): Promise<void> =>
  link(from, to).catch(() => copyFile(from, to))

/**
 * Delete a directory tree a few entries at a time. `rm(dir, { recursive: true })` queues every
 * entry of a directory at once (tens of thousands in an old build), and the server's static
 * reads wait behind them in libuv's four threads: a publication's page answered a second or two
 * after it went live (issue 18). This leaves room for reads between its calls.
 */
export async function removeTree(dir: string, size = 4): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return []
      throw err
    }
  )
  const files = entries.filter((e) => !e.isDirectory()).map((e) => join(e.parentPath, e.name))
  await inBatches(files, size, (file) => rm(file, { force: true }))
  // Deepest level first, one level at a time, so each directory is empty when its turn comes
  // (never a parent in flight beside its child).
  const levels = new Map<number, string[]>()
  for (const e of entries) {
    if (!e.isDirectory()) continue
    const path = join(e.parentPath, e.name)
    const depth = relative(dir, path).split(sep).length
    const level = levels.get(depth)
    if (level) level.push(path)
    else levels.set(depth, [path])
  }
  // Anything the listing missed or that appeared since (ENOTEMPTY, seen once in the e2e run) is
  // left to the recursive rm at the end.
  const emptied = (d: string) =>
    rmdir(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOTEMPTY') throw err
    })
  for (const depth of [...levels.keys()].sort((a, b) => b - a))
    await inBatches(levels.get(depth)!, size, emptied)
  await rm(dir, { recursive: true, force: true })
}

/** Hard-link (or copy) every file under `from` into the same place under `to`. */
export async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true })
  await mkdir(to, { recursive: true })
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name))
  await inBatches(dirs, 64, (d) => mkdir(join(to, relative(from, d)), { recursive: true }))
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
  await inBatches(files, 64, (f) => linkOrCopy(f, join(to, relative(from, f))))
}
