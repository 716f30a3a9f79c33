/**
 * Photos from the public keep their pixels and lose everything else (issue 17): EXIF and XMP
 * (GPS above all), comments, thumbnails, text chunks, and anything appended after the image's
 * end (the usual way to make a file that is also a ZIP or HTML). The type is read from the bytes,
 * never from the file name or the header the browser sent.
 *
 * Segment filtering rather than decode-and-re-encode: it runs in milliseconds on both runtimes
 * (a pure-JS JPEG decoder needs seconds and ~50 MB for a phone photo, past a Worker's CPU budget),
 * and it keeps the photo as taken. One consequence: the EXIF orientation goes with the EXIF, so a
 * sideways phone photo shows sideways to staff.
 */
export type ImageType = 'image/jpeg' | 'image/png'

export class ImageRefusedError extends Error {}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The image type the bytes really are, or null. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png'
  return null
}

export function stripMetadata(bytes: Uint8Array, type: ImageType): Uint8Array {
  refusePolyglot(bytes)
  return type === 'image/jpeg' ? stripJpeg(bytes) : stripPng(bytes)
}

/**
 * A file that is also markup or an archive is refused, not cleaned (matrix N4): markup anywhere
 * (`<script`, `<html`, `<svg`, `<?php`, `<iframe` …, in any case), or a ZIP, PDF or executable
 * signature after the image's end. Seven ASCII bytes in a row almost never occur by chance in
 * compressed pixels; the four-byte signatures would, about once in a thousand 5 MB photos, so they
 * are looked for only after the image's end marker.
 * Plain padding or a camera's own trailer (a motion photo's video) is dropped by the stripper.
 */
const MARKUP = ['<script', '<html', '<svg', '<?php', '<iframe', '<body', '<object'].map((m) =>
  new TextEncoder().encode(m)
)
const SIGNATURES = ['PK\x03\x04', '%PDF', 'MZ', '#!'].map((m) =>
  Uint8Array.from(m, (c) => c.charCodeAt(0))
)

function refusePolyglot(b: Uint8Array) {
  const lower = (x: number) => (x >= 0x41 && x <= 0x5a ? x + 32 : x)
  const at = (needle: Uint8Array, from: number, fold: boolean) => {
    outer: for (let i = from; i + needle.length <= b.length; i++) {
      for (let j = 0; j < needle.length; j++)
        if ((fold ? lower(b[i + j]!) : b[i + j]!) !== needle[j]) continue outer
      return i
    }
    return -1
  }
  if (MARKUP.some((m) => at(m, 0, true) >= 0))
    throw new ImageRefusedError('文件中夹带了网页代码，不是单纯的图片')
  const end = imageEnd(b)
  if (end >= 0 && SIGNATURES.some((s) => at(s, end, false) >= 0))
    throw new ImageRefusedError('图片末尾夹带了其他文件')
}

/** Where the image data ends: after the last JPEG EOI or the PNG IEND chunk; -1 if neither. */
function imageEnd(b: Uint8Array): number {
  if (b[0] === 0xff) {
    const eoi = lastIndexOfEoi(b)
    return eoi < 0 ? -1 : eoi + 2
  }
  const iend = new TextEncoder().encode('IEND')
  for (let i = b.length - 4; i >= 8; i--)
    if (b[i] === iend[0] && b[i + 1] === iend[1] && b[i + 2] === iend[2] && b[i + 3] === iend[3])
      return i + 8
  return -1
}

/** JPEG markers kept before the scan: frame headers, tables, restart interval, Adobe colour. */
function keepJpegMarker(marker: number): boolean {
  const frame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc8 // SOFn, DHT (C4), DAC (CC)
  return frame || marker === 0xdb || marker === 0xdd || marker === 0xee // DQT, DRI, APP14
}

function stripJpeg(b: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [b.subarray(0, 2)]
  let i = 2
  let sawFrame = false
  for (;;) {
    if (i + 4 > b.length || b[i] !== 0xff) throw new ImageRefusedError('JPEG 结构不完整')
    const marker = b[i + 1]!
    if (marker === 0xff) {
      i++ // fill byte
      continue
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!
    if (length < 2 || i + 2 + length > b.length) throw new ImageRefusedError('JPEG 结构不完整')
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      sawFrame = true
    if (marker === 0xda) {
      // The scan(s) to the image's end marker; whatever follows the last FFD9 is dropped.
      const end = lastIndexOfEoi(b)
      if (!sawFrame || end < i) throw new ImageRefusedError('JPEG 缺少图像数据')
      out.push(b.subarray(i, end + 2))
      break
    }
    if (keepJpegMarker(marker)) out.push(b.subarray(i, i + 2 + length))
    i += 2 + length
  }
  return concat(out)
}

function lastIndexOfEoi(b: Uint8Array): number {
  for (let j = b.length - 2; j >= 0; j--) if (b[j] === 0xff && b[j + 1] === 0xd9) return j
  return -1
}

/** PNG chunks that carry pixels or colour, never text, time or EXIF. */
const PNG_KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'pHYs',
])

function stripPng(b: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [b.subarray(0, 8)]
  let i = 8
  let first = true
  for (;;) {
    if (i + 12 > b.length) throw new ImageRefusedError('PNG 结构不完整')
    const length = ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8))
    if (i + 12 + length > b.length) throw new ImageRefusedError('PNG 结构不完整')
    if (first && type !== 'IHDR') throw new ImageRefusedError('PNG 结构不完整')
    first = false
    if (PNG_KEPT.has(type)) out.push(b.subarray(i, i + 12 + length))
    i += 12 + length
    if (type === 'IEND') break // and nothing after it
  }
  return concat(out)
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
