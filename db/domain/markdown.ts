import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

/**
 * Markdown → safe HTML for typical-case sections (security matrix E1): raw HTML is never
 * passed through (remark-rehype without allowDangerousHtml drops it), then rehype-sanitize's
 * GitHub schema removes anything else unsafe (javascript: links, event attributes) and prefixes
 * ids with `user-content-`. Sanitising is the last step; nothing transforms the HTML after it.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, {
    ...defaultSchema,
    protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  })
  .use(rehypeStringify)
  .freeze()

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown))
}
