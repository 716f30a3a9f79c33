/** Split items into pages of `size`; always at least one (possibly empty) page. */
export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size))
  return pages.length ? pages : [[]]
}

export const PAGE_SIZE = 30
