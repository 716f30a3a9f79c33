import { maskForMessage, wording } from './wording.ts'
/**
 * 个人信息检测 — published text must not carry natural persons' ID numbers, phone numbers, bank
 * card numbers, e-mail addresses or door-level home addresses (legal-rules.md b4). The detector
 * sees through the usual disguises: full-width characters, spaces or dashes between digits, and
 * zero-width characters, and reports each finding by kind and by its position in the original
 * text (never by its value, which is the thing that must not spread).
 */
import { isValidUscc } from './uscc.ts'

export const PERSONAL_INFO_KINDS = [
  'id_number',
  'id_number_15',
  'mobile',
  'landline',
  'bank_card',
  'email',
  'door_address',
] as const
export type PersonalInfoKind = (typeof PERSONAL_INFO_KINDS)[number]

export const personalInfoLabel = {
  id_number: '居民身份证号码',
  id_number_15: '15位居民身份证号码',
  mobile: '手机号码',
  landline: '固定电话号码',
  bank_card: '银行卡号',
  email: '电子邮箱',
  door_address: '门牌号级住址',
} as const satisfies Record<PersonalInfoKind, string>

/** One finding: its kind and where it sits in the original text (0-based, end exclusive). */
export type PersonalInfoFinding = { kind: PersonalInfoKind; start: number; end: number }

const ZERO_WIDTH = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/
/** Spaces inside a token; a line break ends it (CSV rows and table cells stay apart). */
const SPACE = /[^\S\r\n]/

/** A normalised view of a text, and the original index of each of its characters. */
type View = { text: string; at: (index: number) => number }

/** One replacement a normalising pass made: where it sits in its output and in its input. */
type Edit = { out: number; outLen: number; src: number; srcLen: number }

/**
 * `text.replace(pattern, fn)` that remembers its edits, so an index in the result maps back to
 * the input without a table per character (a build scans megabytes of pages and data files).
 * `pattern` must have no capture groups.
 */
function replaceTracked(
  text: string,
  pattern: RegExp,
  fn: (match: string) => string
): { text: string; back: (index: number) => number } {
  const edits: Edit[] = []
  let delta = 0
  const out = text.replace(pattern, (match: string, offset: number) => {
    const r = fn(match)
    if (r === match) return match
    edits.push({ out: offset + delta, outLen: r.length, src: offset, srcLen: match.length })
    delta += r.length - match.length
    return r
  })
  const back = (index: number): number => {
    let lo = 0
    let hi = edits.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (edits[mid]!.out <= index) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    if (found < 0) return index
    const e = edits[found]!
    return index < e.out + e.outLen ? e.src : e.src + e.srcLen + (index - e.out - e.outLen)
  }
  return { text: out, back }
}

/** Code points that are not plain ASCII or CJK ideographs (which NFKC leaves alone), and spaces. */
const NEEDS_NORMALISING = /[\t\v\f ]|[^\0-\x7F\u4E00-\u9FFF]/gu
const SEPARATOR_BETWEEN_DIGITS = /(?<=\d)[-.·_/](?=\d)/g

/** Pages repeat a small set of characters (Chinese punctuation above all): remember each. */
const normalisedChars = new Map<string, string>()

function normaliseChar(raw: string): string {
  let c = normalisedChars.get(raw)
  if (c === undefined) {
    const nfkc = raw.normalize('NFKC')
    c = ZERO_WIDTH.test(raw) || SPACE.test(nfkc) ? '' : nfkc
    normalisedChars.set(raw, c)
  }
  return c
}

/**
 * NFKC each character (full-width digits and letters become ASCII), drop zero-width characters
 * and spaces (not line breaks), and with `joinDigits` also separators between two digits
 * ("138-0013 8000").
 */
export function normalise(original: string, joinDigits: boolean): View {
  const first = replaceTracked(original, NEEDS_NORMALISING, normaliseChar)
  if (!joinDigits) return { text: first.text, at: first.back }
  const second = replaceTracked(first.text, SEPARATOR_BETWEEN_DIGITS, () => '')
  return { text: second.text, at: (index) => first.back(second.back(index)) }
}

/** GB 11643-1999 check character (ISO 7064 MOD 11-2). */
function idCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, k) => s + Number(d) * weights[k]!, 0)
  return '10X98765432'[sum % 11]!
}

function validDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4))
  const m = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function luhn(digits: string): boolean {
  let sum = 0
  for (let k = 0; k < digits.length; k++) {
    let d = Number(digits[digits.length - 1 - k])
    if (k % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return sum % 10 === 0
}

type Rule = {
  kind: PersonalInfoKind
  view: 'digits' | 'plain'
  pattern: RegExp
  valid?: (match: string) => boolean
}

const RULES: Rule[] = [
  {
    kind: 'id_number',
    view: 'digits',
    pattern: /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{9}[\dXx](?![0-9A-Za-z])/g,
    valid: (m) =>
      validDate(m.slice(6, 14)) &&
      idCheckChar(m.slice(0, 17)) === m[17]!.toUpperCase() &&
      !isValidUscc(m.toUpperCase()),
  },
  {
    kind: 'id_number_15',
    view: 'digits',
    pattern: /(?<![0-9A-Za-z])[1-9]\d{14}(?![0-9A-Za-z])/g,
    valid: (m) => validDate(`19${m.slice(6, 12)}`),
  },
  { kind: 'mobile', view: 'digits', pattern: /(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)/g },
  { kind: 'landline', view: 'digits', pattern: /(?<!\d)0[1-9]\d{1,2}\d{7,8}(?!\d)/g },
  {
    kind: 'bank_card',
    view: 'digits',
    // Not inside a longer code: the first 17 characters of a USCC that ends in a letter are
    // digits, and one in ten of them passes the Luhn check (found by the going-live journey).
    pattern: /(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])/g,
    // A company's USCC can be all digits; it is public, not a card.
    valid: (m) => luhn(m) && !isValidUscc(m),
  },
  {
    kind: 'email',
    view: 'plain',
    // Starts only where a run of address characters starts: the same matches, without retrying
    // every position of long runs (measured: it dominated the build's scan).
    pattern:
      /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  },
  {
    // A flat: 3号楼2单元501室, 5栋1单元302, 2单元501室, 7号楼1201室, 12-2-301.
    kind: 'door_address',
    view: 'plain',
    pattern:
      /\d+(?:号楼|栋|幢|座)\d+单元\d+(?:室|户|号)?|\d+单元\d+(?:室|户|号)|\d+(?:号楼|栋|幢|座)\d+(?:室|户)|(?<![\d-])\d{1,3}-\d{1,2}-\d{3,4}(?![\d-])/g,
  },
]

/** Every personal-information pattern in `text`, with positions in the original string. */
export function findPersonalInfo(text: string): PersonalInfoFinding[] {
  if (!text) return []
  const views = { digits: normalise(text, true), plain: normalise(text, false) }
  const found: PersonalInfoFinding[] = []
  for (const rule of RULES) {
    const view = views[rule.view]
    for (const m of view.text.matchAll(rule.pattern)) {
      if (rule.valid && !rule.valid(m[0])) continue
      const first = m.index
      const last = first + m[0].length - 1
      const start = view.at(first)
      const end = view.at(last) + 1
      // One span is reported once, under the most specific kind (an ID is not also a bank card).
      if (found.some((f) => f.start < end && start < f.end)) continue
      found.push({ kind: rule.kind, start, end })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** The message an editor reads: what was found and where, never the value itself. */
/** The error for a finding: the field, and what was found quoted back masked (139****6608). */
export function personalInfoMessage(label: string, value: string, f: PersonalInfoFinding): string {
  // Quoted as the digits it reads as: full-width forms and separators do not disguise it here.
  const found = maskForMessage(
    value
      .slice(f.start, f.end)
      .normalize('NFKC')
      .replace(/[\s\-－—]/g, '')
  )
  return wording.personalInfo(label, personalInfoLabel[f.kind], found)
}

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '钟离',
  '端木',
]

/** 张三 → 张某, 欧阳明 → 欧阳某: how other natural persons are named in published text. */
export function maskPersonName(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) return trimmed
  const surname = COMPOUND_SURNAMES.find((s) => trimmed.startsWith(s)) ?? [...trimmed][0]!
  return `${surname}某`
}

/** Replace each listed person's name in a text with its 某 form (longest names first). */
export function maskPersonNames(text: string, names: string[]): string {
  return [...names]
    .filter((n) => n.trim().length >= 2)
    .sort((a, b) => b.length - a.length)
    .reduce((t, n) => t.split(n.trim()).join(maskPersonName(n)), text)
}
