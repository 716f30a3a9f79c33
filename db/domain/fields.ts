import { z } from 'zod'
import { wording } from './wording.ts'

/**
 * Input fields that speak the wording guide (db/domain/wording.ts): every message names its
 * field, and an empty field is asked for rather than called malformed.
 */

/** A required date (YYYY-MM-DD, as <input type=date> sends it), named in every message. */
export const dateField = (label: string) =>
  z
    .string({ error: () => wording.empty(label) })
    .trim()
    .min(1, { message: wording.empty(label) })
    .pipe(z.iso.date({ message: wording.format(label, '应为有效日期，如2026-11-30') }))

/** One of a fixed list (a <select>): empty asks for a choice; anything else is not on the list. */
export const choiceField = <const T extends readonly [string, ...string[]]>(
  label: string,
  values: T
) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined || issue.input === ''
        ? wording.choose(label)
        : `${label}不在可选范围内，请从列表中选择`,
  })

/** A record chosen in a picker (site/console/picker.ts), sent as its number. */
export const pickedIdField = (label: string) =>
  z
    .number({ error: () => wording.choose(label) })
    .int({ message: wording.choose(label) })
    .positive({ message: wording.choose(label) })
