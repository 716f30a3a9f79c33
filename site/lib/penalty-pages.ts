import type { PublicSnapshot } from '../../db/queries/index.ts'
import { paginate, PAGE_SIZE } from './paginate.ts'

/** Pages of the penalty list, newest first. */
export function penaltyListPages({ penalties, districts }: PublicSnapshot) {
  const pages = paginate(penalties, PAGE_SIZE)
  return pages.map((items, i) => ({
    penalties: items,
    total: penalties.length,
    page: i + 1,
    totalPages: pages.length,
    districts,
  }))
}
