import { fromHtml } from 'hast-util-from-html'
import type { Element, Nodes } from 'hast'
import { describe, expect, it } from 'vitest'
import corpus from '../../tests/fixtures/xss-corpus.json' with { type: 'json' }
import { renderMarkdown } from './markdown.ts'

// The bad-input corpus of security-matrix section 3 (Markdown/HTML XSS), shared with the
// property test and the browser journey.
const CORPUS = corpus.markdown
const FORBIDDEN = new Set([
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
])

function elements(node: Nodes): Element[] {
  const own = node.type === 'element' ? [node] : []
  return 'children' in node ? [...own, ...node.children.flatMap((c) => elements(c as Nodes))] : own
}

describe('E1 Markdown XSS corpus', () => {
  it('renders every corpus item inert, checked on a parsed DOM', () => {
    for (const input of CORPUS) {
      const html = renderMarkdown(input)
      for (const el of elements(fromHtml(html, { fragment: true }))) {
        expect(FORBIDDEN.has(el.tagName), `${input} → ${html}`).toBe(false)
        for (const [name, value] of Object.entries(el.properties)) {
          expect(name.startsWith('on'), `${input} → ${html}`).toBe(false)
          if (name === 'href' || name === 'src')
            expect(String(value), input).toMatch(/^(https?:|mailto:|[^:]*$)/i)
          if (name === 'id' || name === 'name')
            expect(String(value), input).toMatch(/^user-content-/)
        }
      }
    }
  })

  it('keeps ordinary Markdown: paragraphs, lists, emphasis and https links', () => {
    expect(
      renderMarkdown(
        '经查，该企业：\n\n- 未公示收费标准\n- **擅自**提高收费\n\n[条例](https://example.gov.cn/x)'
      )
    ).toBe(
      '<p>经查，该企业：</p>\n<ul>\n<li>未公示收费标准</li>\n<li><strong>擅自</strong>提高收费</li>\n</ul>\n<p><a href="https://example.gov.cn/x">条例</a></p>'
    )
  })
})
