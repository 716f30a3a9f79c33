import createDOMPurify from 'dompurify'
import fc from 'fast-check'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import corpus from '../../tests/fixtures/xss-corpus.json' with { type: 'json' }
import { renderMarkdown } from './markdown.ts'

/*
 * Security matrix E2, the differential oracle: fast-check writes Markdown from an XSS token
 * grammar; whatever our pipeline (remark → rehype, raw HTML off → rehype-sanitize) emits must be
 * something DOMPurify — run on jsdom, as the matrix requires (never happy-dom or linkedom) — finds
 * nothing to remove. A difference means our output carried markup a second, independent
 * sanitiser considers dangerous.
 */
const window = new JSDOM('').window
const purify = createDOMPurify(window)

const TOKENS = [
  // The XSS corpus of security-matrix section 3, shared with the browser journey.
  ...corpus.markdown,
  '[ok](https://example.com/a?b=1&c=2)',
  '<https://example.com>',
  '![图](https://example.com/a.png)',
  '**加粗**',
  '_强调_',
  '`code <b>`',
  '```\n<script>\n```',
  '| 表 | 头 |\n| - | - |\n| <img src=x onerror=1> | b |',
  '# 标题',
  '- 列表',
  '> 引用',
  '[^1]\n\n[^1]: 脚注',
  '\n\n',
  ' ',
  '<',
  '>',
  '"',
  "'",
  '=',
  '](',
  ')',
  '&amp;',
  '&#x3C;script&#x3E;',
  '经查，该企业以停水方式催缴物业费。',
]
const markdown = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 })
  .map((t) => t.join(''))

/** The browser's own serialisation of an HTML fragment, so both sides are compared alike. */
function normalise(html: string): string {
  return parse(html).innerHTML
}

/** Parsed by jsdom (a test oracle, not a page: nothing here runs in a browser). */
function parse(html: string): HTMLTemplateElement {
  const template = window.document.createElement('template')
  // eslint-disable-next-line no-unsanitized/property -- jsdom in a test, inert template content
  template.innerHTML = html
  return template
}

describe('E2 Markdown pipeline against DOMPurify on jsdom (fast-check)', () => {
  it('emits nothing a second sanitiser would remove', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const html = normalise(renderMarkdown(md))
        expect(normalise(purify.sanitize(html))).toBe(html)
      }),
      { numRuns: 1000 }
    )
  })

  it('emits no executable element, event handler or script URL', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const template = parse(renderMarkdown(md))
        const all = [...template.content.querySelectorAll('*')]
        for (const el of all) {
          expect([
            'script',
            'iframe',
            'object',
            'embed',
            'svg',
            'math',
            'style',
            'form',
            'base',
            'meta',
          ]).not.toContain(el.localName)
          for (const attr of el.attributes) {
            expect(attr.name).not.toMatch(/^on/i)
            // Resolved as a browser would: relative paths land on our origin; any scheme must be
            // https, http or mailto (a colon later in a path is not a scheme).
            if (attr.name === 'href' || attr.name === 'src')
              expect(['https:', 'http:', 'mailto:']).toContain(
                new URL(attr.value, 'https://wuye.example.gov.cn/cases/1/').protocol
              )
            if (attr.name === 'id' || attr.name === 'name')
              expect(attr.value).toMatch(/^user-content-/)
          }
        }
      }),
      { numRuns: 1000 }
    )
  })
})
