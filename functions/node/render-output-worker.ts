import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parentPort } from 'node:worker_threads'
import { scanText, type OutputFinding } from './personal-info-scan.ts'
import type { OutputEnded } from './render-output.ts'

/** Worker thread of render-output.ts: writes and scans each rendered file, reports at the end. */
type Message =
  | { type: 'begin'; allowed: string[] | null }
  | { type: 'file'; file: string; to: string; bytes: Uint8Array; scan: boolean }
  | { type: 'end' }

let allowed: string[] | null = null
let files: string[] = []
let findings: OutputFinding[] = []
let error: string | undefined
/** The last directory made: a build writes many files into each (or one into each of many). */
let made = ''

parentPort!.on('message', (m: Message) => {
  if (m.type === 'begin') {
    allowed = m.allowed
    files = []
    findings = []
    error = undefined
    made = ''
  } else if (m.type === 'file') {
    // After a failure nothing more is written: the build fails and its directory is discarded.
    if (error) return
    try {
      const dir = dirname(m.to)
      if (dir !== made) mkdirSync(dir, { recursive: true })
      made = dir
      writeFileSync(m.to, m.bytes)
    } catch (err) {
      error = `${m.file}: ${err instanceof Error ? err.message : String(err)}`
      return
    }
    if (!allowed || !m.scan) return
    // Decoded as the builder's own scan reads a file (readFile with 'utf8').
    const raw = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength).toString('utf8')
    findings.push(...scanText(m.file, raw, allowed))
    files.push(m.file)
  } else {
    const ended: OutputEnded = { scan: allowed ? { files, findings } : null, error }
    parentPort!.postMessage(ended)
  }
})
