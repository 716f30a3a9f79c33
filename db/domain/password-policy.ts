/**
 * Admin password policy (security matrix A1; 等保 8.1.4.1a): 12–128 characters after NFKC, at least
 * 3 of 4 classes (lower, upper, digit, other — CJK counts as other), not the username, and none of
 * the weak patterns that breached-password lists are full of.
 */
export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

const WEAK_WORDS = [
  'password',
  'passwd',
  'admin',
  'administrator',
  'welcome',
  'letmein',
  'iloveyou',
  'qwerty',
  'asdfgh',
  'zxcvbn',
  '1qaz2wsx',
  'qazwsx',
  'woaini',
  'abc123',
  'aaaaaa',
  'changeme',
  'secret',
  'panjin',
  'wuye',
  'zhujian',
  'default',
  'login',
  'master',
  'monkey',
  'dragon',
  'football',
]
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '@': 'a',
  $: 's',
  '7': 't',
}

/** NFKC, the same at enrolment and at login, so full-width and composed forms hash alike. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC')
}

function hasSequence(text: string): boolean {
  const digits = '01234567890'
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  for (let i = 0; i + 6 <= text.length; i++) {
    const run = text.slice(i, i + 6).toLowerCase()
    if (digits.includes(run) || letters.includes(run) || /^(.)\1{5}$/.test(run)) return true
  }
  return false
}

/** Chinese reasons why a password is refused; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const p = normalizePassword(password)
  const problems: string[] = []
  const length = [...p].length
  if (length < PASSWORD_MIN) problems.push(`密码长度至少${PASSWORD_MIN}位`)
  if (length > PASSWORD_MAX) problems.push(`密码长度不能超过${PASSWORD_MAX}位`)
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((r) =>
    r.test(p)
  )
  if (classes.length < 3) problems.push('密码须包含大写字母、小写字母、数字、其他字符中的至少三类')
  const lower = p.toLowerCase()
  if (username && lower.includes(username.toLowerCase())) problems.push('密码不能包含用户名')
  const deleet = [...lower].map((c) => LEET[c] ?? c).join('')
  if (WEAK_WORDS.some((w) => lower.includes(w) || deleet.includes(w)) || hasSequence(p)) {
    problems.push('密码过于常见或含有连续、重复字符，容易被猜中')
  }
  return problems
}
