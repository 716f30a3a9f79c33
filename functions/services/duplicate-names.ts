import * as OpenCC from 'opencc-js/t2cn'
import type { Issue } from '../../db/domain/errors.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { subjectsNamed } from '../../db/queries/duplicate-names.ts'

// Traditional (incl. Taiwan and Hong Kong forms) → mainland simplified, as the site writes names.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

/** The comparison key of a name: NFKC, simplified characters, no whitespace. */
export const nameDuplicateKey = (name: string) =>
  toSimplified(name.normalize('NFKC')).replace(/\s+/g, '')

/**
 * Warnings (not refusals: two companies may legally share a name in different registries) when a
 * new subject's name matches a published one up to 繁/简, full-width and spaces (matrix D7).
 */
export async function duplicateNameWarnings(
  db: DbOrTx,
  name: string,
  ownId: string
): Promise<Issue[]> {
  const matches = (await subjectsNamed(db, nameDuplicateKey(name))).filter((s) => s.id !== ownId)
  return matches.map((s) => ({
    field: 'name',
    code: 'possible_duplicate',
    message: `与已公示主体“${s.name}”（${s.id}）名称相同，请核实是否为同一主体`,
  }))
}
