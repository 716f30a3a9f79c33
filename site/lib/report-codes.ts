import type { CreditFile } from '../../db/domain/credit-file.ts'
import { reportCode } from '../../db/domain/report.ts'

/**
 * The verification code a credit report prints. The build's inputs worker computes the code of
 * every credit file the build prints, to keep it for /verify/ (functions/node/build-site.ts), and
 * the builder's Astro process is given them with the plan: the page prints the code that was
 * kept, instead of hashing its file's JSON a second time (≈ 0.6–1 s of the render thread at
 * 10,000 subjects, issue 18). Elsewhere (`astro dev`, a plain `astro build`), or for a file the
 * codes do not name, the page computes it with the same function.
 */
const PRINTED = Symbol.for('property-credit.report-codes')

/** This build's codes by subject id; `undefined` when a build begins, so none carry over. */
export function givePrintedReportCodes(codes: [string, string][] | undefined): void {
  ;(globalThis as Record<symbol, unknown>)[PRINTED] = codes ? new Map(codes) : undefined
}

export async function printedReportCode(file: CreditFile): Promise<string> {
  const codes = (globalThis as Record<symbol, unknown>)[PRINTED] as Map<string, string> | undefined
  return codes?.get(file.subject.id) ?? (await reportCode(file))
}
