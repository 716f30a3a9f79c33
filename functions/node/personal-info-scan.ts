import { readdir, readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { extname, join, relative, sep } from 'node:path'
import { Worker } from 'node:worker_threads'
import { findPersonalInfo, personalInfoLabel } from '../../db/domain/personal-info.ts'
import { inBatches } from './file-batches.ts'

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

/** Whether the scan reads a file of the site (`file` relative to its root, `/` between parts). */
export function isScannedFile(file: string): boolean {
  return TEXT_FILES.has(extname(file)) && !file.split('/').some((part) => SKIP_DIRS.has(part))
}

/** The findings in one file's text (`raw`, as written); `allowed` as scanOutputForPersonalInfo. */
export function scanText(file: string, raw: string, allowed: string[]): OutputFinding[] {
  let text = extname(file) === '.html' ? visibleText(raw) : raw
  for (const contact of allowed) text = text.split(contact).join(' ')
  return findPersonalInfo(text).map((f) => ({
    file,
    kind: personalInfoLabel[f.kind],
    position: f.start + 1,
  }))
}

/** Scan some files (paths relative to `dir`); runs in a worker thread or in-process. */
export async function scanFiles(
  dir: string,
  files: string[],
  allowed: string[]
): Promise<OutputFinding[]> {
  const findings: OutputFinding[] = []
  // A few reads in flight keep the disk busy while the detector runs.
  for (let i = 0; i < files.length; i += 16) {
    const batch = files.slice(i, i + 16)
    const texts = await Promise.all(batch.map((file) => readFile(join(dir, file), 'utf8')))
    texts.forEach((raw, k) => findings.push(...scanText(batch[k]!, raw, allowed)))
  }
  return findings
}

/**
 * The text files under `dir`, relative to it. A level at a time with a few directories read at
 * once: one `readdir` after another took ≈ 1 s for the 14,000 directories of a 10,000-subject
 * build, never more than a few in flight so that the server's own reads are not queued behind.
 */
async function listTextFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  let level = [dir]
  while (level.length) {
    const next: string[] = []
    await inBatches(level, 16, async (d) => {
      for (const entry of await readdir(d, { withFileTypes: true })) {
        const path = join(d, entry.name)
        if (entry.isDirectory()) {
          if (!SKIP_DIRS.has(entry.name)) next.push(path)
        } else if (TEXT_FILES.has(extname(entry.name))) files.push(relative(dir, path))
      }
    })
    level = next
  }
  return files
}

/** Run `scanFiles` in a worker thread, so a build uses every core for the scan. */
function scanInWorker(dir: string, files: string[], allowed: string[]): Promise<OutputFinding[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./personal-info-scan-worker.ts', import.meta.url), {
      workerData: { dir, files, allowed },
    })
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`personal-information scan worker exited with ${code}`))
    })
  })
}

/** Files already scanned, and what was found in them: the pages Astro rendered (render-output.ts). */
export type ScannedAlready = { files: string[]; findings: OutputFinding[] }

/**
 * The build's last line of defence (DESIGN §6): scan every page, feed and data file for
 * personal-information patterns. `allowed` holds the publisher's own published contacts (the
 * bureau's phone and e-mail in the footer), which are not personal information. Files in
 * `already` were scanned as they were rendered, from the bytes written; every other file is read
 * here (`read`: how many). Large outputs are split across worker threads.
 */
export async function scanOutputForPersonalInfo(
  dir: string,
  allowed: string[] = [],
  already: ScannedAlready = { files: [], findings: [] }
): Promise<{ findings: OutputFinding[]; read: number }> {
  // A partial build calls this before the pages kept from the previous build (which scanned
  // them) are moved in, so everything here is new.
  const scanned = new Set(already.files)
  const files = (await listTextFiles(dir)).filter((f) => !scanned.has(f.split(sep).join('/')))
  const threads = files.length < 200 ? 1 : Math.min(availableParallelism(), 4)
  const found =
    threads === 1
      ? [await scanFiles(dir, files, allowed)]
      : await Promise.all(
          Array.from({ length: threads }, (_, t) =>
            scanInWorker(
              dir,
              files.filter((_, i) => i % threads === t),
              allowed
            )
          )
        )
  const findings = [...already.findings, ...found.flat()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.position - b.position
  )
  return { findings, read: files.length }
}

/** The published contacts of a jurisdiction, as they are written and without a （…） note. */
export function allowedContacts(contacts: string[]): string[] {
  return contacts.flatMap((c) => [c, c.replace(/（[^）]*）$/, '').trim()]).filter(Boolean)
}
