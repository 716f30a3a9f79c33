import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_JURISDICTION, Jurisdiction } from '../db/domain/jurisdiction.ts'
import { productionJurisdiction } from '../tests/fixtures/production-jurisdiction.ts'
import { productionProblems, TEMPLATE_USCCS } from './production.ts'

const template = Jurisdiction.parse(
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../deploy/jurisdiction.template.json'), 'utf8')
  )
)
const ready = {
  jurisdictionFile: '/etc/wuye-credit/jurisdiction.json',
  jurisdiction: productionJurisdiction,
  hasAccounts: true,
  hasDemoData: false,
}
const env = { SITE_URL: 'https://wuye.pj-zjj.cn' }

describe('productionProblems', () => {
  it('lets a configured installation start', () => {
    expect(productionProblems(env, ready)).toEqual([])
  })

  it('refuses the built-in example jurisdiction and says what to set', () => {
    const problems = productionProblems(env, {
      ...ready,
      jurisdictionFile: undefined,
      jurisdiction: DEFAULT_JURISDICTION,
    })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/未设置 JURISDICTION_FILE.*deploy\/jurisdiction\.template\.json/)
  })

  it('names every example value left in a copied template, the invented USCCs included', () => {
    const problems = productionProblems(env, { ...ready, jurisdiction: template })
    const text = problems.join('\n')
    for (const field of [
      'publisher.address',
      'publisher.phone',
      'publisher.email',
      'siteIdentifiers.siteCode',
      'siteIdentifiers.icp',
      'siteIdentifiers.publicSecurity',
      'authorities[0].uscc',
      'authorities[6].uscc',
    ])
      expect(text).toContain(`${field} 仍是示例值`)
    expect(template.authorities!.every((a) => TEMPLATE_USCCS.has(a.uscc))).toBe(true)
  })

  it('requires the authorities and their USCCs', () => {
    const { authorities: _, ...without } = productionJurisdiction
    expect(productionProblems(env, { ...ready, jurisdiction: without }).join()).toMatch(
      /缺少 authorities/
    )
  })

  it('requires a public https SITE_URL', () => {
    for (const [url, message] of [
      [undefined, /未设置 SITE_URL/],
      ['http://wuye.pj-zjj.cn', /必须以 https/],
      ['https://localhost:4321', /指向本机/],
      ['https://127.0.0.1', /指向本机/],
      ['https://wuye.example.gov.cn', /示例地址/],
      ['https://wuye.pj-zjj.cn/credit/', /根地址/],
      ['not a url', /不是有效的网址/],
    ] as const)
      expect(productionProblems({ SITE_URL: url }, ready).join(), String(url)).toMatch(message)
  })

  it('needs ADMIN_PASSWORD only while there is no account, and no demo data left', () => {
    expect(productionProblems(env, { ...ready, hasAccounts: false }).join()).toMatch(
      /ADMIN_PASSWORD/
    )
    expect(
      productionProblems(
        { ...env, ADMIN_PASSWORD: 'Qh7#vLm2$Tz9wXk' },
        { ...ready, hasAccounts: false }
      )
    ).toEqual([])
    expect(
      productionProblems(
        { ...env, ADMIN_PASSWORD: 'password' },
        { ...ready, hasAccounts: false }
      ).join()
    ).toMatch(/ADMIN_PASSWORD 不符合密码要求/)
    expect(productionProblems(env, { ...ready, hasDemoData: true }).join()).toMatch(
      /npm run demo:remove/
    )
  })
})
