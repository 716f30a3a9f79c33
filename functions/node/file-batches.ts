import { copyFile, link } from 'node:fs/promises'

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
