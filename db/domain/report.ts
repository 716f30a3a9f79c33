import type { CreditFile } from './credit-file.ts'
import { listStatusLabel } from './labels.ts'

/** What a verifier is shown, to compare with the printed report. */
export type ReportSummary = {
  subjectId: string
  name: string
  asOf: string
  listStatus: string
  grade: string | null
  penalties: string[]
  listEntries: string[]
}

export function reportSummary(file: CreditFile): ReportSummary {
  return {
    subjectId: file.subject.id,
    name: file.subject.name,
    asOf: file.asOf,
    listStatus: listStatusLabel[file.listStatus],
    grade: file.rating?.grade ?? null,
    penalties: file.penalties.map((p) => p.decisionNo),
    listEntries: file.listEntries.map((e) => e.decisionNo),
  }
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/**
 * 报告验证码: derived from the whole credit file as published on its date (SHA-256 of its JSON),
 * twelve characters from an alphabet without look-alikes (no I, O, 0, 1), as XXXX-XXXX-XXXX.
 * Any change to what the report shows gives another code.
 */
export async function reportCode(
  file: CreditFile,
  /** The file's JSON, when the caller has it already (the build serialises each file once). */
  json: string = JSON.stringify(file)
): Promise<string> {
  const bytes = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json))
  )
  const chars = [...bytes.slice(0, 12)].map((b) => BASE32[b % 32]).join('')
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`
}

/** Normalise what a person types (lower case, spaces, missing dashes) to the printed form. */
export function normaliseReportCode(input: string): string | null {
  const chars = input.toUpperCase().replace(/[^A-Z0-9]/g, '')
  if (chars.length !== 12 || [...chars].some((c) => !BASE32.includes(c))) return null
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`
}
