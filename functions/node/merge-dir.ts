import { lstat, readdir, rename, rmdir } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Move everything under `src` into `dst` (both directories; no file may be in both), moving
 * the smaller side's entries at each level: kept record pages go into place as whole
 * directories, not file by file.
 */
export async function mergeDir(src: string, dst: string): Promise<void> {
  const [srcNames, dstNames] = await Promise.all([readdir(src), readdir(dst)])
  const reverse = dstNames.length < srcNames.length
  const [from, to, names, there] = reverse
    ? [dst, src, dstNames, new Set(srcNames)]
    : [src, dst, srcNames, new Set(dstNames)]
  for (const name of names) {
    const source = join(from, name)
    const target = join(to, name)
    if (!there.has(name)) {
      await rename(source, target)
      continue
    }
    const [a, b] = await Promise.all([lstat(source), lstat(target)])
    if (!a.isDirectory() || !b.isDirectory())
      throw new Error(`a kept page and a rendered one are both ${target}`)
    await mergeDir(source, target)
  }
  // Everything is in `to` now; when that is `src`, it takes the (now empty) `dst`'s place.
  if (reverse) {
    await rmdir(dst)
    await rename(src, dst)
  } else await rmdir(src)
}
