import type { CreditFile } from '../../db/domain/credit-file.ts'
import type { PublicSnapshot } from '../../db/queries/public-snapshot.ts'

/**
 * JSON.stringify(snap) in pieces, with each credit file's JSON given: written to the file as it
 * is made, the worker never holds the whole text (234 MB at 100,000 subjects, twice that in
 * memory as Chinese text) beside the snapshot.
 */
export function* snapshotJson(
  snap: PublicSnapshot,
  fileJson: Map<CreditFile, string>
): Generator<string> {
  let separator = '{'
  for (const [key, value] of Object.entries(snap)) {
    if (value === undefined) continue
    yield `${separator}${JSON.stringify(key)}:`
    separator = ','
    if (key !== 'creditFiles') {
      yield JSON.stringify(value)
      continue
    }
    const files = value as CreditFile[]
    for (let i = 0; i < files.length; i += 1000)
      yield (
        (i ? ',' : '[') +
        files
          .slice(i, i + 1000)
          .map((f) => fileJson.get(f)!)
          .join(',')
      )
    yield files.length ? ']' : '[]'
  }
  yield separator === '{' ? '{}' : '}'
}
