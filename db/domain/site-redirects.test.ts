import { describe, expect, it } from 'vitest'
import { cloudflareRedirectsFile, redirectFor } from './site-redirects.ts'

describe('site redirects', () => {
  it('keeps the credit report address: it answers with the credit file’s report section', () => {
    expect(redirectFor('/enterprises/91350100M000100Y43/report/')).toEqual({
      location: '/enterprises/91350100M000100Y43/#report',
      status: 301,
    })
    expect(redirectFor('/enterprises//report/')).toBeNull()
    expect(redirectFor('/enterprises/91350100M000100Y43/')).toBeNull()
    expect(redirectFor('/enterprises/x/report/extra/')).toBeNull()
  })

  it('writes the same rules for Cloudflare', () => {
    expect(cloudflareRedirectsFile()).toBe(
      '/enterprises/:id/report/ /enterprises/:id/#report 301\n'
    )
  })
})
