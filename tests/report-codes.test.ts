import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { reportCode } from '../db/domain/report.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../db/queries/public-snapshot.ts'
import { givePrintedReportCodes, printedReportCode } from '../site/lib/report-codes.ts'
import { createSeededTestDb } from './helpers/test-db.ts'

let t: Awaited<ReturnType<typeof createSeededTestDb>>
let snap: PublicSnapshot
beforeAll(async () => {
  t = await createSeededTestDb(10, 3)
  snap = await loadPublicSnapshot(t.db, '2026-11-27')
})
afterAll(() => t.cleanup())
afterEach(() => givePrintedReportCodes(undefined))

describe('the code a credit report prints', () => {
  it('is the code the build kept for it, and computed the same way where none was given', async () => {
    const [a, b] = snap.creditFiles
    const kept = await reportCode(a!)
    givePrintedReportCodes([[a!.subject.id, kept]])
    expect(await printedReportCode(a!)).toBe(kept)
    // A file the build's codes do not name: hashed here, by the same function.
    expect(await printedReportCode(b!)).toBe(await reportCode(b!))
  })

  it('never carries over from one build to the next', async () => {
    const [a] = snap.creditFiles
    givePrintedReportCodes([[a!.subject.id, 'AAAA-BBBB-CCCC']])
    expect(await printedReportCode(a!)).toBe('AAAA-BBBB-CCCC')
    givePrintedReportCodes(undefined)
    expect(await printedReportCode(a!)).toBe(await reportCode(a!))
  })
})
