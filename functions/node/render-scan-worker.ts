import { parentPort } from 'node:worker_threads'
import { scanText, type OutputFinding } from './personal-info-scan.ts'

/** Worker thread of render-scan.ts: scans each rendered file as it arrives, reports at the end. */
type Message =
  | { type: 'begin'; allowed: string[] }
  | { type: 'file'; file: string; bytes: Uint8Array }
  | { type: 'end' }

let allowed: string[] = []
let files: string[] = []
let findings: OutputFinding[] = []
parentPort!.on('message', (m: Message) => {
  if (m.type === 'begin') {
    allowed = m.allowed
    files = []
    findings = []
  } else if (m.type === 'file') {
    // Decoded as the builder's own scan reads a file (readFile with 'utf8').
    const raw = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength).toString('utf8')
    findings.push(...scanText(m.file, raw, allowed))
    files.push(m.file)
  } else parentPort!.postMessage({ files, findings })
})
