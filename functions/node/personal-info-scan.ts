import { readdir, readFile } from 'node:fs/promises'
import { extname, join, relative } from 'node:path'
import { findPersonalInfo, personalInfoLabel } from '../../db/domain/personal-info.ts'

/** Files people and programs read; Pagefind's index and hashed assets are derived from the pages. */
const TEXT_FILES = new Set(['.html', '.xml', '.csv', '.json', '.txt'])
const SKIP_DIRS = new Set(['pagefind', '_astro'])

const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)\b[^>]*>/gi

export type OutputFinding = { file: string; kind: string; position: number }

/** The words of an HTML page: scripts, styles and tags dropped, common entities decoded. */
function visibleText(html: string): string {
  return (
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '\n')
      // Inline tags can split a number to hide it (<b>138</b>0013…); block tags end a token, so
      // two numbers in adjacent cells are not read as one.
      .replace(INLINE_TAG, '')
      .replace(/<[^>]*>/g, '\n')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
  )
}

/**
 * The build's last line of defence (DESIGN §6): scan every page, feed and data file for
 * personal-information patterns. `allowed` holds the publisher's own published contacts (the
 * bureau's phone and e-mail in the footer), which are not personal information.
 */
export async function scanOutputForPersonalInfo(
  dir: string,
  allowed: string[] = []
): Promise<OutputFinding[]> {
  const findings: OutputFinding[] = []
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(path)
        continue
      }
      const ext = extname(entry.name)
      if (!TEXT_FILES.has(ext)) continue
      let text = await readFile(path, 'utf8')
      if (ext === '.html') text = visibleText(text)
      for (const contact of allowed) text = text.split(contact).join(' ')
      for (const f of findPersonalInfo(text)) {
        findings.push({
          file: relative(dir, path),
          kind: personalInfoLabel[f.kind],
          position: f.start + 1,
        })
      }
    }
  }
  await walk(dir)
  return findings
}

/** The published contacts of a jurisdiction, as they are written and without a （…） note. */
export function allowedContacts(contacts: string[]): string[] {
  return contacts.flatMap((c) => [c, c.replace(/（[^）]*）$/, '').trim()]).filter(Boolean)
}
