import type { Jurisdiction } from '../db/domain/jurisdiction.ts'
import { passwordProblems } from '../db/domain/password-policy.ts'

/** Markers of the example values the repository ships (DEFAULT_JURISDICTION, the template). */
const EXAMPLE_MARKERS = [/示例/, /example\.(gov\.cn|com|org)/i]

/**
 * The authorities' USCCs in deploy/jurisdiction.template.json: valid in form (the schema checks
 * the check character) but invented, so they carry no （示例） mark of their own.
 */
export const TEMPLATE_USCCS = new Set([
  '11211100000000019U',
  '11211102000000027K',
  '11211103000000035W',
  '112111040000000436',
  '112111220000000513',
  '1121117100000006XR',
  '112111720000000788',
])

/** Every string in the jurisdiction that still carries an example marker, with its JSON path. */
function exampleValues(value: unknown, path = ''): { path: string; value: string }[] {
  if (typeof value === 'string')
    return EXAMPLE_MARKERS.some((m) => m.test(value)) || TEMPLATE_USCCS.has(value)
      ? [{ path, value }]
      : []
  if (Array.isArray(value)) return value.flatMap((v, i) => exampleValues(v, `${path}[${i}]`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => exampleValues(v, path ? `${path}.${k}` : k))
  return []
}

/** A public origin the site's links, feeds and QR codes may point at: https, not this machine. */
function siteUrlProblem(raw: string | undefined): string | null {
  const fix = '请把 SITE_URL 设置为公众访问本站的 https 根地址（与备案的域名一致）。'
  if (!raw) return `未设置 SITE_URL：订阅源、规范链接和信用报告的二维码都会指向本机地址。${fix}`
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return `SITE_URL「${raw}」不是有效的网址。${fix}`
  }
  if (url.protocol !== 'https:') return `SITE_URL「${raw}」必须以 https:// 开头。${fix}`
  if (/^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(url.hostname))
    return `SITE_URL「${raw}」指向本机，公众无法访问。${fix}`
  if (EXAMPLE_MARKERS.some((m) => m.test(url.hostname)))
    return `SITE_URL「${raw}」仍是示例地址（deploy/env.example）。${fix}`
  if (url.pathname !== '/' || url.search || url.hash)
    return `SITE_URL「${raw}」只能是站点根地址（不含路径、查询参数）。${fix}`
  return null
}

export type ProductionFacts = {
  /** JURISDICTION_FILE as given (unset: the built-in 盘锦市 example). */
  jurisdictionFile: string | undefined
  jurisdiction: Jurisdiction
  /** Whether the database already has accounts (else ADMIN_PASSWORD creates the first). */
  hasAccounts: boolean
  /** Whether the database still holds seeded 示例数据. */
  hasDemoData: boolean
}

/**
 * What stops `npm start -- --production`: each problem says what to configure, in the words an
 * operator at the bureau reads in the service log. An empty list means the start may go on.
 */
export function productionProblems(env: NodeJS.ProcessEnv, facts: ProductionFacts): string[] {
  const problems: string[] = []
  if (!facts.jurisdictionFile) {
    problems.push(
      '未设置 JURISDICTION_FILE：生产模式需要本辖区的配置文件（城市、县区、发布机关、网站标识码、ICP备案号、' +
        '公安备案号和处罚机关），可从 deploy/jurisdiction.template.json 复制后填写。'
    )
  } else {
    for (const { path, value } of exampleValues(facts.jurisdiction))
      problems.push(`JURISDICTION_FILE 中 ${path} 仍是示例值「${value}」，请填写真实信息。`)
    if (!facts.jurisdiction.authorities?.length)
      problems.push(
        'JURISDICTION_FILE 缺少 authorities：请列出可作出处罚、认定的机关及其统一社会信用代码' +
          '（行政处罚“双公示”要求公开处罚机关统一社会信用代码）。'
      )
  }
  const siteUrl = siteUrlProblem(env.SITE_URL)
  if (siteUrl) problems.push(siteUrl)
  if (!facts.hasAccounts && !env.ADMIN_PASSWORD)
    problems.push(
      '数据库中还没有账号：首次启动请设置 ADMIN_PASSWORD（至少12位，含三类字符）创建管理员 admin，' +
        '启动后即可删除该变量；生产模式不会把密码打印到日志中。'
    )
  if (!facts.hasAccounts && env.ADMIN_PASSWORD) {
    const weak = passwordProblems(env.ADMIN_PASSWORD, 'admin')
    if (weak.length) problems.push(`ADMIN_PASSWORD 不符合密码要求：${weak.join('；')}。`)
  }
  if (facts.hasDemoData)
    problems.push('数据库中仍有示例数据：请先停止服务，运行 npm run demo:remove 删除全部示例数据。')
  return problems
}
